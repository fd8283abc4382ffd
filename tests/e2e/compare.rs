//! Launched with two reports, the app opens their comparison.

use crate::support::{herts_pair, App};

#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn two_files_on_the_command_line_open_their_comparison() {
    let app = App::launch(&herts_pair()).await;

    app.wait_for_text("#compare-title", &["Hertfordshire"])
        .await;
    // The moment the comparison is drawn, both lists name their inspection, whether or not
    // the library's list has arrived (they were once painted empty for seconds).
    let picked = app
        .eval(
            "return ['#compare-before', '#compare-after'].map((s) => \
             document.querySelector(s + ' option:checked')?.textContent ?? '');",
        )
        .await;
    let picked: Vec<&str> = picked
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        picked[0].contains("2013") && picked[1].contains("2018"),
        "{picked:?}"
    );
    let overall = app
        .wait_for_text(
            "#judgement-table .judgement-row[data-domain='overall']",
            &["Overall effectiveness", "Adequate", "Good"],
        )
        .await;
    assert!(
        overall.find("Adequate") < overall.find("Good"),
        "before (Adequate) comes first: {overall}"
    );
    let leadership = app
        .wait_for_text(
            "#judgement-table .judgement-row[data-domain='leadership']",
            &["Adequate", "Outstanding"],
        )
        .await;
    assert!(leadership.find("Adequate") < leadership.find("Outstanding"));
    // The change is said in words and arrows, not colour alone.
    for domain in ["overall", "leadership"] {
        let row = app
            .find(&format!(
                "#judgement-table .judgement-row[data-domain='{domain}']"
            ))
            .await;
        assert_eq!(
            row.attr("data-change").await.unwrap().as_deref(),
            Some("improved")
        );
        let text = row.text().await.unwrap();
        assert!(
            text.contains("Improved"),
            "{domain} row says Improved: {text}"
        );
    }
    // Each judgement links to the paragraph that states it.
    assert!(
        !app.find_all("#judgement-table .judgement-row[data-domain='overall'] a, #judgement-table .judgement-row[data-domain='overall'] button")
            .await
            .is_empty(),
        "the overall judgement links to its evidence"
    );
    app.screenshot("compare").await;

    // Next change (the button, then the keyboard) moves the view to each change in turn.
    let scroll = "return document.querySelector('#main').scrollTop";
    let before = app.eval(scroll).await.as_f64().unwrap();
    app.click("#next-change").await;
    app.wait_until(
        "a current change in view",
        "const c = document.querySelector('.current-change'); if (!c) return false; \
         const r = c.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
    )
    .await;
    let first = app.eval(scroll).await.as_f64().unwrap();
    assert!(
        first > before,
        "the view moved down to the first change ({before} → {first})"
    );
    let first_id = app
        .eval("return document.querySelector('.current-change').dataset.n")
        .await;

    app.find("#main").await.send_keys("n").await.unwrap();
    app.wait_until(
        "the next change",
        &format!(
            "const c = document.querySelector('.current-change'); \
             return !!c && c.dataset.n !== {first_id} && document.querySelector('#main').scrollTop !== {first};"
        ),
    )
    .await;
    // F7 and F8 step back and on, as in WinMerge.
    app.find("#main")
        .await
        .send_keys(&fantoccini::key::Key::F7.to_string())
        .await
        .unwrap();
    app.wait_until(
        "F7: the previous change",
        &format!(
            "const c = document.querySelector('.current-change'); return !!c && c.dataset.n === {first_id};"
        ),
    )
    .await;
    app.find("#main")
        .await
        .send_keys(&fantoccini::key::Key::F8.to_string())
        .await
        .unwrap();
    app.wait_until(
        "F8: the next change",
        &format!(
            "const c = document.querySelector('.current-change'); return !!c && c.dataset.n !== {first_id};"
        ),
    )
    .await;
    app.quit().await;
}

/// An inspection against a focused-visit letter (North Somerset 2020 → January 2022): no
/// judgement table (a letter judges nothing), the item raised again, and each item not raised
/// again either quoted where the letter speaks to it or said to be found nowhere.
#[tokio::test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run by scripts/test-all.sh"]
async fn an_inspection_compared_with_a_focused_visit_letter() {
    let national = crate::support::corpus().join("national");
    let app = App::launch(&[
        national.join("inspections/80528_north somerset/children's services inspection - 10 june 2020.pdf"),
        national.join(
            "focused-visits/80528_north somerset/children's services focused visit - 31 january 2022.pdf",
        ),
    ])
    .await;
    app.wait_for_text("#compare-title", &["North Somerset"])
        .await;
    app.wait_for_text("#compare-judgements", &["gives no judgements"])
        .await;
    assert!(app.find_all("#judgement-table").await.is_empty());
    let recs = app
        .wait_for_text(
            "#compare-recommendations",
            &[
                "Management oversight of safeguarding practice",
                "Not raised again",
            ],
        )
        .await;
    assert!(
        recs.contains("found that speaks to it") || recs.contains("Discussed in"),
        "{recs}"
    );
    app.screenshot("compare-letter").await;
    app.quit().await;
}
