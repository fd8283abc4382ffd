//! Comparisons through the CLI: judgement rows for every consecutive pair of full inspections,
//! the Hertfordshire 2013 → 2018 case, library ids, and mismatched inputs.

use crate::support::{cli, cli_json, corpus, files_in};
use serde_json::Value;
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::Path;

fn compare(a: &Path, b: &Path, extra: &[&str]) -> Value {
    let mut args: Vec<&OsStr> = vec![
        "compare".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--json".as_ref(),
    ];
    args.extend(extra.iter().map(OsStr::new));
    cli_json(&args)
}

fn row<'a>(c: &'a Value, domain: &str) -> &'a Value {
    c["judgements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["domain"] == domain)
        .unwrap_or_else(|| panic!("no {domain} row"))
}

#[test]
fn hertfordshire_2013_to_2018() {
    let c = compare(
        &corpus().join("reports/hertfordshire_2018-11-19.pdf"),
        &corpus().join("seeds/004_f6169653f68880f1.txt"),
        &[],
    );
    assert_eq!(
        c["before"]["inspection_start"], "2013-01-28",
        "the earlier inspection is before by default"
    );
    assert_eq!(c["after"]["local_authority"], "Hertfordshire");
    let expect = |domain: &str, before: Option<&str>, after: Option<&str>, change: &str| {
        let r = row(&c, domain);
        assert_eq!(r["before"]["grade"].as_str(), before, "{domain}");
        assert_eq!(r["after"]["grade"].as_str(), after, "{domain}");
        assert_eq!(r["change"], change, "{domain}");
    };
    expect("overall", Some("Adequate"), Some("Good"), "improved");
    expect(
        "leadership",
        Some("Adequate"),
        Some("Outstanding"),
        "improved",
    );
    expect(
        "help_protection",
        Some("Adequate"),
        Some("Good"),
        "improved",
    );
    // The 2018 framework gives no quality-of-practice judgement: not one the authority lost.
    expect("quality_of_practice", Some("Adequate"), None, "not_given");
    expect("children_in_care", None, Some("Good"), "added");
    expect("care_leavers", None, Some("Good"), "added");
    assert!(
        row(&c, "overall")["note"]
            .as_str()
            .unwrap()
            .contains("Adequate"),
        "scale note"
    );
    assert_eq!(c["judgements"].as_array().unwrap().len(), 6);
    for key in ["recurring", "resolved", "new"] {
        assert!(c["recommendations"][key].is_array());
    }
    assert!(!c["sections"].as_array().unwrap().is_empty());
}

/// Domains and the keys they pair, written out independently of the engine.
const DOMAINS: &[(&str, &[&str])] = &[
    ("overall", &["overall"]),
    ("leadership", &["leadership"]),
    ("help_protection", &["help_protection"]),
    (
        "children_in_care",
        &["looked_after", "in_care", "in_care_and_care_leavers"],
    ),
    (
        "care_leavers",
        &["care_leavers", "in_care_and_care_leavers"],
    ),
    ("adoption", &["adoption"]),
    ("lscb", &["lscb"]),
    ("capacity_to_improve", &["capacity_to_improve"]),
    ("outcomes", &["outcomes"]),
    ("quality_of_provision", &["quality_of_provision"]),
    ("quality_of_practice", &["quality_of_practice"]),
];

fn expected_rows(
    before: &Value,
    after: &Value,
) -> Vec<(String, Option<String>, Option<String>, String)> {
    let find = |r: &Value, keys: &[&str]| -> Option<Value> {
        keys.iter().find_map(|k| {
            r["judgements"]
                .as_array()
                .unwrap()
                .iter()
                .find(|j| j["key"] == *k)
                .cloned()
        })
    };
    let mut rows = Vec::new();
    for (domain, keys) in DOMAINS {
        let (b, a) = (find(before, keys), find(after, keys));
        let change = match (&b, &a) {
            (None, None) => continue,
            (None, Some(_)) => "added",
            (Some(_), None) => "removed",
            (Some(b), Some(a)) => match (b["scale_rank"].as_u64(), a["scale_rank"].as_u64()) {
                (Some(x), Some(y)) if y < x => "improved",
                (Some(x), Some(y)) if y > x => "declined",
                (Some(_), Some(_)) => "unchanged",
                _ => "not_comparable",
            },
        };
        let key = |j: &Option<Value>| j.as_ref().map(|j| j["key"].as_str().unwrap().to_string());
        rows.push((domain.to_string(), key(&b), key(&a), change.to_string()));
    }
    rows
}

