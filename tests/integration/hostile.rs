//! Hostile files and a hostile disk: PDF bombs, unreadable files, odd file names, link loops,
//! a damaged library, and a crash in the middle of a library upgrade. Each gets a specific
//! answer naming the file, within bounded time and memory; nothing stored is lost.

use crate::hostile_inputs::{many_pages_pdf, pdf, stream, FONT};
use crate::support::{cli, corpus, fixtures};
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs the CLI under a memory ceiling (`ulimit -v`): an unbounded reader fails to allocate
/// and aborts, which the assertions below would see.
pub(crate) fn extract_with_memory_limit(
    path: &Path,
    megabytes: u64,
) -> (std::process::Output, Duration) {
    let start = Instant::now();
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {}; exec \"$0\" extract \"$1\"",
            megabytes * 1024
        ))
        .arg(env!("CARGO_BIN_EXE_inspection-compare-cli"))
        .arg(path)
        .output()
        .expect("sh runs");
    (output, start.elapsed())
}

pub(crate) fn assert_refused(
    output: &std::process::Output,
    took: Duration,
    path: &Path,
    what: &str,
) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(&*path.to_string_lossy()), "{stderr}");
    assert!(stderr.contains(what), "says {what:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(took < Duration::from_secs(20), "took {took:?}");
}

#[test]
fn decompression_bomb_is_refused_in_bounded_memory() {
    // 1 GiB of spaces, deflated to about 1 MB, as one page's content stream.
    let mut deflater = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let block = vec![b' '; 1 << 20];
    for _ in 0..1024 {
        deflater.write_all(&block).unwrap();
    }
    let bomb = deflater.finish().unwrap();
    let bytes = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        stream("/Filter /FlateDecode", &bomb),
        FONT.as_bytes().to_vec(),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.pdf");
    std::fs::write(&path, bytes).unwrap();
    let (output, took) = extract_with_memory_limit(&path, 600);
    assert_refused(&output, took, &path, "decompression bomb");
}

#[test]
fn a_pdf_of_twenty_thousand_pages_is_refused_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many-pages.pdf");
    std::fs::write(&path, many_pages_pdf(20_000, "A page")).unwrap();
    let (output, took) = extract_with_memory_limit(&path, 600);
    assert_refused(&output, took, &path, "over the 1000 page limit");
}

#[test]
fn a_page_tree_that_contains_itself_is_refused() {
    let bytes = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>".to_vec(),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loop.pdf");
    std::fs::write(&path, bytes).unwrap();
    let (output, took) = extract_with_memory_limit(&path, 600);
    assert_refused(&output, took, &path, "the PDF is damaged or incomplete");
}

/// Runs the CLI as an unprivileged user when the tests run as root (CI does): root reads any
/// file whatever its permissions.
fn cli_as_ordinary_user(args: &[&OsStr]) -> std::process::Output {
    let exe = env!("CARGO_BIN_EXE_inspection-compare-cli");
    // SAFETY: geteuid has no preconditions.
    let command = if unsafe { libc::geteuid() } == 0 {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", exe]);
        c
    } else {
        Command::new(exe)
    };
    let mut command = command;
    command.args(args).output().expect("the CLI runs")
}

/// The import's line about a file: "imported  PATH (inspection 1)", "refused  PATH: reason".
fn line_about<'a>(stdout: &'a str, name: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("no line about {name}: {stdout}"))
}

/// A folder that anyone may enter, so the unprivileged run reaches the files in it.
fn open_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    dir
}

