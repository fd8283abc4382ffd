//! Snapshot tests of comparisons across frameworks, on the corpus read in place, and property
//! tests of the word hunks. Snapshots hold facts (keys, grades, changes, counts, pages), not
//! report text.

use super::*;
use crate::model::{Report, Topic};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    std::env::var_os("INSPECTION_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"))
}

fn read(file: &str) -> Report {
    crate::read_report(&corpus().join(file)).unwrap_or_else(|e| panic!("{e}"))
}

/// The facts of a comparison, without report text.
fn digest(c: &Comparison) -> serde_json::Value {
    let side = |s: &Option<JudgementSide>| {
        s.as_ref().map(|s| serde_json::json!({"key": s.key, "grade": s.grade, "rank": s.scale_rank, "page": s.page}))
    };
    serde_json::json!({
        "before": {"framework": c.before.framework, "start": c.before.inspection_start},
        "after": {"framework": c.after.framework, "start": c.after.inspection_start},
        "swapped": c.swapped,
        "warnings": c.warnings.len(),
        "judgements": c.judgements.iter().map(|r| serde_json::json!({
            "domain": r.domain, "before": side(&r.before), "after": side(&r.after), "change": r.change, "note": r.note.is_some(),
        })).collect::<Vec<_>>(),
        "recommendations": {
            "recurring": c.recommendations.recurring.iter().map(|r| serde_json::json!([r.before_index, r.after_index, r.similarity, r.themes])).collect::<Vec<_>>(),
            "resolved": c.recommendations.resolved.len(),
            "new": c.recommendations.new.len(),
            "recurring_themes": c.recommendations.recurring_themes,
        },
        "stats": c.stats,
        "sections": c.sections.iter().map(|s| serde_json::json!({
            "topic": s.topic, "pages": [s.before_page, s.after_page], "similarity": s.similarity,
            "kinds": s.paragraphs.iter().fold(std::collections::BTreeMap::<String, usize>::new(), |mut m, p| {
                *m.entry(serde_json::to_value(p.kind).unwrap().as_str().unwrap().to_string()).or_default() += 1; m
            }),
        })).collect::<Vec<_>>(),
    })
}

#[test]
fn hertfordshire_2013_child_protection_to_2018_ilacs() {
    let c = compare(
        &read("reports/hertfordshire_2018-11-19.pdf"),
        &read("seeds/004_f6169653f68880f1.txt"),
    );
    assert!(c.swapped, "the 2013 report is put first");
    insta::assert_json_snapshot!(digest(&c));
}

#[test]
fn hertfordshire_2015_sif_to_2023_ilacs() {
    let c = compare(
        &read("reports/hertfordshire_2015-11-27.pdf"),
        &read("reports/hertfordshire_2023-03-10.pdf"),
    );
    insta::assert_json_snapshot!(digest(&c));
}

#[test]
fn norfolk_2013_looked_after_children_to_2015_sif() {
    let c = compare(
        &read("reports/norfolk_2013-08-16.pdf"),
        &read("reports/norfolk_2015-10-20.pdf"),
    );
    insta::assert_json_snapshot!(digest(&c));
}

#[test]
fn surrey_2018_reinspection_to_2022_ilacs() {
    let c = compare(
        &read("reports/surrey_2018-05-16.pdf"),
        &read("reports/surrey_2022-03-09.pdf"),
    );
    insta::assert_json_snapshot!(digest(&c));
}

#[test]
fn a_report_compared_with_itself_is_unchanged() {
    let r = read("reports/isles-of-scilly_2019-12-19.pdf");
    let c = compare(&r, &r);
    assert!(c.judgements.iter().all(|j| j.change == Change::Unchanged));
    assert_eq!(
        c.stats.unchanged,
        r.paragraphs.len() - text::furniture(&r).len()
    );
    assert_eq!(c.recommendations.recurring.len(), r.recommendations.len());
}

/// Every paragraph of both reports appears exactly once, in a section, on its side, except
/// the front page's furniture and judgement rows, left to the judgement table.
#[test]
fn every_paragraph_is_accounted_for() {
    let (b, a) = (
        read("reports/southend-on-sea_2016-07-07.pdf"),
        read("reports/southend-on-sea_2019-08-27.pdf"),
    );
    let c = compare(&b, &a);
    let mut seen_b: Vec<usize> = c
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter_map(|p| p.before.as_ref().map(|x| x.index))
        .collect();
    let mut seen_a: Vec<usize> = c
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter_map(|p| p.after.as_ref().map(|x| x.index))
        .collect();
    let prose = |r: &Report| {
        let furniture = text::furniture(r);
        assert!(!furniture.is_empty(), "the judgement table is furniture");
        (0..r.paragraphs.len())
            .filter(|i| !furniture.contains(i))
            .collect::<Vec<_>>()
    };
    seen_b.sort_unstable();
    seen_a.sort_unstable();
    assert_eq!(seen_b, prose(&b));
    assert_eq!(seen_a, prose(&a));
    for p in c.sections.iter().flat_map(|s| &s.paragraphs) {
        if let (Some(x), Some(y)) = (&p.before, &p.after) {
            if !p.hunks.is_empty() {
                assert_eq!(rebuild(&p.hunks, HunkTag::Delete), x.text);
                assert_eq!(rebuild(&p.hunks, HunkTag::Insert), y.text);
                assert!(p
                    .hunks
                    .iter()
                    .all(|h| h.before_page == Some(x.page) && h.after_page == Some(y.page)));
            }
        }
    }
}