fn actual_rows(c: &Value) -> Vec<(String, Option<String>, Option<String>, String)> {
    c["judgements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let key = |s: &Value| s.get("key").and_then(|k| k.as_str()).map(str::to_string);
            (
                r["domain"].as_str().unwrap().to_string(),
                key(&r["before"]),
                key(&r["after"]),
                // "Not given by the later framework" refines "no longer judged", which is all
                // the rows derived here from the two reports alone can tell.
                match r["change"].as_str().unwrap() {
                    "not_given" => "removed".to_string(),
                    other => other.to_string(),
                },
            )
        })
        .collect()
}

#[test]
fn every_consecutive_pair_in_the_open_set() {
    let dir = corpus();
    let expected: Value =
        serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
    let mut by_authority: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    for r in expected["reports"].as_array().unwrap() {
        let full = !matches!(
            r["framework"].as_str(),
            Some("not-a-report" | "lscb-review")
        );
        if full {
            let la = inspection_engine::extract::name_key(r["local_authority"].as_str().unwrap());
            by_authority.entry(la).or_default().push(r);
        }
    }
    let mut pairs = 0;
    for (authority, mut reports) in by_authority {
        reports.sort_by_key(|r| r["inspection_start"].as_str().unwrap().to_string());
        for pair in reports.windows(2) {
            let (b, a) = (pair[0], pair[1]);
            // Given in reverse order on purpose: the earlier inspection must come out as before.
            let c = compare(
                &dir.join(a["file"].as_str().unwrap()),
                &dir.join(b["file"].as_str().unwrap()),
                &[],
            );
            assert_eq!(
                c["before"]["inspection_start"], b["inspection_start"],
                "{authority}"
            );
            assert_eq!(
                actual_rows(&c),
                expected_rows(b, a),
                "{authority}: {} → {}",
                b["file"],
                a["file"]
            );
            pairs += 1;
        }
    }
    assert_eq!(
        pairs, 15,
        "consecutive full-inspection pairs in the open set"
    );
}

#[test]
fn every_consecutive_pair_in_the_blind_set_compares() {
    let dir = corpus().join("blind");
    let files = files_in(&dir);
    let reports: Vec<(String, std::path::PathBuf, inspection_engine::Report)> = files
        .into_iter()
        .filter_map(|p| {
            let authority = p
                .file_name()?
                .to_string_lossy()
                .split('_')
                .next()?
                .to_string();
            inspection_engine::read_report(&p)
                .ok()
                .map(|r| (authority, p, r))
        })
        .collect();
    let mut pairs = 0;
    for pair in reports.windows(2).filter(|w| w[0].0 == w[1].0) {
        let c = compare(&pair[0].1, &pair[1].1, &[]);
        let before = serde_json::to_value(&pair[0].2).unwrap();
        let after = serde_json::to_value(&pair[1].2).unwrap();
        assert_eq!(
            actual_rows(&c),
            expected_rows(&before, &after),
            "{}",
            pair[1].1.display()
        );
        pairs += 1;
    }
    assert!(pairs >= 12, "{pairs} pairs");
}

#[test]
fn library_ids_and_mismatched_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let mut library = inspection_engine::store::Library::open(&db).unwrap();
    let summary = library
        .import(
            &[
                corpus().join("reports/norfolk_2023-01-13.pdf"),
                corpus().join("reports/surrey_2022-03-09.pdf"),
            ],
            |_| {},
        )
        .unwrap();
    let ids: Vec<String> = summary
        .outcomes
        .iter()
        .map(|o| match o.status {
            inspection_engine::store::ImportStatus::Imported { inspection_id } => {
                inspection_id.to_string()
            }
            ref other => panic!("{other:?}"),
        })
        .collect();
    let (output, _) = cli(&[
        "--db".as_ref(),
        db.as_os_str(),
        "compare".as_ref(),
        ids[0].as_ref(),
        ids[1].as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let c: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(c["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w.as_str().unwrap().contains("different authorities")));

    let (output, _) = cli(&[
        "compare".as_ref(),
        "no-such-file.pdf".as_ref(),
        ids[0].as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("no-such-file.pdf: no such file or folder"));

    let (text, _) = cli(&[
        "compare".as_ref(),
        corpus().join("seeds/004_f6169653f68880f1.txt").as_os_str(),
        corpus()
            .join("reports/hertfordshire_2018-11-19.pdf")
            .as_os_str(),
    ]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Overall effectiveness") && text.contains("improved"),
        "{text}"
    );
}
