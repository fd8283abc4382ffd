//! Full-text search across the library, and a hit opening the report at its paragraph.

use crate::support::{herts_pair, App};

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn search_finds_private_fostering_and_opens_the_paragraph() {
    let app = App::launch(&herts_pair()).await;
    app.wait_for_text("#compare-title", &["Hertfordshire"])
        .await;

    app.click("#nav-search").await;
    let input = app.find("#search-input").await;
    input.send_keys("private fostering").await.unwrap();
    let hit_text = app
        .wait_for_text(".search-hit", &["Hertfordshire"])
        .await
        .to_lowercase();
    assert!(
        hit_text.contains("private fostering"),
        "the snippet shows the words found: {hit_text}"
    );
    app.screenshot("search").await;

    let hit = app.find(".search-hit").await;
    let paragraph = hit.attr("data-paragraph").await.unwrap().unwrap();
    hit.click().await.unwrap();
    app.find("#report-title").await;
    app.wait_until(
        "the paragraph found to be in view",
        &format!(
            "const p = document.getElementById('para-{paragraph}'); if (!p) return false; \
             const r = p.getBoundingClientRect(); \
             return !p.closest('[hidden]') && r.top >= 0 && r.bottom <= window.innerHeight \
               && p.textContent.toLowerCase().includes('fostering');"
        ),
    )
    .await;
    app.quit().await;
}
