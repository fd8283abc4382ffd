//! The national record as a regional or national user brings it in: the whole
//! `../shared/corpus/national/` folder dropped on the window, followed with counts and time
//! left, cancelled and resumed (and, separately, resumed after the app was killed), then an
//! authority among its statistical neighbours and its region.

use crate::support::{corpus, App};
use serde_json::json;
use std::time::{Duration, Instant};

/// The national folder: 497 files, its 494 documents and the scrape tool's sheet, licence and
/// notes. 491 are stored; the 6 refused are the three that are not documents, two saved web
/// pages and a 2009 joint area review (the integration tests read the folder the same way).
const STORED: u64 = 491;
const FILES: u64 = 497;

async fn drop_national(app: &App) {
    let paths = vec![corpus().join("national").display().to_string()];
    let position = json!({ "x": 400, "y": 300 });
    for event in ["tauri://drag-enter", "tauri://drag-drop"] {
        app.emit_to_window(event, json!({ "paths": paths, "position": position }))
            .await;
    }
    app.find("#import-panel:not([hidden])").await;
}

/// How many files the progress bar says are done.
async fn done(app: &App) -> u64 {
    app.eval(
        "return Number(document.querySelector('#import-progress').getAttribute('aria-valuenow') || 0)",
    )
    .await
    .as_u64()
    .unwrap_or(0)
}

/// Waits (up to `limit`) until the import panel says it finished, and returns its summary.
async fn until_finished(app: &App, limit: Duration) -> String {
    let deadline = Instant::now() + limit;
    loop {
        let finished = app
            .eval("return document.querySelector('#import-panel').classList.contains('finished')")
            .await;
        if finished == json!(true) {
            return app
                .eval("return document.querySelector('.import-summary').textContent")
                .await
                .as_str()
                .unwrap_or_default()
                .to_string();
        }
        assert!(
            Instant::now() < deadline,
            "the import did not finish within {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// "491 added · 3 not added" → the number before `words`.
fn count(summary: &str, words: &str) -> u64 {
    summary
        .split(" · ")
        .find(|part| part.ends_with(words))
        .and_then(|part| part.split_whitespace().next())
        .map(|n| n.replace(',', "").parse().expect("a number"))
        .unwrap_or(0)
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: scripts/test-all.sh"]
async fn the_national_record_dropped_cancelled_and_resumed_then_neighbours() {
    let app = App::launch(&[]).await;
    // The whole check of the library runs once the window is drawn, and says what it found.
    app.wait_for_text(
        ".view-library .page-sub",
        &["Library checked: no damage found"],
    )
    .await;
    drop_national(&app).await;

    // Progress with counts and, once the pace is known, the time left.
    app.wait_until(
        "forty files read",
        "return Number(document.querySelector('#import-progress').getAttribute('aria-valuenow') || 0) >= 40",
    )
    .await;
    let running = app
        .wait_for_text(".import-summary", &[" of 497 files read", "added", "left"])
        .await;
    assert!(running.contains("left"), "{running}");
    app.screenshot("national-import-running").await;

    app.click("#import-cancel").await;
    let stopped = until_finished(&app, Duration::from_secs(60)).await;
    let title = app.find("#import-title").await.text().await.unwrap();
    assert_eq!(title, "Import stopped");
    let added_before = count(&stopped, "added");
    let unread = count(&stopped, "not read yet");
    assert!(added_before >= 40, "{stopped}");
    assert!(unread > 0, "stopped before the end: {stopped}");
    app.screenshot("national-import-stopped").await;

    // Resumed: what was stored is recognised, the rest read, to the end.
    app.click("#import-resume").await;
    let summary = until_finished(&app, Duration::from_secs(600)).await;
    assert!(done(&app).await == FILES, "{summary}");
    let present = count(&summary, "already in your library");
    let added = count(&summary, "added");
    assert!(
        present >= added_before,
        "the stored files were recognised: {summary}"
    );
    assert_eq!(present + added, STORED, "{summary}");
    assert_eq!(count(&summary, "not added"), FILES - STORED, "{summary}");
    let refusals = app
        .wait_for_text(".import-refusals", &["Not added, and why"])
        .await;
    assert!(
        refusals.contains("not an inspection report") || refusals.contains("another kind"),
        "refusals are summarised by why: {refusals}"
    );
    app.screenshot("national-import-finished").await;

    // An authority among its statistical neighbours.
    app.click("[aria-label='Close the import panel']").await;
    app.click("#nav-library").await;
    // A library this size draws the authorities near the screen: the filter brings one there.
    app.eval(
        "const f = document.querySelector('#library-filter'); f.value = 'Barnsley'; \
         f.dispatchEvent(new Event('input')); return true",
    )
    .await;
    app.click("[aria-label='Statistical neighbours: Barnsley']")
        .await;
    let table = app
        .wait_for_text(".group-table", &["Barnsley", "2018–23 (ILACS)"])
        .await;
    let rows = app.find_all(".group-table tbody tr").await.len();
    assert_eq!(rows, 11, "the authority and its ten neighbours: {table}");
    let standing = app
        .wait_for_text(".group-standing", &["Where Barnsley stands"])
        .await;
    assert!(standing.contains(" of "), "{standing}");
    app.find(".group-chart svg").await;
    app.screenshot("national-neighbours").await;

    // Standing at an earlier date: before 2018 no ILACS inspection counts.
    app.eval(
        "const at = document.querySelector('#group-at'); at.value = '2017-01-01'; \
         at.dispatchEvent(new Event('change')); return true",
    )
    .await;
    app.wait_for_text(".group-standing", &["1 January 2017"])
        .await;

    // The region likewise.
    app.click("#group-switch").await;
    let region = app
        .wait_for_text("#group-title", &["Yorkshire and the Humber"])
        .await;
    assert!(region.contains("Yorkshire"), "{region}");
    app.find(".group-table tbody tr.group-subject").await;
    app.screenshot("national-region").await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: scripts/test-all.sh"]
async fn an_import_stopped_by_a_crash_is_offered_again_and_resumed() {
    let dir = tempfile::tempdir().expect("a folder");
    let app = App::launch_in(dir, &[], &[]).await;
    drop_national(&app).await;
    app.wait_until(
        "thirty files read",
        "return Number(document.querySelector('#import-progress').getAttribute('aria-valuenow') || 0) >= 30",
    )
    .await;
    // The app is killed mid-import (its process group, as a crash or power cut would).
    let dir = app.quit_keeping_library().await;

    let app = App::launch_in(dir, &[], &[]).await;
    let offer = app
        .wait_for_text(".import-summary", &["national", "stored", "Resume"])
        .await;
    assert!(offer.contains("of 497 files stored"), "{offer}");
    app.screenshot("national-import-offered-after-a-crash")
        .await;
    app.click("#import-resume").await;
    let summary = until_finished(&app, Duration::from_secs(600)).await;
    assert!(
        count(&summary, "already in your library") >= 20,
        "the files stored before the crash were not read again: {summary}"
    );
    assert_eq!(
        count(&summary, "already in your library") + count(&summary, "added"),
        STORED,
        "{summary}"
    );
    app.quit().await;
}
