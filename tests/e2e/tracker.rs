//! The recommendation tracker: North Somerset's 2020 items followed into the January 2022
//! focused visit; a status and note recorded on one survive a restart of the app.

use crate::support::{cli_in, corpus, App};
use std::process::Command;

const ITEM: &str = "Management oversight and supervision of the progress";

/// The item's row, by its text.
fn row(script_body: &str) -> String {
    format!(
        "const row = [...document.querySelectorAll('.tracker-item')] \
           .find((li) => li.querySelector('.tracker-text').textContent.includes('{ITEM}')); \
         if (!row) return null; {script_body}"
    )
}

async fn open_tracker(app: &App) {
    app.wait_for_text("[data-authority='North Somerset']", &["North Somerset"])
        .await;
    app.click("[data-authority='North Somerset'] .tracker-button")
        .await;
    app.wait_for_text("#tracker-title", &["North Somerset"])
        .await;
    app.wait_until("the item's row", &row("return true;")).await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn a_status_and_note_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let national = corpus().join("national");
    cli_in(
        &dir,
        &[
            "import".as_ref(),
            national
                .join("inspections/80528_north somerset/children's services inspection - 10 june 2020.pdf")
                .as_os_str(),
            national
                .join("focused-visits/80528_north somerset/children's services focused visit - 31 january 2022.pdf")
                .as_os_str(),
        ],
    );

    let app = App::launch_in(dir, &[], &[]).await;
    open_tracker(&app).await;
    let later = app
        .eval(&row(
            "return row.querySelector('.tracker-later').textContent;",
        ))
        .await;
    let later = later.as_str().unwrap();
    assert!(
        later.contains("raised again")
            && later.contains("Management oversight of safeguarding practice"),
        "{later}"
    );
    app.eval(&row(
        "row.querySelector('.tracker-status').value = 'in_progress'; \
         row.querySelector('.tracker-note').value = 'Supervision audit due in March'; \
         row.querySelector('.tracker-save').click(); return true;",
    ))
    .await;
    app.wait_for_text(".toasts", &["Recorded: In progress"])
        .await;
    app.screenshot("tracker").await;

    // Export as CSV through the real save dialog (GTK's, typed into with xdotool as a person
    // would), and read the file back.
    let out = tempfile::tempdir().unwrap();
    let csv_path = out.path().join("north-somerset-tracker.csv");
    app.eval(
        "document.querySelector(\".tracker-export [data-format='csv']\").click(); return true;",
    )
    .await;
    let saved = save_as(&app, &csv_path).await;
    assert!(saved, "the save dialog took the file name");
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let exported = rows
        .iter()
        .find(|r| r[4].starts_with(ITEM))
        .expect("the item's row");
    assert_eq!(
        (&exported[6], &exported[7]),
        ("In progress", "Supervision audit due in March")
    );

    // Restart on the same library: the status and note are still there.
    let dir = app.quit_keeping_library().await;
    let app = App::launch_in(dir, &[], &[]).await;
    open_tracker(&app).await;
    let recorded = app
        .eval(&row(
            "return [row.querySelector('.tracker-status').value, row.querySelector('.tracker-note').value];",
        ))
        .await;
    assert_eq!(
        recorded,
        serde_json::json!(["in_progress", "Supervision audit due in March"])
    );
    app.quit().await;
}

/// Types `path` into the save dialog that has just opened and confirms it; true once the file
/// is written.
async fn save_as(app: &App, path: &std::path::Path) -> bool {
    let xdotool = |args: &[&str]| {
        Command::new("xdotool")
            .args(args)
            .status()
            .expect("xdotool runs (installed by scripts/setup.sh)")
    };
    for _ in 0..40 {
        // The dialog is up once a window named after its title exists.
        let found = Command::new("xdotool")
            .args(["search", "--name", "Export the tracker"])
            .output()
            .expect("xdotool runs");
        if !found.stdout.is_empty() {
            let window = String::from_utf8_lossy(&found.stdout)
                .lines()
                .next()
                .unwrap_or_default()
                .to_string();
            // Xvfb has no window manager: focus the dialog directly.
            xdotool(&["windowfocus", "--sync", &window]);
            xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
            xdotool(&["type", "--delay", "15", &path.display().to_string()]);
            xdotool(&["key", "Return"]);
            for _ in 0..40 {
                if path.is_file() {
                    let _ = app.wait_for_text(".toasts", &["Saved"]).await;
                    return true;
                }
                tokio::time::sleep(std::time::Duration::from_millis(250)).await;
            }
            return false;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    false
}
