//! Hostile files dropped with real reports: the reports are added, the hostile files refused
//! with their limits named, and the window answers throughout.

use crate::hostile_inputs::{content_bomb_pdf, deep_html};
use crate::support::{herts_pair, App};
use serde_json::json;

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn hostile_files_dropped_with_two_reports_are_refused_and_the_reports_added() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("content-bomb.pdf");
    std::fs::write(&bomb, content_bomb_pdf()).unwrap();
    let deep = dir.path().join("deep.html");
    std::fs::write(&deep, deep_html()).unwrap();
    let [a, b] = herts_pair();

    let app = App::launch(&[]).await;
    app.wait_for_text("#library-title", &["Library"]).await;
    let paths: Vec<String> = [&bomb, &a, &deep, &b]
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    app.emit_to_window(
        "tauri://drag-drop",
        json!({ "paths": paths, "position": { "x": 400, "y": 300 } }),
    )
    .await;
    app.wait_until(
        "every file's outcome",
        "return document.querySelectorAll('.import-outcome').length === 4 \
         && document.querySelector('#import-panel').classList.contains('finished');",
    )
    .await;
    let imported = app
        .find_all(".import-outcome[data-status='imported']")
        .await;
    assert_eq!(imported.len(), 2, "the two reports are added");
    let refused = app.find_all(".import-outcome[data-status='refused']").await;
    assert_eq!(refused.len(), 2, "the two hostile files are refused");
    let mut reasons = Vec::new();
    for row in &refused {
        reasons.push(row.text().await.unwrap());
    }
    let said = reasons.join("\n");
    assert!(
        said.contains("content-bomb.pdf") && said.contains("the limit for one stream"),
        "{said}"
    );
    assert!(
        said.contains("deep.html") && said.contains("256 deep"),
        "{said}"
    );

    // The window still answers: the library lists the two inspections.
    app.click("#import-panel .import-head button").await;
    app.click("#nav-library").await;
    app.wait_for_text("#app", &["Hertfordshire"]).await;
    app.quit().await;
}