/// Liverpool 2023 → 2026 (national record): the 2023 report judged three areas inadequate, the
/// 2026 report four areas with no overall grade. No judgement's line faces another's, and
/// paragraphs rewritten on one subject face each other within their topic.
#[test]
fn liverpool_2023_to_2026_pairs_paragraphs_by_subject() {
    let folder = "national/inspections/80485_liverpool/children's services inspection - ";
    let (b, a) = (
        read(&format!("{folder}25 may 2023.pdf")),
        read(&format!("{folder}07 july 2026.pdf")),
    );
    let c = compare(&b, &a);
    // The 2026 report gives no overall grade: not a judgement Liverpool lost.
    let overall = &c.judgements[0];
    assert_eq!(
        (overall.domain, overall.change),
        (crate::model::Domain::Overall, Change::NotGiven)
    );
    assert_eq!(
        overall.note.as_deref(),
        Some("No overall grade: not given since the 2026 reform.")
    );
    let pairs: Vec<&ParagraphChange> = c
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.before.is_some() && p.after.is_some())
        .collect();

    // The judgement table is left to the judgement table: none of its rows is in the text.
    let rows = |r: &Report| -> Vec<usize> {
        r.judgements
            .iter()
            .filter_map(|j| j.evidence.map(|e| e.paragraph))
            .collect()
    };
    let (rows_b, rows_a) = (rows(&b), rows(&a));
    assert_eq!(
        (rows_b.len(), rows_a.len()),
        (5, 4),
        "2023: four and overall"
    );
    for p in c.sections.iter().flat_map(|s| &s.paragraphs) {
        assert!(p.before.as_ref().is_none_or(|x| !rows_b.contains(&x.index)));
        assert!(p.after.as_ref().is_none_or(|x| !rows_a.contains(&x.index)));
    }
    // A judgement's heading in the text faces the same judgement's heading.
    for p in &pairs {
        let topic = |side: &Option<ParagraphSide>| {
            side.as_ref()
                .filter(|s| crate::extract::shapes::starts_section(&s.text))
                .and_then(|s| Topic::of_heading(&s.text))
        };
        if let (Some(x), Some(y)) = (topic(&p.before), topic(&p.after)) {
            assert_eq!(x, y, "{:?} faces {:?}", p.before, p.after);
        }
    }

    // Hand-checked: paragraph numbers as printed, one or more per judgement's section.
    let number = |side: &Option<ParagraphSide>| {
        side.as_ref()
            .and_then(|s| s.text.split_once(". "))
            .and_then(|(n, _)| n.parse::<u32>().ok())
    };
    let facing = |n: u32| {
        pairs
            .iter()
            .find(|p| number(&p.before) == Some(n))
            .map(|p| (number(&p.after), p.kind))
    };
    use ParagraphKind::{Changed, Rewritten};
    for (before, after, kind, subject) in [
        (12, 13, Rewritten, "help and protection: disabled children"),
        (13, 20, Rewritten, "help and protection: pre-proceedings"),
        (
            22,
            41,
            Rewritten,
            "children in care: unregistered children's homes",
        ),
        (
            26,
            45,
            Changed,
            "children in care: the regional adoption agency",
        ),
        (31, 51, Rewritten, "care leavers: pathway plans"),
        (
            33,
            52,
            Rewritten,
            "care leavers: education, employment and training",
        ),
        (37, 60, Rewritten, "care leavers: participation"),
        (
            49,
            74,
            Rewritten,
            "leadership: social workers feel supported",
        ),
    ] {
        assert_eq!(facing(before), Some((Some(after), kind)), "{subject}");
    }
}

