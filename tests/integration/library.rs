//! The library: import, duplicates, crashes mid-import, two writers at once, search, reparse,
//! remove and backup.

use crate::support::{cli, cli_json, corpus};
use inspection_engine::store::Library;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn db_args<'a>(db: &'a Path, rest: &[&'a OsStr]) -> Vec<&'a OsStr> {
    let mut args = vec![OsStr::new("--db"), db.as_os_str()];
    args.extend_from_slice(rest);
    args
}

fn corpus_folders() -> (PathBuf, PathBuf) {
    (corpus().join("reports"), corpus().join("blind"))
}

/// Every stored inspection equals a fresh extraction of its file: nothing half-written.
fn assert_complete(db: &Path) -> usize {
    let library = Library::open(db).unwrap();
    assert_eq!(library.integrity_check().unwrap(), "ok");
    let list = library.list().unwrap();
    for summary in &list {
        let stored = library.inspection(summary.id).unwrap();
        let source = ["reports", "blind"]
            .iter()
            .map(|f| corpus().join(f).join(&summary.file_name))
            .find(|p| p.exists())
            .expect("stored file is in the corpus");
        let fresh = inspection_engine::read_report(&source).unwrap();
        assert_eq!(
            stored.report.judgements, fresh.judgements,
            "{}",
            summary.file_name
        );
        assert_eq!(
            stored.report.recommendations, fresh.recommendations,
            "{}",
            summary.file_name
        );
        assert_eq!(
            stored.report.paragraphs, fresh.paragraphs,
            "{}",
            summary.file_name
        );
        assert_eq!(
            stored.report.sections, fresh.sections,
            "{}",
            summary.file_name
        );
    }
    list.len()
}

#[test]
fn importing_the_corpus_twice_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let (reports, blind) = corpus_folders();
    let (output, _) = cli(&db_args(
        &db,
        &["import".as_ref(), reports.as_os_str(), blind.as_os_str()],
    ));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "exit 1 when any file is refused: {stderr}"
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("imported")).count(),
        43,
        "{stdout}"
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("refused")).count(),
        2,
        "{stdout}"
    );
    assert!(
        stderr.contains("43 imported, 0 already in the library, 2 refused"),
        "{stderr}"
    );
    assert_eq!(assert_complete(&db), 43);

    let (again, _) = cli(&db_args(
        &db,
        &["import".as_ref(), reports.as_os_str(), blind.as_os_str()],
    ));
    assert!(String::from_utf8_lossy(&again.stderr)
        .contains("0 imported, 43 already in the library, 2 refused"));
    let (list, _) = cli(&db_args(&db, &["list".as_ref(), "--json".as_ref()]));
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 43);
    let first = &list[0];
    for field in [
        "id",
        "local_authority",
        "framework",
        "inspection_start",
        "inspection_end",
        "judgements",
    ] {
        assert!(!first[field].is_null(), "list --json has {field}");
    }
}

#[test]
fn sigkill_mid_import_leaves_only_complete_documents_and_the_import_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let (reports, blind) = corpus_folders();
    let mut child = Command::new(env!("CARGO_BIN_EXE_inspection-compare-cli"))
        .args(db_args(
            &db,
            &["import".as_ref(), reports.as_os_str(), blind.as_os_str()],
        ))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the import is under way, then kill it without warning.
    let start = Instant::now();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    let mut imported = 0;
    while imported < 5 && start.elapsed() < Duration::from_secs(120) {
        line.clear();
        if std::io::BufRead::read_line(&mut stdout, &mut line).unwrap() == 0 {
            break;
        }
        imported += usize::from(line.starts_with("imported"));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let partial = assert_complete(&db);
    assert!(
        (5..43).contains(&partial),
        "killed mid-import with {partial} stored"
    );

    let (output, _) = cli(&db_args(
        &db,
        &["import".as_ref(), reports.as_os_str(), blind.as_os_str()],
    ));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(assert_complete(&db), 43);
    // The killed import was known, and the same import said it resumed it.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("note: resuming the import begun"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("already in the library, 0 refused"),
        "{stderr}"
    );
    assert!(
        Library::open(&db)
            .unwrap()
            .unfinished_import()
            .unwrap()
            .is_none(),
        "finished once resumed"
    );
}

