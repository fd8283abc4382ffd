//! Bad input: each case gets one specific line on stderr naming the file, a non-zero exit, no
//! panic, and an answer within seconds.

use crate::support::{cli, corpus, fixtures};
use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

/// Runs `extract` on `path` and checks the error is one line naming the file and saying `what`.
fn refused(path: &Path, what: &str) {
    let (output, took) = cli(&[OsStr::new("extract"), path.as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{} was accepted", path.display());
    assert_eq!(
        output.status.code(),
        Some(1),
        "exit code for {}: {stderr}",
        path.display()
    );
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one line, got: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains(&*path.to_string_lossy()),
        "names the file: {stderr}"
    );
    assert!(stderr.contains(what), "says {what:?}: {stderr}");
    assert!(output.stdout.is_empty());
    assert!(took < Duration::from_secs(20), "took {took:?}");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.pdf");
    std::fs::write(&path, b"").unwrap();
    refused(&path, "the file is empty");
}

#[test]
fn random_bytes_named_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("random.pdf");
    // A fixed xorshift stream: random-looking, reproducible.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&path, bytes).unwrap();
    refused(&path, "not a PDF, text or HTML file");
}

#[test]
fn truncated_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(corpus().join("reports/hertfordshire_2018-11-19.pdf")).unwrap();
    let path = dir.path().join("truncated.pdf");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    refused(&path, "the PDF is damaged or incomplete");
}

#[test]
fn password_protected_pdf() {
    refused(
        &fixtures().join("user-password.pdf"),
        "protected by a password",
    );
}

#[test]
fn owner_password_only_pdf_reads_normally() {
    // Readable without a password; it is a letter, so it is refused as not a report, which
    // proves the text was read.
    refused(
        &fixtures().join("owner-password-only.pdf"),
        "not an Ofsted children's services inspection report",
    );
}

#[test]
fn image_only_pdf() {
    refused(&fixtures().join("image-only.pdf"), "no text layer");
}

#[test]
fn file_of_120_mb_is_refused_fast() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.pdf");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(120 * 1024 * 1024).unwrap();
    refused(&path, "over the 50 MB limit");
}

#[test]
fn folder() {
    let dir = tempfile::tempdir().unwrap();
    refused(dir.path(), "is a folder");
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    refused(&dir.path().join("nowhere.pdf"), "no such file or folder");
}

#[test]
fn html_error_page_saved_as_pdf() {
    refused(
        &corpus().join("reports/rotherham_2012-08-10.pdf"),
        "Report not found",
    );
}
