//! Summaries for committee papers: `compare A B --format pdf|docx|html|csv|md -o FILE`.

use crate::support::{cli, corpus};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

fn herts() -> [PathBuf; 2] {
    [
        corpus().join("seeds/004_f6169653f68880f1.txt"),
        corpus().join("reports/hertfordshire_2018-11-19.pdf"),
    ]
}

/// Runs `compare A B EXTRA...` and returns the exit code and stderr.
fn export(pair: &[PathBuf; 2], extra: &[&OsStr]) -> (i32, String) {
    let mut args: Vec<&OsStr> = vec!["compare".as_ref(), pair[0].as_os_str(), pair[1].as_os_str()];
    args.extend_from_slice(extra);
    let (output, _) = cli(&args);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn export_to(pair: &[PathBuf; 2], path: &Path) {
    let (code, stderr) = export(pair, &["-o".as_ref(), path.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
}

fn pdftotext_page_1(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-f", "1", "-l", "1", "-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils, installed by scripts/setup.sh)");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn hertfordshire_summary_as_pdf_reads_back_with_pdftotext() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("herts.pdf");
    export_to(&herts(), &pdf);
    let page = pdftotext_page_1(&pdf);
    for needle in [
        "Hertfordshire",
        "2013",
        "2018",
        "Overall effectiveness",
        "Adequate",
        "Good",
        "Outstanding",
        "Improved",
        "Ofsted",
    ] {
        assert!(page.contains(needle), "{needle} is not on page 1:\n{page}");
    }
    // Fonts are embedded (pdffonts lists them as emb yes).
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let font_lines: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!font_lines.is_empty());
    for line in font_lines {
        assert!(line.contains(" yes "), "a font not embedded: {line}");
    }
}

#[test]
fn html_is_self_contained_csv_has_a_row_per_domain_markdown_has_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let (html, csv, md) = (
        dir.path().join("herts.html"),
        dir.path().join("herts.csv"),
        dir.path().join("herts.md"),
    );
    for path in [&html, &csv, &md] {
        export_to(&herts(), path);
    }
    let html = std::fs::read_to_string(html).unwrap();
    for external in [
        "src=", "href=", "url(", "@import", "http:", "https:", "<script", "<link",
    ] {
        assert!(!html.contains(external), "{external} in the HTML");
    }
    assert!(html.contains("Hertfordshire") && html.contains("▲ Improved"));

    let (output, _) = cli(&[
        "compare".as_ref(),
        herts()[0].as_os_str(),
        herts()[1].as_os_str(),
        "--json".as_ref(),
    ]);
    let comparison: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let domains = comparison["judgements"].as_array().unwrap().len();
    let csv = std::fs::read_to_string(csv).unwrap();
    assert_eq!(csv.lines().count(), 1 + domains, "{csv}");
    assert!(csv.contains("Hertfordshire,Overall effectiveness,2013,Adequate,2018,Good,improved"));
    assert!(csv.contains("Hertfordshire,Leadership,2013,Adequate,2018,Outstanding,improved"));

    // A Word document (read back in the engine's render tests) from its extension.
    let docx = dir.path().join("herts.docx");
    export_to(&herts(), &docx);
    assert!(
        std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"),
        "a .docx is a zip"
    );

    let md = std::fs::read_to_string(md).unwrap();
    assert!(
        md.contains("| Overall effectiveness | Adequate | Good | ▲ Improved |"),
        "{md}"
    );
}

#[test]
fn bad_export_requests_get_clear_errors_and_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stderr) = export(&herts(), &["--format".as_ref(), "pdf".as_ref()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("a PDF needs a file: add -o FILE.pdf"),
        "{stderr}"
    );

    let (code, stderr) = export(&herts(), &["--format".as_ref(), "docx".as_ref()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("a Word document needs a file: add -o FILE.docx"),
        "{stderr}"
    );

    let doc = dir.path().join("herts.doc");
    let (code, stderr) = export(&herts(), &["-o".as_ref(), doc.as_os_str()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("herts.doc: cannot tell the format"),
        "{stderr}"
    );
    assert!(!doc.exists());

    let nowhere = dir.path().join("no-such-folder/herts.pdf");
    let (code, stderr) = export(&herts(), &["-o".as_ref(), nowhere.as_os_str()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("no-such-folder/herts.pdf: cannot write the file"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing left behind"
    );
}