#[test]
fn two_processes_import_into_one_library_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let files: Vec<PathBuf> = std::fs::read_dir(corpus().join("reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.ends_with("rotherham_2012-08-10.pdf"))
        .collect();
    let spawn = |order: Vec<&PathBuf>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_inspection-compare-cli"));
        command
            .arg("--db")
            .arg(&db)
            .arg("import")
            .args(order)
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        command.spawn().unwrap()
    };
    let a = spawn(files.iter().collect());
    let b = spawn(files.iter().rev().collect());
    for child in [a, b] {
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
    }
    assert_eq!(assert_complete(&db), files.len());
}

#[test]
fn search_finds_phrases_with_filters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let mut library = Library::open(&db).unwrap();
    let reports = corpus().join("reports");
    let files: Vec<PathBuf> = [
        "hertfordshire_2015-11-27.pdf",
        "hertfordshire_2023-03-10.pdf",
        "norfolk_2023-01-13.pdf",
    ]
    .iter()
    .map(|f| reports.join(f))
    .collect();
    let summary = library.import(&files, |_| {}).unwrap();
    assert_eq!(summary.imported(), 3);
    drop(library);

    let search = |extra: &[&str]| -> Vec<serde_json::Value> {
        let mut args: Vec<&OsStr> = db_args(
            &db,
            &[
                "search".as_ref(),
                "\"private fostering\"".as_ref(),
                "--json".as_ref(),
            ],
        );
        args.extend(extra.iter().map(OsStr::new));
        cli_json(&args).as_array().unwrap().clone()
    };
    let all = search(&[]);
    assert!(!all.is_empty());
    for hit in &all {
        assert!(
            hit["snippet"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("private fostering"),
            "{hit}"
        );
        assert!(hit["page"].as_u64().unwrap() >= 1);
        assert!(hit["inspection_id"].as_i64().is_some());
    }
    let herts = search(&["--authority", "Hertfordshire County Council"]);
    assert!(
        !herts.is_empty()
            && herts
                .iter()
                .all(|h| h["local_authority"] == "Hertfordshire")
    );
    let y2023 = search(&["--year", "2023"]);
    assert!(y2023
        .iter()
        .all(|h| h["inspection_start"].as_str().unwrap().starts_with("2023")));
    let sif = search(&["--framework", "sif-2013"]);
    assert!(sif.iter().all(|h| h["framework"] == "sif-2013"));
    assert!(sif.len() < all.len());
}

#[test]
fn reparse_remove_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let mut library = Library::open(&db).unwrap();
    let files = vec![
        corpus().join("reports/hertfordshire_2018-11-19.pdf"),
        corpus().join("seeds/004_f6169653f68880f1.txt"),
    ];
    library.import(&files, |_| {}).unwrap();
    let before = library.list().unwrap();
    assert_eq!(before.len(), 2);
    let (updated, failed) = library.reparse(|_| {}).unwrap();
    assert_eq!((updated, failed), (2, 0));
    let after = library.list().unwrap();
    assert_eq!(before, after, "reparse keeps ids and content");

    let backup = dir.path().join("backup.sqlite3");
    let (output, _) = cli(&db_args(&db, &["backup".as_ref(), backup.as_os_str()]));
    assert!(output.status.success());
    assert_eq!(Library::open(&backup).unwrap().list().unwrap(), after);

    let id = after[0].id.to_string();
    let (output, _) = cli(&db_args(&db, &["remove".as_ref(), id.as_ref()]));
    assert!(output.status.success());
    assert_eq!(library.list().unwrap().len(), 1);
    let (output, _) = cli(&db_args(&db, &["show".as_ref(), id.as_ref()]));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains(&format!("no inspection with id {id}"))
    );
}

#[test]
fn reopening_a_library_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let mut library = Library::open(&db).unwrap();
    library
        .import(&[corpus().join("reports/surrey_2015-08-03.pdf")], |_| {})
        .unwrap();
    let list = library.list().unwrap();
    drop(library);
    let library = Library::open(&db).unwrap();
    assert_eq!(library.list().unwrap(), list);
    assert!(inspection_engine::store::migrations().validate().is_ok());
}

#[test]
fn the_default_library_lives_under_the_apps_bundle_identifier() {
    let conf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tauri.conf.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(conf["identifier"], inspection_engine::store::APP_IDENTIFIER);
    let path = Library::default_path().unwrap();
    assert!(path
        .parent()
        .unwrap()
        .ends_with(inspection_engine::store::APP_IDENTIFIER));
}

