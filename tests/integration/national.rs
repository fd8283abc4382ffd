//! The national record (`../shared/corpus/national/`): every document people follow an
//! authority by, 2012–2026, read as its own kind. The sector tool's grade sheet is evidence,
//! not truth: where it and the reports disagree, `tests/data/national-sheet-errors.csv` says
//! who is right, with the report's own words.

use crate::support::{corpus, fixtures, norm};
use inspection_engine::{FileError, Framework, JudgementKey, Problem, Report};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

struct Read {
    /// The path below `national/`, as the sheet and the errors file name it.
    rel: String,
    /// The Ofsted URN in the folder name (`80485_liverpool`).
    urn: String,
    result: Result<Report, FileError>,
}

fn national() -> PathBuf {
    corpus().join("national")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "pdf") {
            out.push(path);
        }
    }
}

/// Every document of the folder, read once (two threads) and shared by the tests below.
fn all() -> &'static [Read] {
    static ALL: OnceLock<Vec<Read>> = OnceLock::new();
    ALL.get_or_init(|| {
        let root = national();
        let mut paths = Vec::new();
        files(&root, &mut paths);
        paths.sort();
        let read = |path: &PathBuf| {
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let folder = rel.split('/').nth(1).unwrap_or_default();
            Read {
                urn: folder.split('_').next().unwrap_or_default().to_string(),
                result: inspection_engine::read_report(path),
                rel,
            }
        };
        let (left, right) = paths.split_at(paths.len() / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| right.iter().map(read).collect::<Vec<_>>());
            let mut reads: Vec<Read> = left.iter().map(read).collect();
            reads.extend(other.join().expect("no panic while reading"));
            reads
        })
    })
}

fn find(rel: &str) -> &'static Report {
    let read = all()
        .iter()
        .find(|r| r.rel == rel)
        .unwrap_or_else(|| panic!("{rel} is not in the national folder"));
    read.result
        .as_ref()
        .unwrap_or_else(|e| panic!("{rel} was refused: {e}"))
}