#[test]
fn an_unreadable_file_is_named_with_what_to_do() {
    use std::os::unix::fs::PermissionsExt;
    let dir = open_tempdir();
    let path = dir.path().join("locked.pdf");
    std::fs::copy(fixtures().join("plain-letter.pdf"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let output = cli_as_ordinary_user(&["extract".as_ref(), path.as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&*path.to_string_lossy()), "{stderr}");
    assert!(stderr.contains("cannot be read"), "{stderr}");
    assert!(stderr.to_lowercase().contains("permission"), "{stderr}");
}

#[test]
fn an_unreadable_folder_in_an_import_is_reported_and_the_rest_imported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = open_tempdir();
    let folder = dir.path().join("reports");
    let locked = folder.join("locked");
    std::fs::create_dir_all(&locked).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::copy(
        corpus().join("reports/hertfordshire_2018-11-19.pdf"),
        folder.join("herts.pdf"),
    )
    .unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let db = dir.path().join("library.sqlite3");
    let output = cli_as_ordinary_user(&[
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        folder.as_os_str(),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(line_about(&stdout, "herts.pdf").starts_with("imported"));
    let locked = line_about(&stdout, "locked");
    assert!(
        locked.starts_with("refused") && locked.contains("cannot list the folder"),
        "{stdout}"
    );
}

#[test]
fn file_names_that_are_not_utf8_are_read_and_named() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let odd = dir
        .path()
        .join(OsStr::from_bytes(b"Hertfordshire \xff\xfe report.pdf"));
    std::fs::copy(corpus().join("reports/hertfordshire_2018-11-19.pdf"), &odd).unwrap();
    let letter = dir.path().join(OsStr::from_bytes(b"letter-\xe9t\xe9.pdf"));
    std::fs::copy(fixtures().join("plain-letter.pdf"), &letter).unwrap();

    let (output, _) = cli(&["extract".as_ref(), odd.as_os_str(), "--json".as_ref()]);
    assert!(output.status.success(), "{:?}", output);
    let (output, _) = cli(&["extract".as_ref(), letter.as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("letter-\u{FFFD}t\u{FFFD}.pdf"), "{stderr}");

    let library = tempfile::tempdir().unwrap();
    let db = library.path().join("library.sqlite3");
    let (output, _) = cli(&[
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        dir.path().as_os_str(),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        line_about(&stdout, "Hertfordshire \u{FFFD}\u{FFFD} report.pdf").starts_with("imported")
    );
    assert!(line_about(&stdout, "letter-\u{FFFD}t\u{FFFD}.pdf").starts_with("refused"));
}

#[test]
fn link_loops_in_an_imported_folder_are_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("reports");
    std::fs::create_dir_all(folder.join("inner")).unwrap();
    std::fs::copy(
        corpus().join("reports/hertfordshire_2018-11-19.pdf"),
        folder.join("inner/herts.pdf"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&folder, folder.join("inner/back-to-top")).unwrap();
    std::os::unix::fs::symlink(folder.join("inner/self"), folder.join("inner/self")).unwrap();
    let db = dir.path().join("library.sqlite3");
    let start = Instant::now();
    let (output, _) = cli(&[
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        folder.as_os_str(),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(start.elapsed() < Duration::from_secs(30));
    let imported = stdout.lines().filter(|l| l.starts_with("imported")).count();
    assert_eq!(imported, 1, "the report once: {stdout}");
    assert!(
        line_about(&stdout, "inner/self").contains("a link that leads nowhere"),
        "the self-link is named: {stdout}"
    );
}

#[test]
fn a_damaged_library_is_moved_aside_and_work_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    std::fs::write(&db, b"this was a library until a disk went bad").unwrap();
    let (output, _) = cli(&[
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        corpus()
            .join("reports/hertfordshire_2018-11-19.pdf")
            .as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("was damaged"), "{stderr}");
    let moved: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(
        std::fs::read(&moved[0]).unwrap(),
        b"this was a library until a disk went bad"
    );
    let (output, _) = cli(&["--db".as_ref(), db.as_os_str(), "list".as_ref()]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("Hertfordshire"));
}

fn user_version(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn a_library_killed_during_its_upgrade_opens_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let reports = corpus().join("reports");
    let files: Vec<PathBuf> = ["hertfordshire_2018-11-19.pdf", "norfolk_2015-10-20.pdf"]
        .iter()
        .map(|f| reports.join(f))
        .collect();
    let mut args: Vec<&OsStr> = vec!["--db".as_ref(), db.as_os_str(), "import".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    assert!(cli(&args).0.status.success());
    // Back to the first schema (the migration's own `down`), as a library of an older version.
    let mut conn = rusqlite::Connection::open(&db).unwrap();
    inspection_engine::store::migrations()
        .to_version(&mut conn, 1)
        .unwrap();
    drop(conn);
    assert_eq!(user_version(&db), 1);

    // The upgrade pauses inside its transaction; kill -9 lands there.
    let mut child = Command::new(env!("CARGO_BIN_EXE_inspection-compare-cli"))
        .args(["--db".as_ref(), db.as_os_str(), "list".as_ref()])
        .env("INSPECTION_COMPARE_TEST_MIGRATION_PAUSE_MS", "20000")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let backed_up = || {
        std::fs::read_dir(dir.path()).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".v1-backup-")
        })
    };
    while !backed_up() {
        assert!(Instant::now() < deadline, "no backup before the upgrade");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(user_version(&db), 1, "the killed upgrade left no trace");

    let (output, _) = cli(&[
        "--db".as_ref(),
        db.as_os_str(),
        "list".as_ref(),
        "--json".as_ref(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let upgraded = format!(
        "upgraded from schema 1 to {}",
        inspection_engine::store::SCHEMA_VERSION
    );
    assert!(stderr.contains(&upgraded), "{stderr}");
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2, "nothing lost");
    let (output, _) = cli(&["--db".as_ref(), db.as_os_str(), "check".as_ref()]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).ends_with(": ok\n"));
}

/// `backup` onto the library's own file (however the path is spelt) is refused with one line,
/// and the library is left as it was.
#[test]
fn a_backup_onto_the_library_itself_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let report = corpus().join("reports/hertfordshire_2018-11-19.pdf");
    let (output, _) = cli(&[
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        report.as_os_str(),
    ]);
    assert!(output.status.success());
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let same = dir.path().join("sub/../library.sqlite3");
    for target in [&db, &same] {
        let (output, _) = cli(&[
            "--db".as_ref(),
            db.as_os_str(),
            "backup".as_ref(),
            target.as_os_str(),
        ]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{stderr}");
        assert!(stderr.contains("onto itself"), "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    }
    let (output, _) = cli(&["--db".as_ref(), db.as_os_str(), "check".as_ref()]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).ends_with(": ok\n"));
}

/// Text drawn with the standard's `'` and `"` operators ("next line, show text") reads like
/// text drawn with `Tj` (pdftotext reads it): never "scanned images". Without the rewrite the
/// file is refused as having no text layer.
#[test]
fn text_drawn_with_the_quote_operators_is_read() {
    let file = fixtures().join("quote-operators.pdf");
    let report = crate::support::extract_json(&file).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report["framework"], "focused-visit");
    let text: Vec<&str> = report["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["text"].as_str())
        .collect();
    let text = text.join(" ");
    assert!(text.contains("drawn with the quote operators"), "{text}");
    assert!(text.contains("This letter summarises"), "{text}");
    assert_eq!(report["inspection_start"], "2025-02-04");
}

/// Damage among the stored files is left off the start path (every command still runs) and is
/// found by `check`, which says what to do; `check --recover` moves the library aside.
#[test]
fn check_finds_damage_among_the_stored_files_and_recover_moves_it_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite3");
    let report = corpus().join("reports/hertfordshire_2018-11-19.pdf");
    let (output, _) = cli(&[
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        report.as_os_str(),
    ]);
    assert!(output.status.success());
    crate::hostile_inputs::damage_stored_files(&db);

    let (output, _) = cli(&["--db".as_ref(), db.as_os_str(), "list".as_ref()]);
    assert!(
        output.status.success(),
        "the start path does not read the stored files"
    );
    let (output, _) = cli(&["--db".as_ref(), db.as_os_str(), "check".as_ref()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("is damaged") && stderr.contains("check --recover"),
        "{stderr}"
    );
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    let (output, _) = cli(&[
        "--db".as_ref(),
        db.as_os_str(),
        "check".as_ref(),
        "--recover".as_ref(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("was damaged") && stderr.contains("nothing was deleted"),
        "{stderr}"
    );
    let moved = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".damaged-")
        })
        .count();
    assert_eq!(moved, 1);
    let (output, _) = cli(&["--db".as_ref(), db.as_os_str(), "check".as_ref()]);
    assert!(output.status.success(), "a new, sound library");
}
