//! Extraction against the hand-checked answers in expected.json, and the blind set.

use crate::support::{corpus, extract_json, files_in, norm};
use inspection_engine::extract::name_key;
use inspection_engine::Framework;
use serde_json::Value;
use std::collections::BTreeSet;

fn judgement_set(report: &Value) -> BTreeSet<(String, Option<u64>)> {
    report["judgements"]
        .as_array()
        .expect("judgements array")
        .iter()
        .map(|j| {
            (
                j["key"].as_str().unwrap_or_default().to_string(),
                j["scale_rank"].as_u64(),
            )
        })
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(|s| s.as_str()).map(norm).collect())
        .unwrap_or_default()
}

#[test]
fn open_set_matches_hand_checked_answers() {
    let dir = corpus();
    let expected: Value =
        serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    let (mut recs_equal, mut recs_total) = (0usize, 0usize);
    let mut checked = 0;
    for want in expected["reports"].as_array().expect("reports") {
        let file = want["file"].as_str().unwrap();
        let got = extract_json(&dir.join(file));
        checked += 1;
        if want["framework"] == "not-a-report" {
            match got {
                Ok(_) => failures.push(format!("{file}: not a report, but was accepted")),
                Err(stderr) => assert!(stderr.contains("not an Ofsted"), "{file}: {stderr}"),
            }
            continue;
        }
        let got = match got {
            Ok(got) => got,
            Err(stderr) => {
                failures.push(format!("{file}: refused: {stderr}"));
                continue;
            }
        };
        for field in [
            "framework",
            "inspection_start",
            "inspection_end",
            "lead_inspector",
        ] {
            if got[field] != want[field] {
                failures.push(format!(
                    "{file}: {field} is {} not {}",
                    got[field], want[field]
                ));
            }
        }
        let (got_la, want_la) = (
            got["local_authority"].as_str().unwrap_or(""),
            want["local_authority"].as_str().unwrap(),
        );
        if name_key(got_la) != name_key(want_la) {
            failures.push(format!("{file}: authority {got_la:?} not {want_la:?}"));
        }
        if judgement_set(&got) != judgement_set(want) {
            failures.push(format!(
                "{file}: judgements {:?} not {:?}",
                judgement_set(&got),
                judgement_set(want)
            ));
        }
        for w in want["judgements"].as_array().unwrap() {
            let Some(g) = got["judgements"]
                .as_array()
                .unwrap()
                .iter()
                .find(|g| g["key"] == w["key"])
            else {
                continue;
            };
            for field in ["area", "grade"] {
                if norm(g[field].as_str().unwrap_or("")) != norm(w[field].as_str().unwrap()) {
                    failures.push(format!(
                        "{file}: {} {field} {:?} not {:?}",
                        w["key"], g[field], w[field]
                    ));
                }
            }
        }
        for field in ["recommendations", "lscb_recommendations"] {
            let (g, w) = (strings(&got[field]), strings(&want[field]));
            recs_total += w.len();
            recs_equal += w.iter().zip(&g).filter(|(w, g)| w == g).count();
            if g.len() != w.len() {
                eprintln!(
                    "note: {file}: {field}: {} items, expected {}",
                    g.len(),
                    w.len()
                );
            }
        }
    }
    assert_eq!(checked, 25, "expected.json has 25 entries");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let share = recs_equal as f64 / recs_total as f64;
    eprintln!(
        "recommendations equal: {recs_equal}/{recs_total} ({:.1}%)",
        share * 100.0
    );
    assert!(
        share >= 0.95,
        "only {recs_equal} of {recs_total} recommendation items equal"
    );
}

#[test]
fn blind_set_extracts_complete_judgement_sets_or_is_refused() {
    let dir = corpus().join("blind");
    let files = files_in(&dir);
    assert!(files.len() >= 21, "blind set has {} files", files.len());
    let mut failures = Vec::new();
    let mut refused = 0;
    for path in &files {
        match extract_json(path) {
            Ok(report) => {
                let framework = Framework::from_id(report["framework"].as_str().unwrap())
                    .expect("known framework id");
                let lscb = report["includes_lscb_review"].as_bool().unwrap();
                let want: BTreeSet<String> = framework
                    .expected_keys(lscb)
                    .iter()
                    .map(|k| k.id().to_string())
                    .collect();
                let got: BTreeSet<String> =
                    judgement_set(&report).into_iter().map(|(k, _)| k).collect();
                if got != want {
                    failures.push(format!(
                        "{}: {framework} judgements {got:?}, want {want:?}",
                        path.display()
                    ));
                }
                if report["inspection_start"].is_null()
                    || report["local_authority"].as_str().unwrap_or("").is_empty()
                {
                    failures.push(format!("{}: missing dates or authority", path.display()));
                }
            }
            Err(stderr) if stderr.contains("not an Ofsted") => refused += 1,
            Err(stderr) => failures.push(format!("{}: {stderr}", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        refused <= 1,
        "{refused} blind files refused; only the HTML error page should be"
    );
}

#[test]
fn press_articles_and_minutes_are_not_reports() {
    let seeds = corpus().join("seeds");
    for name in [
        "000_f261e2329ed8c550.txt",
        "001_a80193cf62a1e509.txt",
        "002_234bdad3d366f790.txt",
        "003_e0c9192ad90cd0d6.txt",
    ] {
        let err = extract_json(&seeds.join(name)).expect_err(name);
        assert!(
            err.contains("not an Ofsted children's services inspection report"),
            "{name}: {err}"
        );
    }
}

#[test]
fn judgements_link_to_the_paragraph_that_states_them() {
    let report =
        inspection_engine::read_report(&corpus().join("reports/hertfordshire_2015-11-27.pdf"))
            .unwrap();
    for j in &report.judgements {
        let evidence = j.evidence.expect("every judgement has evidence");
        let paragraph = &report.paragraphs[evidence.paragraph];
        assert_eq!(paragraph.page, evidence.page);
        let words = norm(&j.grade).to_lowercase();
        assert!(
            norm(&paragraph.text).to_lowercase().contains(&words),
            "{}: {:?}",
            j.area,
            paragraph.text
        );
    }
    let lscb = report
        .judgement(inspection_engine::JudgementKey::Lscb)
        .unwrap();
    assert!(
        lscb.evidence.unwrap().page > 30,
        "the LSCB sentence is in the LSCB part"
    );
}
