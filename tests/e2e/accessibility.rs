//! WCAG 2.2 AA on the real app: axe-core (from npm, `ui/node_modules/axe-core`) injected
//! through WebDriver into the Library, Compare (change list open), Report, Search and Tracker
//! views of a
//! library of the whole national folder, in the light and the dark appearance. Any violation
//! (of WCAG 2.2 AA and axe's best practices, whatever its impact) fails the test, so a new one
//! cannot slip in. Each view is also
//! screenshotted at 1280×800 (`target/screenshots/a11y-<view>-<appearance>.png`).

use crate::support::{cli_binary, corpus, screenshot_dir, within, App};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// A new library holding the national folder, imported by the command-line tool.
fn national_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let output = Command::new(cli_binary())
        .arg("--db")
        .arg(App::library_in(&dir))
        .arg("import")
        .arg(corpus().join("national"))
        .output()
        .expect("the command-line tool runs");
    // A few documents of the folder are not inspection reports and are refused (the exit
    // status says so); the rest must be in.
    let said = String::from_utf8_lossy(&output.stderr);
    let imported: usize = said
        .split(" imported,")
        .next()
        .and_then(|head| head.rsplit(['\n', ' ']).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("importing the national folder: {said}"));
    assert!(imported > 480, "importing the national folder: {said}");
    dir
}

fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `npm ci` in ui/ (scripts/setup.sh does)",
            path.display()
        )
    })
}

/// Runs axe-core on the page as it is and returns its violations of every impact (the issue
/// asks for no serious or critical ones; moderate ones such as heading order are fixed too, so
/// any is a failure), each as "rule (impact): help — first elements".
async fn violations(app: &App, axe: &str) -> Vec<String> {
    let loaded = app
        .eval(&format!(
            "if (!window.axe) {{ {axe}\n }} return typeof window.axe;"
        ))
        .await;
    assert_eq!(loaded, Value::from("object"), "axe-core is in the page");
    // label-content-name-mismatch (WCAG 2.5.3) is experimental in axe, so asked for by name.
    let script = "const done = arguments[arguments.length - 1]; \
        axe.run(document, { resultTypes: ['violations'], \
          rules: { 'label-content-name-mismatch': { enabled: true } } }) \
        .then((r) => done(r.violations \
          .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`)), \
          (e) => done([`axe failed: ${e}`]));";
    let result = within("axe-core", app.client.execute_async(script, vec![]))
        .await
        .unwrap_or_else(|e| panic!("axe-core could not run: {e}"));
    result
        .as_array()
        .expect("a list of violations")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Every view, checked and pictured in one appearance; returns the violations found.
async fn check_every_view(appearance: &str, env: &[(&str, &str)]) -> Vec<String> {
    let liverpool = corpus().join("national/inspections/80485_liverpool");
    let pair = [
        liverpool.join("children's services inspection - 25 may 2023.pdf"),
        liverpool.join("children's services inspection - 07 july 2026.pdf"),
    ];
    let app = App::launch_in(national_library(), &pair, env).await;
    // 1280×800 of page: the window is asked for that much more than its page was given.
    within("resizing the window", app.client.set_window_size(1280, 800))
        .await
        .expect("the window can be resized");
    let inner = app
        .eval("return window.innerHeight;")
        .await
        .as_u64()
        .unwrap_or(800) as u32;
    within(
        "resizing the window",
        app.client.set_window_size(1280, 1600 - inner),
    )
    .await
    .expect("the window can be resized");
    let dark = app
        .eval("return matchMedia('(prefers-color-scheme: dark)').matches;")
        .await;
    assert_eq!(
        dark,
        Value::from(appearance == "dark"),
        "the app shows the {appearance} appearance"
    );
    let axe = axe_source();
    let mut found = Vec::new();
    let mut check = |view: &str, violations: Vec<String>| {
        found.extend(
            violations
                .into_iter()
                .map(|v| format!("{appearance} {view}: {v}")),
        );
    };

    // Compare, launched with Liverpool 2023 and 2026, with the change list open.
    app.wait_for_text("#compare-title", &["Liverpool"]).await;
    app.wait_for_text("#compare-after option:checked", &["2026"])
        .await;
    app.wait_until(
        "the change list open",
        "const list = document.querySelector('#change-list'); \
         if (!list) return false; \
         if (list.hidden) document.querySelector('#toggle-change-list').click(); \
         return !list.hidden;",
    )
    .await;
    app.click("#next-change").await;
    check("compare", violations(&app, &axe).await);
    app.screenshot(&format!("a11y-compare-{appearance}")).await;

    // The library of 490 inspections: every authority, those near the screen drawn.
    app.click("#nav-library").await;
    app.wait_for_text("#library-title", &["Library"]).await;
    app.wait_until(
        "the library's authorities and cards",
        "return document.querySelectorAll('.view-library .authority').length > 60 \
           && document.querySelectorAll('.inspection-card').length > 5;",
    )
    .await;
    check("library", violations(&app, &axe).await);
    app.screenshot(&format!("a11y-library-{appearance}")).await;

    // A report.
    app.click("#nav-compare").await;
    app.click(".side-card-after .side-foot .link-button").await;
    app.wait_for_text("#report-title", &["Liverpool"]).await;
    check("report", violations(&app, &axe).await);
    app.screenshot(&format!("a11y-report-{appearance}")).await;

    // Search across the national library.
    app.click("#nav-search").await;
    let input = app.find("#search-input").await;
    input.send_keys("private fostering").await.unwrap();
    app.wait_until(
        "search results",
        "return document.querySelectorAll('.search-hit').length > 5;",
    )
    .await;
    check("search", violations(&app, &axe).await);
    app.screenshot(&format!("a11y-search-{appearance}")).await;

    // Liverpool's recommendation tracker (the filter brings Liverpool near the screen).
    app.click("#nav-library").await;
    app.eval(
        "const f = document.querySelector('#library-filter'); f.value = 'Liverpool'; \
         f.dispatchEvent(new Event('input')); \
         document.querySelector(\"[data-authority='Liverpool'] .tracker-button\").click(); return true;",
    )
    .await;
    app.wait_for_text("#tracker-title", &["Liverpool"]).await;
    app.find(".tracker-item").await;
    // Checked, not pictured: after the four views above, WebKitWebDriver's screenshot of this
    // page did not answer within a minute (alone, the same page pictures in 1.6 s; the
    // tracker's screenshot is taken by tracker::a_status_and_note_survive_a_restart).
    check("tracker", violations(&app, &axe).await);

    // Liverpool among its statistical neighbours: the table, the chart and the standing.
    app.click("#nav-library").await;
    app.eval(
        "document.querySelector(\"[data-authority='Liverpool'] .neighbours-button\").click(); return true;",
    )
    .await;
    app.wait_for_text("#group-title", &["Liverpool"]).await;
    app.find(".group-chart svg").await;
    check("neighbours", violations(&app, &axe).await);

    app.quit().await;
    found
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn every_view_passes_axe_in_light_and_dark() {
    let mut found = check_every_view("light", &[]).await;
    // WebKitGTK takes the dark preference from the GTK theme.
    found.extend(check_every_view("dark", &[("GTK_THEME", "Adwaita:dark")]).await);
    assert!(
        found.is_empty(),
        "accessibility violations (axe-core):\n{}\nscreenshots in {}",
        found.join("\n"),
        screenshot_dir().display()
    );
}