/// A report whose authority is on no list is never filed under a made-up one: the import asks
/// which authority it is, `assign` files it (by name, code or URN), and the choice is
/// remembered through a re-read and a remove-and-add-again.
#[test]
fn an_authority_the_reader_cannot_tell_is_asked_for_and_the_answer_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.db");
    let file = crate::support::fixtures().join("unknown-authority.txt");
    let import = || cli(&db_args(&db, &["import".as_ref(), file.as_os_str()])).0;
    let filed = |db: &Path| {
        let list = cli_json(&db_args(db, &["list".as_ref(), "--json".as_ref()]));
        let first = &list.as_array().unwrap()[0];
        (
            first["local_authority"].as_str().unwrap().to_string(),
            first["authority_known"].as_bool().unwrap(),
        )
    };

    let output = import();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains("which authority? inspection 1 (unknown-authority.txt) names \"Atlantis\"")
            && said.contains("`assign 1 AUTHORITY`"),
        "{said}"
    );
    assert_eq!(filed(&db), ("Atlantis".to_string(), false));

    let (output, _) = cli(&db_args(
        &db,
        &["assign".as_ref(), "1".as_ref(), "Atlantis".as_ref()],
    ));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        said.contains("\"Atlantis\" is not the name, code or Ofsted URN of an authority")
            && said.contains("authorities --all"),
        "{said}"
    );

    // An empty answer matches no authority (some have no new code).
    let (output, _) = cli(&db_args(
        &db,
        &["assign".as_ref(), "1".as_ref(), " ".as_ref()],
    ));
    assert!(!output.status.success());
    assert_eq!(filed(&db), ("Atlantis".to_string(), false));

    // By Ofsted URN (Liverpool's), then it is Liverpool's in every list.
    let (output, _) = cli(&db_args(
        &db,
        &["assign".as_ref(), "1".as_ref(), "80485".as_ref()],
    ));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("inspection 1 is filed under Liverpool")
    );
    assert_eq!(filed(&db), ("Liverpool".to_string(), true));

    // Remembered: through a re-read with the parser, and when the file is removed and added.
    let (output, _) = cli(&db_args(&db, &["reparse".as_ref()]));
    assert!(output.status.success());
    assert_eq!(filed(&db), ("Liverpool".to_string(), true));
    let (output, _) = cli(&db_args(&db, &["remove".as_ref(), "1".as_ref()]));
    assert!(output.status.success());
    let output = import();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!said.contains("which authority?"), "{said}");
    assert_eq!(filed(&db), ("Liverpool".to_string(), true));
}

