//! Printing: Ctrl/Cmd+P and the button open the print dialog on the summary alone.

use crate::support::{herts_pair, App};
use fantoccini::key::Key;

/// Replaces `window.print` with a recorder of what would be printed: the page's visible text
/// at that moment (innerText leaves out what is hidden).
const STUB_PRINT: &str = "window.__printed = []; \
    window.print = () => { window.__printed.push({ \
      text: document.body.innerText, \
      printing: document.documentElement.classList.contains('printing') }); }; \
    return true;";

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn print_shows_only_the_one_page_summary() {
    let app = App::launch(&herts_pair()).await;
    app.wait_for_text("#compare-title", &["Hertfordshire"])
        .await;
    app.find("#print-button:not([disabled])").await;
    app.eval(STUB_PRINT).await;

    app.click("#print-button").await;
    app.wait_until(
        "the print dialog to be asked for",
        "return window.__printed.length === 1",
    )
    .await;
    let printed = app.eval("return window.__printed[0]").await;
    assert_eq!(printed["printing"], true);
    let text = printed["text"].as_str().unwrap();
    for needle in [
        "Hertfordshire",
        "What changed between the 2013 and 2018 inspections",
        "Overall effectiveness",
        "Adequate",
        "Good",
        "Outstanding",
        "▲ Improved",
        "Raised again",
        "Summary made",
    ] {
        assert!(text.contains(needle), "{needle} is not printed:\n{text}");
    }
    // Nothing of the app around it: no tabs, toolbars, pickers or side-by-side text.
    for absent in [
        "Library",
        "Next change",
        "Jump to",
        "Swap",
        "Changes only",
        "Add reports",
    ] {
        assert!(!text.contains(absent), "{absent} is printed:\n{text}");
    }

    // The keyboard shortcut prints too, and afterwards the app is back.
    app.wait_until(
        "the app to come back",
        "return !document.documentElement.classList.contains('printing')",
    )
    .await;
    app.find("#main")
        .await
        .send_keys(&format!("{}p{}", Key::Control, Key::Null))
        .await
        .unwrap();
    app.wait_until(
        "a second print from Ctrl+P",
        "return window.__printed.length === 2",
    )
    .await;
    app.quit().await;
}