fn rebuild(hunks: &[Hunk], side: HunkTag) -> String {
    hunks
        .iter()
        .filter(|h| h.tag == HunkTag::Equal || h.tag == side)
        .map(|h| h.text.as_str())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn hunks_reconstruct_both_sides(before in "(?s).{0,300}", after in "(?s).{0,300}") {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let hunks = text::word_hunks(&before, &after, Some(1), Some(2), deadline);
        prop_assert_eq!(rebuild(&hunks, HunkTag::Delete), before);
        prop_assert_eq!(rebuild(&hunks, HunkTag::Insert), after);
    }

    #[test]
    fn hunks_reconstruct_edited_prose(words in proptest::collection::vec("[a-z]{1,8}", 0..60), edits in proptest::collection::vec((0usize..60, "[a-z]{1,8}"), 0..10)) {
        let before = words.join(" ");
        let mut changed = words.clone();
        for (at, word) in edits {
            if !changed.is_empty() {
                let i = at % changed.len();
                changed[i] = word;
            }
        }
        let after = changed.join(" ");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let hunks = text::word_hunks(&before, &after, None, None, deadline);
        prop_assert_eq!(rebuild(&hunks, HunkTag::Delete), before);
        prop_assert_eq!(rebuild(&hunks, HunkTag::Insert), after);
    }
}

/// North Somerset (national record): the 2020 ILACS's items followed through the January 2022
/// focused visit and the 2023 ILACS. A letter gives no judgement table; an item not raised
/// again is quoted where the later report speaks to it, or found nowhere. Read by hand.
#[test]
fn north_somerset_2020_items_through_a_focused_visit_and_the_next_inspection() {
    let inspection = "national/inspections/80528_north somerset/children's services inspection - ";
    let letter =
        "national/focused-visits/80528_north somerset/children's services focused visit - ";
    let y2020 = read(&format!("{inspection}10 june 2020.pdf"));
    let y2022 = read(&format!("{letter}31 january 2022.pdf"));
    let y2023 = read(&format!("{inspection}11 may 2023.pdf"));
    let starts = |text: &str, start: &str| text.starts_with(start);

    // 2020 → the 2022 letter: no judgement table, one item raised again.
    let c = compare(&y2020, &y2022);
    assert!(c.judgements.is_empty());
    assert!(c.warnings.iter().any(|w| w.contains("gives no judgements")));
    let r = &c.recommendations;
    assert_eq!(r.recurring.len(), 1);
    assert!(starts(
        &r.recurring[0].before,
        "Management oversight and supervision of the progress"
    ));
    assert!(starts(
        &r.recurring[0].after,
        "Management oversight of safeguarding practice"
    ));
    assert_eq!((r.resolved.len(), r.new.len()), (5, 3));

    // Letter → letter (2019 → January 2022): no table, one note, the 2019 priority actions
    // among the items followed.
    let y2019 = read(&format!("{letter}08 may 2019.pdf"));
    let c = compare(&y2019, &y2022);
    assert!(c.judgements.is_empty());
    assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    assert_eq!(
        c.recommendations.resolved.len() + c.recommendations.recurring.len(),
        y2019.recommendations.len() + y2019.priority_actions.len()
    );

    // 2020 → 2023: the same item raised again; the rest discussed (with pages) or not found.
    let c = compare(&y2020, &y2023);
    let r = &c.recommendations;
    assert_eq!(r.recurring.len(), 1);
    assert!(starts(
        &r.recurring[0].after,
        "The effectiveness of management oversight and supervision"
    ));
    let discussed = |item: &str| -> Vec<(u32, String)> {
        r.resolved
            .iter()
            .find(|i| i.text.starts_with(item))
            .unwrap_or_else(|| panic!("{item} is not raised again"))
            .discussed
            .iter()
            .map(|d| (d.page, d.quote.clone()))
            .collect()
    };
    let first = |item: &str| discussed(item).into_iter().next();
    let (page, quote) =
        first("The effectiveness, and management oversight, of decision-making").unwrap();
    assert_eq!(page, 3);
    assert!(starts(
        &quote,
        "Effective management oversight can be seen at key decision-making points"
    ));
    let (page, quote) =
        first("Formalised matching of children with their long-term carers").unwrap();
    assert_eq!(page, 8);
    assert!(starts(
        &quote,
        "Almost half of children with a plan for long-term mainstream foster care"
    ));
    let (page, quote) = first("Use of performance management information").unwrap();
    assert_eq!(page, 11);
    assert!(quote.contains("performance management system"), "{quote}");
    assert!(discussed("Access to the drop-in").is_empty());
}

