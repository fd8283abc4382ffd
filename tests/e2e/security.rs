//! A report whose text is markup stays text: nothing in it runs, in any view.

use crate::support::{herts_pair, App};

/// Markup that would run script if any view parsed report text as HTML.
const PAYLOAD: &str = "<img src=x onerror=\"window.__pwned = 'img'\"> \
    <script>window.__pwned = 'script'</script> <b onmouseover=\"window.__pwned = 'b'\">bold</b>";

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn markup_in_a_report_is_shown_as_text_and_never_runs() {
    // The Hertfordshire 2013 report with the markup inside a paragraph, written to a temporary
    // folder (report text never goes into the repository).
    let [seed, herts_2018] = herts_pair();
    let text = std::fs::read_to_string(&seed).unwrap();
    let at = text
        .find("Private fostering arrangements")
        .expect("the seed mentions private fostering");
    let hostile_text = format!("{} {PAYLOAD} {}", &text[..at], &text[at..]);
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile-report.txt");
    std::fs::write(&hostile, hostile_text).unwrap();

    let app = App::launch(&[hostile, herts_2018]).await;
    app.wait_for_text("#compare-title", &["Hertfordshire"])
        .await;

    // The comparison's text shows the markup literally.
    app.wait_for_text("#compare-text", &["<img src=x onerror=", "<script>"])
        .await;
    assert_nothing_ran(&app, "#compare-text").await;

    // So do search snippets and the report view.
    app.click("#nav-search").await;
    app.find("#search-input")
        .await
        .send_keys("onerror")
        .await
        .unwrap();
    app.wait_for_text(".search-hit", &["onerror"]).await;
    assert_nothing_ran(&app, "#app").await;
    app.click(".search-hit").await;
    app.wait_for_text("#report-text", &["<img src=x onerror=", "<b onmouseover="])
        .await;
    // Hovering where the <b> would be must not run its handler either.
    let paragraph = app
        .find("#report-text .para.flash, #report-text .para")
        .await;
    let _ = paragraph.click().await;
    assert_nothing_ran(&app, "#report-text").await;
    app.quit().await;
}

async fn assert_nothing_ran(app: &App, scope: &str) {
    // Give an injected image's error handler time to fire, had the markup been parsed.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let state = app
        .eval(&format!(
            "const scope = document.querySelector('{scope}'); return {{ \
               pwned: window.__pwned === undefined ? null : String(window.__pwned), \
               img: scope.querySelectorAll('img').length, \
               script: scope.querySelectorAll('script').length, \
               b: scope.querySelectorAll('b[onmouseover]').length }};"
        ))
        .await;
    assert_eq!(
        state,
        serde_json::json!({ "pwned": null, "img": 0, "script": 0, "b": 0 }),
        "report text was treated as markup in {scope}"
    );
}
