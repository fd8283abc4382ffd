//! Dropping folders on the window: the overlay, the progress bar, the outcome of every file,
//! and the library afterwards.

use crate::support::{corpus, App};
use serde_json::json;

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn dropping_folders_shows_progress_and_every_outcome() {
    let app = App::launch(&[]).await;
    app.wait_for_text("#library-title", &["Library"]).await;

    // The OS's drag-and-drop events, sent as the Tauri runtime sends them, reach the UI's own
    // handlers: the overlay while dragging, then the import the drop handler starts.
    let folders = [corpus().join("reports"), corpus().join("blind")];
    let paths: Vec<String> = folders.iter().map(|f| f.display().to_string()).collect();
    let position = json!({ "x": 400, "y": 300 });
    app.emit_to_window(
        "tauri://drag-enter",
        json!({ "paths": paths, "position": position }),
    )
    .await;
    app.wait_until(
        "the drop overlay",
        "return !document.querySelector('.drop-overlay').hidden",
    )
    .await;
    // No screenshot here: WebKitWebDriver's screenshot never answers while the overlay's
    // backdrop blur is showing.

    // Record the progress bar's values as they change, to prove it moves.
    app.eval(
        "window.__progressSeen = []; const bar = document.querySelector('#import-progress'); \
         new MutationObserver(() => window.__progressSeen.push(bar.getAttribute('aria-valuenow'))) \
           .observe(bar, { attributes: true, attributeFilter: ['aria-valuenow'] }); return true;",
    )
    .await;
    app.emit_to_window(
        "tauri://drag-drop",
        json!({ "paths": paths, "position": position }),
    )
    .await;
    app.wait_until(
        "the overlay to go",
        "return document.querySelector('.drop-overlay').hidden",
    )
    .await;
    app.find("#import-panel:not([hidden])").await;

    let files: usize = folders
        .iter()
        .map(|f| std::fs::read_dir(f).unwrap().count())
        .sum();
    app.wait_until(
        "every file's outcome",
        &format!(
            "return document.querySelectorAll('.import-outcome').length === {files} \
             && document.querySelector('#import-panel').classList.contains('finished');"
        ),
    )
    .await;
    let seen = app.eval("return window.__progressSeen").await;
    let seen: Vec<u64> = seen
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str()?.parse().ok())
        .collect();
    assert!(
        seen.len() >= 3 && seen.windows(2).all(|w| w[0] <= w[1]),
        "the progress bar advanced file by file: {seen:?}"
    );
    assert_eq!(seen.last().copied(), Some(files as u64));

    let refused = app.find_all(".import-outcome[data-status='refused']").await;
    let imported = app
        .find_all(".import-outcome[data-status='imported']")
        .await;
    assert_eq!(imported.len() + refused.len(), files);
    assert!(
        imported.len() >= 40,
        "the reports were added ({})",
        imported.len()
    );
    // The saved "report not found" page is refused, with a reason a person can act on.
    assert!(!refused.is_empty(), "the blind set's non-report is refused");
    for row in &refused {
        let text = row.text().await.unwrap();
        assert!(
            text.contains("Not added:") && text.len() > 40,
            "a readable reason: {text}"
        );
    }
    app.wait_for_text("#import-panel", &["added", "not added"])
        .await;
    app.screenshot("import").await;

    // The library lists the authorities with their inspections and grades.
    app.click("#import-panel .import-head button").await;
    app.click("#nav-library").await;
    app.wait_for_text("#app", &["Hertfordshire", "Norfolk", "Surrey", "Rotherham"])
        .await;
    app.screenshot("library").await;

    // Hertfordshire's two ILACS inspections: the same framework, so the text lines up and the
    // word-level differences show.
    app.click(".authority[data-authority='Hertfordshire'] .compare-latest")
        .await;
    app.wait_for_text("#compare-title", &["Hertfordshire"])
        .await;
    app.wait_for_text("#compare-before option:checked", &["2018"])
        .await;
    app.wait_for_text("#compare-after option:checked", &["2023"])
        .await;
    app.click("#next-change").await;
    app.wait_until(
        "a changed paragraph with word-level highlights",
        "return !!document.querySelector('.current-change');",
    )
    .await;
    // Step to the first paragraph that was reworded (not added or removed).
    app.wait_until(
        "a reworded paragraph",
        "const c = document.querySelector('.current-change'); \
         if (c && c.dataset.kind === 'changed') return true; \
         document.querySelector('#next-change').click(); return false;",
    )
    .await;
    app.screenshot("compare-text").await;
    app.quit().await;
}

/// A report whose authority is on no list: the import asks which authority it is, the report
/// offers the list, and the choice files it (never a made-up authority).
#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn a_report_of_an_unknown_authority_is_filed_where_people_choose() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/unknown-authority.txt");
    let app = App::launch(&[file]).await;
    app.click(".needs-authority").await;
    app.wait_for_text("#report-title", &["Atlantis"]).await;
    app.wait_for_text(".authority-chooser", &["Which authority", "Atlantis"])
        .await;
    app.wait_until(
        "every authority offered",
        "return document.querySelectorAll('#choose-authority option').length > 150;",
    )
    .await;
    app.screenshot("choose-authority").await;
    app.eval(
        "const s = document.querySelector('#choose-authority'); s.value = 'Liverpool'; \
         s.dispatchEvent(new Event('change')); return true;",
    )
    .await;
    app.click("#choose-authority-save").await;
    app.wait_for_text("#report-title", &["Liverpool"]).await;
    app.wait_until(
        "the question gone once answered",
        "return !document.querySelector('.authority-chooser');",
    )
    .await;
    app.quit().await;
}