/// The tracker over North Somerset 2020 ILACS → January 2022 focused visit → 2023 ILACS: each
/// 2020 item with what each later document shows, read by hand.
#[test]
fn north_somerset_tracker_follows_each_2020_item() {
    let inspection = "national/inspections/80528_north somerset/children's services inspection - ";
    let letter =
        "national/focused-visits/80528_north somerset/children's services focused visit - ";
    let reports = [
        read(&format!("{inspection}10 june 2020.pdf")),
        read(&format!("{letter}31 january 2022.pdf")),
        read(&format!("{inspection}11 may 2023.pdf")),
    ];
    let t = track(&[(1, &reports[0]), (2, &reports[1]), (3, &reports[2])]);
    assert_eq!(t.documents.len(), 3);
    let of_2020: Vec<&TrackedItem> = t.items.iter().filter(|i| i.document == 0).collect();
    assert_eq!(of_2020.len(), 6);
    assert!(of_2020
        .iter()
        .all(|i| i.kind == ItemKind::Improvement && i.later.len() == 2));
    // (item, 2022: raised again as / pages discussed, 2023: raised again as / pages discussed)
    let shows = |e: &LaterEvidence| match &e.raised_again {
        Some(again) => format!(
            "again: {}",
            again
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ")
        ),
        None => format!(
            "pages {:?}",
            e.discussed.iter().map(|d| d.page).collect::<Vec<_>>()
        ),
    };
    let expected = [
        (
            "The effectiveness, and management oversight",
            ["pages []", "pages [3]"],
        ),
        (
            "The quality of analysis in assessments",
            ["pages []", "pages [1]"],
        ),
        (
            "Management oversight and supervision of the progress",
            [
                "again: Management oversight of safeguarding",
                "again: The effectiveness of management",
            ],
        ),
        ("Formalised matching of children", ["pages []", "pages [8]"]),
        ("Access to the drop-in", ["pages []", "pages []"]),
        (
            "Use of performance management information",
            ["pages []", "pages [11, 2]"],
        ),
    ];
    for (item, (start, later)) in of_2020.iter().zip(expected) {
        assert!(item.text.starts_with(start), "{} / {start}", item.text);
        let seen: Vec<String> = item.later.iter().map(shows).collect();
        assert_eq!(seen, later, "{start}");
    }
    // The letter's own items are followed into 2023.
    let of_2022: Vec<&TrackedItem> = t.items.iter().filter(|i| i.document == 1).collect();
    assert_eq!(of_2022.len(), 4);
    assert!(of_2022
        .iter()
        .all(|i| i.later.len() == 1 && i.later[0].document == 2));
}

/// Liverpool 2018 ILACS → 2019 and 2021 focused visits → 2023 and 2026 ILACS (national
/// record): five pairs read by hand and kept exactly — an item raised again in a letter, and
/// a letter's or inspection's item a later report speaks to.
#[test]
fn liverpool_tracker_pairs_read_by_hand() {
    let inspection = "national/inspections/80485_liverpool/children's services inspection - ";
    let letter = "national/focused-visits/80485_liverpool/children's services focused visit - ";
    let reports = [
        read(&format!("{inspection}02 july 2018.pdf")),
        read(&format!("{letter}24 may 2019.pdf")),
        read(&format!("{letter}02 august 2021.pdf")),
        read(&format!("{inspection}25 may 2023.pdf")),
        read(&format!("{inspection}07 july 2026.pdf")),
    ];
    let documents: Vec<(i64, &Report)> = reports.iter().zip(1..).map(|(r, id)| (id, r)).collect();
    let t = track(&documents);
    let item = |document: usize, start: &str| {
        t.items
            .iter()
            .find(|i| i.document == document && i.text.starts_with(start))
            .unwrap_or_else(|| panic!("no item {start:?} in document {document}"))
    };
    let in_doc = |i: &TrackedItem, later: usize| {
        i.later
            .iter()
            .find(|e| e.document == later)
            .cloned()
            .unwrap()
    };
    // Raised again in the next letter.
    for (document, start, later, again) in [
        (
            0,
            "Permanence planning for all children in care",
            1,
            "The timeliness of permanency planning for all children in care.",
        ),
        (
            0,
            "Quality and consistency of oversight and challenge by first line managers",
            1,
            "The quality and consistency of oversight and challenge by IROs.",
        ),
        (
            1,
            "Care plans which set out clear and measurable outcomes",
            2,
            "The quality of plans to ensure that children’s progress is clearly measured.",
        ),
    ] {
        assert_eq!(
            in_doc(item(document, start), later).raised_again.as_deref(),
            Some(again),
            "{start}"
        );
    }
    // Spoken to in the 2026 inspection's prose.
    for (document, start, page, quote) in [
        (
            2,
            "Letters before proceedings",
            5,
            "Not all letters succinctly and clearly set out for parents what the concerns are",
        ),
        (
            0,
            "Comprehensive needs assessment and commissioning strategy",
            11,
            "The commissioning and sufficiency strategy includes an ambitious action plan",
        ),
    ] {
        let e = in_doc(item(document, start), 4);
        assert_eq!(e.raised_again, None, "{start}");
        let first = e
            .discussed
            .first()
            .unwrap_or_else(|| panic!("{start}: nothing found"));
        assert_eq!(first.page, page, "{start}");
        assert!(first.quote.starts_with(quote), "{start}: {}", first.quote);
    }
}
