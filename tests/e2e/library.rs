//! The library under stress: two writers at once (the command-line tool importing a folder while
//! files are dropped on the app, eight times in quick succession: everything lands, nothing is
//! "locked"), and a damaged library, at start or found by the whole check after it (moved aside,
//! and the app says where).

use crate::support::{cli_binary, cli_in, corpus, App};
use serde_json::json;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn files_in(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn the_cli_and_quick_drops_write_to_one_library_at_once() {
    let app = App::launch(&[]).await;
    app.wait_for_text("#library-title", &["Library"]).await;

    // The CLI imports the open set into the app's library...
    let cli = Command::new(cli_binary())
        .arg("--db")
        .arg(&app.db)
        .arg("import")
        .arg(corpus().join("reports"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    // ...while the blind set is dropped on the window in eight quick drops, one file twice.
    let blind = files_in("blind");
    let mut drops: Vec<Vec<String>> = (0..8)
        .map(|k| {
            blind
                .iter()
                .skip(k)
                .step_by(8)
                .map(|p| p.display().to_string())
                .collect()
        })
        .collect();
    drops[7].push(blind[0].display().to_string());
    let dropped: usize = drops.iter().map(Vec::len).sum();
    for paths in &drops {
        app.emit_to_window(
            "tauri://drag-drop",
            json!({ "paths": paths, "position": { "x": 300, "y": 300 } }),
        )
        .await;
    }
    app.wait_until(
        "every dropped file's outcome in one list",
        &format!(
            "return document.querySelectorAll('.import-outcome').length === {dropped} \
             && document.querySelector('#import-panel').classList.contains('finished');"
        ),
    )
    .await;
    let panel = app.find("#import-panel").await.text().await.unwrap();
    assert!(!panel.contains("locked"), "{panel}");

    let cli = cli.wait_with_output().unwrap();
    let cli_out = String::from_utf8_lossy(&cli.stdout);
    let cli_err = String::from_utf8_lossy(&cli.stderr);
    assert!(!cli_err.contains("locked"), "{cli_err}");
    // Exit 1 only for the open set's one non-report, which it names.
    assert_eq!(cli.status.code(), Some(1), "{cli_out}{cli_err}");
    let refused = cli_out.lines().filter(|l| l.starts_with("refused")).count();
    assert_eq!(refused, 1, "{cli_out}");

    // Both writers' reports are in the library, each once: 43 inspections from the two sets.
    let library = inspection_engine::store::Library::open(&app.db).unwrap();
    assert_eq!(library.list().unwrap().len(), 43);
    assert_eq!(library.integrity_check().unwrap(), "ok");
    // And the app shows them once it looks again.
    app.click("#nav-library").await;
    app.wait_for_text("#app", &["Hertfordshire", "Birmingham", "Norfolk"])
        .await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn a_damaged_library_is_moved_aside_and_the_app_says_where() {
    let damaged = b"a library file overwritten by something else".as_slice();
    let app = App::launch_with_library(Some(damaged), &[]).await;
    let toast = app
        .wait_for_text(
            ".toast",
            &["was damaged", "nothing was deleted", ".damaged-"],
        )
        .await;
    assert!(toast.contains("library.db"), "{toast}");
    let folder = app.db.parent().unwrap();
    let moved: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(std::fs::read(&moved[0]).unwrap(), damaged);
    // The new library works.
    app.wait_for_text("#library-title", &["Library"]).await;
    app.quit().await;
}

/// Damage among the stored files is not looked for on the start path (its cost would grow with
/// the library); the whole check the app runs once its window is drawn finds it, moves the
/// library aside and says so.
#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn damage_among_the_stored_files_is_found_after_start_and_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let report = corpus().join("reports/hertfordshire_2018-11-19.pdf");
    cli_in(&dir, &["import".as_ref(), report.as_os_str()]);
    let db = App::library_in(&dir);
    let bytes = crate::hostile_inputs::damage_stored_files(&db);

    let app = App::launch_in(dir, &[], &[]).await;
    let toast = app
        .wait_for_text(
            ".toast",
            &["was damaged", "nothing was deleted", ".damaged-"],
        )
        .await;
    assert!(toast.contains("library.db"), "{toast}");
    app.wait_for_text(".view-library .page-sub", &["Library damaged: moved aside"])
        .await;
    let moved: Vec<PathBuf> = std::fs::read_dir(app.db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(moved.len(), 1, "{moved:?}");
    // The moved library is the damaged one, kept whole (opening it switched it to WAL, nothing
    // more).
    assert_eq!(
        std::fs::metadata(&moved[0]).unwrap().len(),
        bytes.len() as u64
    );
    assert!(matches!(
        inspection_engine::store::check_whole(&moved[0]).unwrap(),
        inspection_engine::store::Soundness::Damaged(_)
    ));
    // The new library is empty and works.
    app.wait_for_text(".view-library", &["Your library is empty"])
        .await;
    app.quit().await;
}

/// A council that replaced another carries the predecessor's history on its timeline, marked.
/// The corpus holds no Northamptonshire report, so the project's own unknown-authority file is
/// filed under Northamptonshire with the command-line tool's `assign`.
#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn a_successor_council_shows_its_predecessors_inspections() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/unknown-authority.txt");
    let west = corpus().join("national/inspections/2637548_west northamptonshire");
    cli_in(
        &dir,
        &["import".as_ref(), fixture.as_os_str(), west.as_os_str()],
    );
    cli_in(
        &dir,
        &["assign".as_ref(), "1".as_ref(), "Northamptonshire".as_ref()],
    );
    let app = App::launch_in(dir, &[], &[]).await;
    let west = "[data-authority='West Northamptonshire']";
    let block = app
        .wait_for_text(
            west,
            &[
                "Formed from Northamptonshire",
                "Predecessor: Northamptonshire",
            ],
        )
        .await;
    assert!(block.contains("2023"), "{block}");
    app.wait_for_text(
        "[data-authority='Northamptonshire']",
        &["Replaced by North Northamptonshire and West Northamptonshire"],
    )
    .await;
    app.eval(&format!(
        "document.querySelector(\"{west}\").scrollIntoView(); return true;"
    ))
    .await;
    app.screenshot("successor-timeline").await;
    app.quit().await;
}

/// North Somerset's timeline: its three inspections and five focused visits in date order,
/// the letters as marks of their own, the 2019 visit's priority actions flagged, and a letter
/// compared with the inspection it follows up.
#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn north_somerset_timeline_shows_letters_in_order_and_compares_one() {
    let dir = tempfile::tempdir().unwrap();
    let national = corpus().join("national");
    cli_in(
        &dir,
        &[
            "import".as_ref(),
            national
                .join("inspections/80528_north somerset")
                .as_os_str(),
            national
                .join("focused-visits/80528_north somerset")
                .as_os_str(),
        ],
    );
    let app = App::launch_in(dir, &[], &[]).await;
    let block = "[data-authority='North Somerset']";
    app.wait_for_text(block, &["3 inspections · 5 letters or joint reports"])
        .await;
    let items = app
        .eval(&format!(
            "return [...document.querySelectorAll(\"{block} .timeline-item\")].map((li) => \
             [li.querySelector('.timeline-year').textContent, li.classList.contains('timeline-letter'), \
              li.querySelector('.card-priority')?.textContent ?? '']);"
        ))
        .await;
    let items: Vec<(String, bool, String)> = serde_json::from_value(items).unwrap();
    let years: Vec<&str> = items.iter().map(|(y, _, _)| y.as_str()).collect();
    assert_eq!(
        years,
        ["2017", "2019", "2020", "2021", "2022", "2023", "2025", "2025"]
    );
    let letters: Vec<bool> = items.iter().map(|(_, l, _)| *l).collect();
    assert_eq!(letters, [false, true, false, true, true, false, true, true]);
    assert_eq!(items[1].2, "!2 areas for priority action");
    app.eval(&format!(
        "document.querySelector(\"{block}\").scrollIntoView(); return true;"
    ))
    .await;
    app.screenshot("timeline-letters").await;

    // The December 2021 visit (published January 2022) against the 2020 inspection.
    let letter = app
        .find_all(&format!(
            "{block} .timeline-item:nth-child(4) .card-actions button"
        ))
        .await;
    assert_eq!(letter.len(), 2, "Open and Compare with previous");
    letter[1].click().await.unwrap();
    app.wait_for_text("#compare-before option:checked", &["2020"])
        .await;
    app.wait_for_text("#compare-after option:checked", &["2021"])
        .await;
    app.wait_for_text("#compare-judgements", &["gives no judgements"])
        .await;
    app.quit().await;
}