/// The recommendation tracker of North Somerset from the command line: a status and note
/// recorded on a 2020 item are in the tracker, kept through a re-read and a remove-and-add-
/// again, and the CSV export reads back with them.
#[test]
fn the_tracker_keeps_a_status_through_reparse_and_re_import_and_exports_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.db");
    let national = corpus().join("national");
    let inspection = national
        .join("inspections/80528_north somerset/children's services inspection - 10 june 2020.pdf");
    let letter = national.join(
        "focused-visits/80528_north somerset/children's services focused visit - 31 january 2022.pdf",
    );
    for file in [&inspection, &letter] {
        let (output, _) = cli(&db_args(&db, &["import".as_ref(), file.as_os_str()]));
        assert!(output.status.success());
    }
    let run = |args: &[&str]| {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let (output, _) = cli(&db_args(&db, &args));
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    // Item 3 of the 2020 inspection (id 1): supervision of children's plans.
    run(&[
        "status",
        "1",
        "3",
        "in_progress",
        "--note",
        "Supervision audit due in March",
    ]);
    let item3 = |db_json: serde_json::Value| {
        let item = db_json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["document"] == 0 && i["index"] == 2)
            .unwrap()
            .clone();
        (
            item["status"].clone(),
            item["note"].clone(),
            item["later"][0]["raised_again"].clone(),
        )
    };
    // The authority as people type it: any case and spacing.
    let tracker = || {
        serde_json::from_str::<serde_json::Value>(&run(&[
            "tracker",
            "north  somerset",
            "--format",
            "json",
        ]))
        .unwrap()
    };
    // A note is kept with a status, never silently dropped by clearing the status.
    let args: Vec<&OsStr> = ["status", "1", "3", "none", "--note", "x"]
        .iter()
        .map(OsStr::new)
        .collect();
    let (output, _) = cli(&db_args(&db, &args));
    assert_eq!(output.status.code(), Some(2));
    let expected = (
        serde_json::json!("in_progress"),
        serde_json::json!("Supervision audit due in March"),
        serde_json::json!(
            "Management oversight of safeguarding practice, including supervision of staff."
        ),
    );
    assert_eq!(item3(tracker()), expected);
    run(&["reparse"]);
    assert_eq!(item3(tracker()), expected);
    run(&["remove", "1"]);
    let (output, _) = cli(&db_args(&db, &["import".as_ref(), inspection.as_os_str()]));
    assert!(output.status.success());
    assert_eq!(item3(tracker()), expected, "kept by the document's bytes");

    let csv_path = dir.path().join("tracker.csv");
    run(&[
        "tracker",
        "North Somerset",
        "-o",
        csv_path.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 6 + 4, "six 2020 items and the letter's four");
    let row = rows
        .iter()
        .find(|r| {
            &r[4] == "Management oversight and supervision of the progress of children’s plans."
        })
        .unwrap();
    assert_eq!(&row[6], "In progress");
    assert_eq!(&row[7], "Supervision audit due in March");
    assert!(row[5].contains("raised again"), "{:?}", &row[5]);

    // The committee tracker as PDF, read back with pdftotext.
    let pdf = dir.path().join("tracker.pdf");
    run(&["tracker", "North Somerset", "-o", pdf.to_str().unwrap()]);
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', " ");
    for needle in [
        "RECOMMENDATION TRACKER",
        "North Somerset",
        "Management oversight and supervision of the progress of children’s plans.",
        "Status: In progress. Note: Supervision audit due in March",
        "raised again",
    ] {
        assert!(text.contains(needle), "{needle} not in the PDF:\n{text}");
    }
}

#[test]
fn neighbours_and_regions_stand_an_authority_among_others_by_round() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let (reports, _) = corpus_folders();
    let (output, _) = cli(&db_args(&db, &["import".as_ref(), reports.as_os_str()]));
    assert!(output.status.code().is_some_and(|c| c <= 1), "{output:?}");

    let group = cli_json(&db_args(
        &db,
        &[
            "neighbours".as_ref(),
            "hertfordshire".as_ref(),
            "--at".as_ref(),
            "2019-01-01".as_ref(),
            "--json".as_ref(),
        ],
    ));
    let members = group["members"].as_array().unwrap();
    assert_eq!(members.len(), 11, "the authority and its ten neighbours");
    assert_eq!(members[0]["name"], "Hertfordshire");
    assert_eq!(members[0]["subject"], true);
    assert_eq!(group["at"], "2019-01-01");
    // The corpus holds Hertfordshire's 2015 and 2018 inspections: the 2018 one stands at 2019.
    assert_eq!(members[0]["at_date"]["date"], "2018-10-15");
    assert_eq!(members[0]["at_date"]["overall"], "good");
    let rounds: Vec<&str> = group["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(
        rounds.contains(&"sif") && rounds.contains(&"ilacs2018"),
        "{rounds:?}"
    );
    // Neighbours with no document are named.
    assert!(!group["missing"].as_array().unwrap().is_empty());

    // A region by an authority's name: its region, with it picked out.
    let region = cli_json(&db_args(
        &db,
        &["region".as_ref(), "Norfolk".as_ref(), "--json".as_ref()],
    ));
    assert_eq!(region["region"], "East of England");
    assert_eq!(region["subject"], "Norfolk");
    assert!(region["members"].as_array().unwrap().len() >= 10);
    let (output, _) = cli(&db_args(
        &db,
        &["region".as_ref(), "East of England".as_ref()],
    ));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("East of England — standing at"), "{text}");

    // An authority not on the list: one line, and where to look.
    let (output, _) = cli(&db_args(&db, &["neighbours".as_ref(), "Atlantis".as_ref()]));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("`authorities --all`"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");

    // The whole check (off the start path) finds the library sound.
    let (output, _) = cli(&db_args(&db, &["check".as_ref()]));
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).ends_with(": ok\n"));
}