#[test]
fn every_document_is_read_as_its_kind() {
    let reads = all();
    assert!(reads.len() >= 494, "{} documents", reads.len());
    let mut failures = Vec::new();
    let mut web_pages = 0;
    for read in reads {
        let kind = read.rel.split('/').next().unwrap_or_default();
        let report = match &read.result {
            Ok(report) => report,
            Err(e) if kind == "inspections" && e.to_string().contains("web page") => {
                web_pages += 1;
                continue;
            }
            Err(e) if matches!(e.problem, Problem::OtherOfstedDocument(_)) => {
                assert!(
                    e.to_string().contains("joint area review"),
                    "{}: {e}",
                    read.rel
                );
                continue;
            }
            Err(e) => {
                failures.push(format!("{}: refused: {e}", read.rel));
                continue;
            }
        };
        // Every document on its own authority: the URN in the folder name.
        let urn = report.authority.as_ref().map(|a| a.urn.as_str());
        if urn != Some(read.urn.as_str()) {
            failures.push(format!(
                "{}: authority {:?} ({urn:?})",
                read.rel, report.local_authority
            ));
        }
        let framework = report.framework;
        let fits = match kind {
            "inspections" => framework.is_graded(),
            "focused-visits" => {
                matches!(
                    framework,
                    Framework::FocusedVisit | Framework::MonitoringVisit
                )
            }
            _ => matches!(framework, Framework::Jtai | Framework::AreaSend),
        };
        if !fits {
            failures.push(format!("{}: read as {framework}", read.rel));
        }
        if framework.is_graded() {
            let got: BTreeSet<JudgementKey> = report.judgements.iter().map(|j| j.key).collect();
            let want: BTreeSet<JudgementKey> = framework
                .expected_keys(report.includes_lscb_review)
                .into_iter()
                .collect();
            if got != want {
                failures.push(format!("{}: {framework} judgements {got:?}", read.rel));
            }
            if framework == Framework::Ilacs2026
                && report.judgement(JudgementKey::Overall).is_some()
            {
                failures.push(format!("{}: an overall grade after the reform", read.rel));
            }
        } else {
            if !report.judgements.is_empty() {
                failures.push(format!("{}: an ungraded document with grades", read.rel));
            }
            // Letters and joint reports: their dates and inspectors.
            if report.inspection_start.is_none() || report.inspection_end.is_none() {
                failures.push(format!("{}: no inspection dates", read.rel));
            }
            if report.lead_inspector.is_none() {
                failures.push(format!("{}: no inspectors named", read.rel));
            }
            // Items wherever the document lists them: a heading with bullets close below.
            let listed = |heading: &str| {
                let paragraphs = &report.paragraphs;
                paragraphs.iter().enumerate().any(|(i, p)| {
                    p.text.to_lowercase().starts_with(heading)
                        && paragraphs[i + 1..]
                            .iter()
                            .take(3)
                            // Up to the next list's heading ("There are no priority
                            // actions." then "What needs to improve").
                            .take_while(|next| {
                                let lower = next.text.to_lowercase();
                                !lower.starts_with("what needs") && !lower.starts_with("areas for")
                            })
                            .any(|next| next.text.starts_with('•'))
                })
            };
            if listed("what needs to improve") && report.recommendations.is_empty() {
                failures.push(format!("{}: its improvement items were missed", read.rel));
            }
            if listed("areas for priority action") && report.priority_actions.is_empty() {
                failures.push(format!("{}: its priority actions were missed", read.rel));
            }
            if framework == Framework::AreaSend
                && (report.outcome.is_none() || report.outcome_rank.is_none())
            {
                failures.push(format!("{}: no area SEND outcome", read.rel));
            }
            for (list, facts) in [
                (&report.recommendations, &report.recommendation_facts),
                (&report.priority_actions, &report.priority_action_facts),
            ] {
                if list.len() != facts.len() {
                    failures.push(format!("{}: item facts out of step", read.rel));
                }
                // A list ends where the letter goes on: no item runs into its findings or
                // its signature.
                for item in list {
                    let lower = item.to_lowercase();
                    if [
                        "yours sincerely",
                        "ofsted will take the findings",
                        "main findings",
                    ]
                    .iter()
                    .any(|w| lower.contains(w))
                        || lower.starts_with("findings")
                    {
                        failures.push(format!(
                            "{}: an item runs on: {}",
                            read.rel,
                            item.chars().take(60).collect::<String>()
                        ));
                    }
                }
            }
        }
    }
    assert_eq!(
        web_pages, 2,
        "the two HTML pages saved as .pdf are refused as web pages"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// One disagreement between the sheet and the reading: (file, field, sheet's value, ours).
type Disagreement = (String, String, String, String);

/// The sheet's words for a grade, as a rank; anything else (garbled cells) is no grade.
fn sheet_rank(word: &str) -> Option<u8> {
    match word {
        "outstanding" => Some(1),
        "good" => Some(2),
        "requires improvement" => Some(3),
        "inadequate" => Some(4),
        _ => None,
    }
}

/// dd/mm/yy → yyyy-mm-dd.
fn sheet_date(cell: &str) -> Option<String> {
    let mut parts = cell.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let y = if y.len() == 2 {
        format!("20{y}")
    } else {
        y.to_string()
    };
    Some(format!("{y}-{m:0>2}-{d:0>2}"))
}

fn disagreements() -> Vec<Disagreement> {
    let sheet = national().join("ilacs_history.csv");
    let mut reader = csv::Reader::from_path(&sheet).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let folders: Vec<String> = std::fs::read_dir(national().join("inspections"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let grade_columns = [
        (
            "overall_effectiveness_grade",
            "overall",
            &[JudgementKey::Overall][..],
        ),
        (
            "impact_of_leaders_grade",
            "leadership",
            &[JudgementKey::Leadership][..],
        ),
        (
            "help_and_protection_grade",
            "help_protection",
            &[JudgementKey::HelpProtection][..],
        ),
        (
            "in_care_grade",
            "in_care",
            &[JudgementKey::InCare, JudgementKey::InCareAndCareLeavers][..],
        ),
        (
            "care_leavers_grade",
            "care_leavers",
            &[JudgementKey::CareLeavers][..],
        ),
    ];
    let mut found = Vec::new();
    for row in reader.records() {
        let row = row.unwrap();
        let urn = &row[column("urn")];
        let folder = folders
            .iter()
            .find(|f| f.split('_').next() == Some(urn))
            .unwrap_or_else(|| panic!("no folder for URN {urn}"));
        let rel = format!("inspections/{folder}/{}", &row[column("pdf_filename")]);
        let Some(read) = all().iter().find(|r| r.rel == rel) else {
            panic!("the sheet names {rel}, which is not in the folder");
        };
        let Ok(report) = &read.result else {
            continue; // the web pages: the sheet has nothing for them either
        };
        let mut differ = |field: &str, sheet: String, ours: String| {
            if sheet != ours {
                found.push((rel.clone(), field.to_string(), sheet, ours));
            }
        };
        for (field, cell, ours) in [
            (
                "inspection_start",
                "inspection_start_date",
                &report.inspection_start,
            ),
            (
                "inspection_end",
                "inspection_end_date",
                &report.inspection_end,
            ),
        ] {
            if let Some(date) = sheet_date(&row[column(cell)]) {
                differ(field, date, ours.map(|d| d.to_string()).unwrap_or_default());
            }
        }
        let inspector = &row[column("inspector_name")];
        if !inspector.is_empty() {
            differ(
                "lead_inspector",
                inspector.to_string(),
                report.lead_inspector.clone().unwrap_or_default(),
            );
        }
        for (cell, field, keys) in grade_columns {
            let word = row[column(cell)].to_string();
            let ours = report.judgements.iter().find(|j| keys.contains(&j.key));
            match word.as_str() {
                "" | "data_unreadable" | "inspection_pre_dates_judgement" => {}
                "not_reported_post_reform" => {
                    if let Some(j) = ours {
                        differ(field, word.clone(), j.grade.to_lowercase());
                    }
                }
                _ => {
                    let our_rank = ours.and_then(|j| j.scale_rank);
                    if sheet_rank(&word) != our_rank || our_rank.is_none() {
                        differ(
                            field,
                            word.clone(),
                            ours.map_or("none".into(), |j| j.grade.to_lowercase()),
                        );
                    }
                }
            }
        }
    }
    found
}

#[test]
fn grades_dates_and_inspectors_agree_with_the_sheet_or_its_known_errors() {
    let known_file = fixtures().join("../data/national-sheet-errors.csv");
    let mut reader = csv::Reader::from_path(&known_file).unwrap();
    let known: Vec<(Disagreement, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                (
                    r[0].to_string(),
                    r[1].to_string(),
                    r[2].to_string(),
                    r[3].to_string(),
                ),
                r[4].to_string(),
            )
        })
        .collect();
    let found = disagreements();
    let mut problems = Vec::new();
    for d in &found {
        if !known.iter().any(|(k, _)| k == d) {
            problems.push(format!("not explained: {d:?}"));
        }
    }
    for (k, quote) in &known {
        if !found.contains(k) {
            problems.push(format!(
                "listed as a sheet error but no longer differs: {k:?}"
            ));
        }
        // The report's own words prove the reading.
        let report = find(&k.0);
        let text = norm(
            &report
                .paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        if !text.contains(&norm(quote)) {
            problems.push(format!("{}: the quote {quote:?} is not in the report", k.0));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Letters and joint reports checked by hand against the documents: the facts each must give.
struct Letter {
    file: &'static str,
    framework: Framework,
    authority_urn: &'static str,
    letter_date: Option<&'static str>,
    dates: (&'static str, &'static str),
    inspectors: Option<&'static str>,
    /// The words the focus starts with.
    focus: Option<&'static str>,
    recommendations: usize,
    priority_actions: usize,
    /// National framework references of the recommendations, in order.
    references: &'static [Option<&'static str>],
    outcome_rank: Option<u8>,
    /// Responsible bodies of the priority actions (area SEND), where the table prints one.
    first_priority_body: Option<&'static str>,
}

const LETTERS: &[Letter] = &[
    Letter {
        file: "focused-visits/80578_west sussex/children's services focused visit - 09 may 2018.pdf",
        framework: Framework::FocusedVisit,
        authority_urn: "80578",
        letter_date: Some("2018-05-09"),
        dates: ("2018-03-20", "2018-03-21"),
        inspectors: Some("Donna Marriott and Linda Steele"),
        focus: Some("contacts and referrals in the multi-agency safeguarding hub"),
        recommendations: 3,
        priority_actions: 0,
        references: &[],
        outcome_rank: None,
        first_priority_body: None,
    },
    Letter {
        file: "focused-visits/80518_wandsworth/children's services focused visit - 11 june 2019.pdf",
        framework: Framework::FocusedVisit,
        authority_urn: "80518",
        letter_date: Some("2019-06-11"),
        dates: ("2019-05-16", "2019-05-17"),
        inspectors: Some("Brenda McInerney and Anne Waterman"),
        focus: Some("receiving referrals about children"),
        recommendations: 4,
        priority_actions: 0,
        references: &[],
        outcome_rank: None,
        first_priority_body: None,
    },
    Letter {
        file: "focused-visits/80533_nottingham/children's services focused visit - 27 february 2020.pdf",
        framework: Framework::FocusedVisit,
        authority_urn: "80533",
        letter_date: Some("2020-02-27"),
        dates: ("2020-02-04", "2020-02-04"),
        inspectors: Some("Paula Thomson-Jones and Amanda Maxwell and Caroline Walsh"),
        focus: Some("children in need and those subject to a child protection plan"),
        recommendations: 4,
        priority_actions: 2,
        references: &[],
        outcome_rank: None,
        first_priority_body: None,
    },
    Letter {
        file: "focused-visits/80485_liverpool/children's services focused visit - 02 august 2021.pdf",
        framework: Framework::FocusedVisit,
        authority_urn: "80485",
        letter_date: Some("2021-08-02"),
        dates: ("2021-06-22", "2021-06-23"),
        inspectors: Some("Lorna Schlechte and Lisa Summers"),
        focus: Some("children in need, including those who are subject to a child protection plan"),
        recommendations: 3,
        priority_actions: 0,
        references: &[],
        outcome_rank: None,
        first_priority_body: None,
    },
    Letter {
        file: "focused-visits/80528_north somerset/children's services focused visit - 31 january 2022.pdf",
        framework: Framework::FocusedVisit,
        authority_urn: "80528",
        letter_date: Some("2022-01-31"),
        dates: ("2021-12-07", "2021-12-08"),
        inspectors: Some("Anna Gravelle and Neil Penswick"),
        focus: Some("children in need"),
        recommendations: 4,
        priority_actions: 0,
        references: &[],
        outcome_rank: None,
        first_priority_body: None,
    },
    Letter {
        file: "focused-visits/80525_newcastle upon tyne/children's services focused visit - 25 october 2023.pdf",
        framework: Framework::FocusedVisit,
        authority_urn: "80525",
        letter_date: Some("2023-10-25"),
        dates: ("2023-09-20", "2023-09-21"),
        inspectors: Some("Louise Walker and Cath Heron"),
        focus: Some("the ‘front door’"),
        recommendations: 1,
        priority_actions: 0,
        references: &[],
        outcome_rank: None,
        first_priority_body: None,
    },
    Letter {
        file: "focused-visits/80543_rotherham/children's services focused visit - 12 july 2024.pdf",
        framework: Framework::FocusedVisit,
        authority_urn: "80543",
        letter_date: Some("2024-07-12"),
        dates: ("2024-05-14", "2024-05-15"),
        inspectors: Some("Rachel Fairhurst and Catherine Heron"),
        focus: Some("children in need or subject to a child protection plan"),
        recommendations: 1,
        priority_actions: 0,
        references: &[],
        outcome_rank: None,
        first_priority_body: None,
    },
    Letter {
        file: "focused-visits/80578_west sussex/children's services focused visit - 12 january 2026.pdf",
        framework: Framework::FocusedVisit,
        authority_urn: "80578",
        letter_date: Some("2026-01-12"),
        dates: ("2025-11-25", "2025-11-26"),
        inspectors: Some("Sally Sinclair and Steve Lowe"),
        focus: Some("children in need of help and protection"),
        recommendations: 3,
        priority_actions: 0,
        references: &[Some("Outcome 3"), Some("Enabler 3"), Some("Outcome 3")],
        outcome_rank: None,
        first_priority_body: None,
    },
    Letter {
        file: "joint/80536_oxfordshire/joint area child protection inspection - 10 may 2016.pdf",
        framework: Framework::Jtai,
        authority_urn: "80536",
        letter_date: Some("2016-05-10"),
        dates: ("2016-03-07", "2016-03-12"),
        inspectors: Some("Bradley Simmons and Sue McMillan and Wendy Williams and Helen Davies"),
        focus: Some("abuse and neglect"),
        recommendations: 10,
        priority_actions: 0,
        references: &[],
        outcome_rank: None,
        first_priority_body: None,
    },
    Letter {
        file: "joint/80418_norfolk/joint area child protection inspection - 27 february 2025.pdf",
        framework: Framework::Jtai,
        authority_urn: "80418",
        letter_date: Some("2025-02-27"),
        dates: ("2024-12-09", "2024-12-13"),
        inspectors: Some("Yvette Stanley and Sean O’Kelly and Michelle Skeer and Martin Jones"),
        focus: Some("unborn children and children aged 0 to 7 years"),
        recommendations: 5,
        priority_actions: 0,
        references: &[],
        outcome_rank: None,
        first_priority_body: None,
    },
    Letter {
        file: "joint/80575_warrington/area send full inspection - 05 may 2023.pdf",
        framework: Framework::AreaSend,
        authority_urn: "80575",
        letter_date: None,
        dates: ("2023-02-06", "2023-02-10"),
        inspectors: Some("Adam Sproston and Claire Mason"),
        focus: None,
        recommendations: 3,
        priority_actions: 0,
        references: &[],
        outcome_rank: Some(2),
        first_priority_body: None,
    },
    Letter {
        file: "joint/80494_enfield/area send full inspection - 02 august 2023.pdf",
        framework: Framework::AreaSend,
        authority_urn: "80494",
        letter_date: None,
        dates: ("2023-03-20", "2023-03-24"),
        inspectors: Some("Andrew Wright and Claire Mason"),
        focus: None,
        recommendations: 3,
        priority_actions: 0,
        references: &[],
        outcome_rank: Some(2),
        first_priority_body: None,
    },
    Letter {
        file: "joint/80443_bury/area send full inspection - 07 may 2024.pdf",
        framework: Framework::AreaSend,
        authority_urn: "80443",
        letter_date: None,
        dates: ("2024-02-12", "2024-02-16"),
        inspectors: Some("Adam Sproston and Kaye Goodfellow"),
        focus: None,
        recommendations: 3,
        priority_actions: 6,
        references: &[],
        outcome_rank: Some(3),
        first_priority_body: Some("Bury Metropolitan Borough Council and NHS Greater Manchester ICB"),
    },
];

#[test]
fn hand_checked_letters_give_their_facts_exactly() {
    let mut failures = Vec::new();
    for want in LETTERS {
        let got = find(want.file);
        let mut check = |what: &str, ok: bool, shown: String| {
            if !ok {
                failures.push(format!("{}: {what} is {shown}", want.file));
            }
        };
        check(
            "framework",
            got.framework == want.framework,
            got.framework.to_string(),
        );
        let urn = got.authority.as_ref().map(|a| a.urn.as_str());
        check(
            "authority",
            urn == Some(want.authority_urn),
            format!("{urn:?}"),
        );
        check(
            "letter date",
            got.letter_date.map(|d| d.to_string()).as_deref() == want.letter_date,
            format!("{:?}", got.letter_date),
        );
        let (start, end) = (
            got.inspection_start.map(|d| d.to_string()),
            got.inspection_end.map(|d| d.to_string()),
        );
        let dates = (start.as_deref(), end.as_deref());
        check(
            "dates",
            dates == (Some(want.dates.0), Some(want.dates.1)),
            format!("{dates:?}"),
        );
        check(
            "inspectors",
            got.lead_inspector.as_deref() == want.inspectors,
            format!("{:?}", got.lead_inspector),
        );
        let focus_ok = match (want.focus, &got.focus) {
            (Some(start), Some(focus)) => focus.starts_with(start),
            (None, None) => true,
            _ => false,
        };
        check("focus", focus_ok, format!("{:?}", got.focus));
        check(
            "recommendations",
            got.recommendations.len() == want.recommendations,
            got.recommendations.len().to_string(),
        );
        check(
            "priority actions",
            got.priority_actions.len() == want.priority_actions,
            got.priority_actions.len().to_string(),
        );
        if !want.references.is_empty() {
            let refs: Vec<Option<&str>> = got
                .recommendation_facts
                .iter()
                .map(|f| f.national_framework_ref.as_deref())
                .collect();
            check("references", refs == want.references, format!("{refs:?}"));
        }
        check(
            "outcome rank",
            got.outcome_rank == want.outcome_rank,
            format!("{:?}", got.outcome_rank),
        );
        if let Some(body) = want.first_priority_body {
            let first = got
                .priority_action_facts
                .first()
                .and_then(|f| f.responsible_body.as_deref());
            check(
                "responsible body",
                first == Some(body),
                format!("{first:?}"),
            );
        }
        // Item text follows the same rules as inspections': no bullet glyphs, no letterhead.
        for item in got.recommendations.iter().chain(&got.priority_actions) {
            check(
                "an item",
                !item.starts_with('•') && !item.contains("Piccadilly Gate") && !item.is_empty(),
                item.chars().take(60).collect(),
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A library of the previous schema, holding a letter and an inspection read by the previous
/// parser, upgrades with nothing lost; `reparse` then reads the letter's new facts.
#[test]
fn a_previous_schema_library_upgrades_and_reparse_reads_the_letters() {
    use crate::support::cli;
    use std::ffi::OsStr;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let letter =
        national().join("focused-visits/80528_north somerset/children's services focused visit - 31 january 2022.pdf");
    let report = corpus().join("reports/hertfordshire_2018-11-19.pdf");
    let run = |args: &[&OsStr]| {
        let mut all: Vec<&OsStr> = vec!["--db".as_ref(), db.as_os_str()];
        all.extend(args);
        let (output, _) = cli(&all);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    };
    run(&["import".as_ref(), letter.as_os_str(), report.as_os_str()]);

    // Back to schema 2 (the new migration's own `down`), documents marked as read by parser 1.
    let mut conn = rusqlite::Connection::open(&db).unwrap();
    inspection_engine::store::migrations()
        .to_version(&mut conn, 2)
        .unwrap();
    conn.execute("UPDATE documents SET parser_version = 1", [])
        .unwrap();
    drop(conn);

    let output = run(&["list".as_ref(), "--json".as_ref()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("upgraded from schema 2 to"), "{stderr}");
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2, "nothing lost");
    let letter_id = list
        .iter()
        .find(|i| i["framework"] == "focused-visit")
        .expect("the letter kept its kind")["id"]
        .to_string();
    let show = || -> serde_json::Value {
        let output = run(&["show".as_ref(), letter_id.as_ref(), "--json".as_ref()]);
        serde_json::from_slice(&output.stdout).unwrap()
    };
    assert!(
        show()["report"]["focus"].is_null(),
        "the new columns start empty"
    );

    run(&["reparse".as_ref()]);
    let shown = show();
    assert_eq!(
        shown["parser_version"],
        inspection_engine::extract::PARSER_VERSION
    );
    assert_eq!(shown["report"]["letter_date"], "2022-01-31");
    assert!(shown["report"]["focus"]
        .as_str()
        .is_some_and(|f| f.starts_with("children in need")));
    assert_eq!(
        shown["report"]["recommendations"].as_array().unwrap().len(),
        4
    );
}

/// No monitoring-visit letter is in the corpus; this one, written for the tests in the letters'
/// usual shape, is read as its own kind with every fact a letter gives.
#[test]
fn a_monitoring_visit_letter_is_read_as_its_kind() {
    let report = inspection_engine::read_report(&fixtures().join("monitoring-visit.txt")).unwrap();
    assert_eq!(report.framework, Framework::MonitoringVisit);
    assert_eq!(
        report.authority.as_ref().map(|a| a.urn.as_str()),
        Some("80572")
    );
    let iso = |d: Option<inspection_engine::model::Date>| d.map(|d| d.to_string());
    assert_eq!(iso(report.letter_date).as_deref(), Some("2025-03-04"));
    assert_eq!(iso(report.inspection_start).as_deref(), Some("2025-02-04"));
    assert_eq!(iso(report.inspection_end).as_deref(), Some("2025-02-05"));
    assert_eq!(
        report.lead_inspector.as_deref(),
        Some("Sam Fixture and Jo Placeholder")
    );
    assert!(report
        .focus
        .as_deref()
        .is_some_and(|f| f.starts_with("the response to children who go missing")));
    assert_eq!(report.recommendations.len(), 2);
    assert!(report.judgements.is_empty());
    assert!(report.priority_actions.is_empty());
}
