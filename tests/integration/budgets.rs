//! Every input gets an answer within seconds and in bounded memory: one test per hostile input
//! of the "hostile documents" issue, each made here (no report text), run through the CLI
//! under a 1 GB address-space ceiling and answered within 10 s with one line that names the
//! file and the limit it broke.

use crate::hostile::{assert_refused, extract_with_memory_limit};
use crate::hostile_inputs::{
    content_bomb_pdf, deep_html, deflated, many_pages_pdf, one_page, stream, FONT,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The ceilings: 10 s of wall time and 1 GB of memory for any one document.
const MEMORY_MB: u64 = 1024;
const WALL: Duration = Duration::from_secs(10);

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn refused(path: &Path, says: &str) {
    let (output, took) = extract_with_memory_limit(path, MEMORY_MB);
    assert_refused(&output, took, path, says);
    assert!(took < WALL, "{} took {took:?}", path.display());
}

#[test]
fn a_content_stream_under_the_bomb_limit_but_huge_is_refused() {
    // 200 MB of drawing operators: once past the reader's memory, now refused by size.
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "content-bomb.pdf", &content_bomb_pdf());
    refused(&path, "the limit for one stream");
}

#[test]
fn a_web_page_nested_two_hundred_thousand_deep_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "deep.html", &deep_html());
    refused(&path, "nests its elements over 256 deep");
}

#[test]
fn a_font_with_a_huge_unicode_map_is_refused() {
    // A ToUnicode CMap of two million mappings, about 40 MB once inflated.
    let mut cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n".to_vec();
    for chunk in 0..20_000u32 {
        cmap.extend_from_slice(b"100 beginbfchar\n");
        for i in 0..100u32 {
            let code = (chunk * 100 + i) & 0xFFFF;
            writeln!(cmap, "<{code:04X}> <{:04X}>", 0x41 + (code % 26)).unwrap();
        }
        cmap.extend_from_slice(b"endbfchar\n");
    }
    cmap.extend_from_slice(b"endcmap CMapName currentdict /CMap defineresource pop end end\n");
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>".to_vec();
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "huge-cmap.pdf",
        &one_page(
            stream("", b"BT /F1 12 Tf 72 720 Td (Leaders) Tj ET"),
            font,
            vec![stream("/Filter /FlateDecode", &deflated([cmap]))],
        ),
    );
    refused(&path, "the limit for one stream");
}

#[test]
fn forty_megabytes_of_text_on_one_line_is_refused() {
    let mut content = b"BT /F1 12 Tf 72 720 Td (".to_vec();
    content.extend(std::iter::repeat_n(b'a', 40 << 20));
    content.extend_from_slice(b") Tj ET");
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "long-line.pdf",
        &one_page(
            stream("/Filter /FlateDecode", &deflated([content])),
            FONT.as_bytes().to_vec(),
            vec![],
        ),
    );
    refused(&path, "the limit for one stream");
}

#[test]
fn a_web_page_of_a_million_list_items_is_refused() {
    let page = format!(
        "<!DOCTYPE html><html><body><ul>{}</ul></body></html>",
        "<li>item</li>".repeat(1_000_000)
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "million-items.html", page.as_bytes());
    refused(&path, "over 100000 elements");
}

#[test]
fn deeply_nested_content_arrays_get_a_plain_sentence() {
    let mut content = b"BT /F1 12 Tf 72 720 Td ".to_vec();
    content.extend(std::iter::repeat_n(b'[', 100_000));
    content.extend(std::iter::repeat_n(b']', 100_000));
    content.extend_from_slice(b" TJ ET");
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "nested-arrays.pdf",
        &one_page(stream("", &content), FONT.as_bytes().to_vec(), vec![]),
    );
    let (output, took) = extract_with_memory_limit(&path, MEMORY_MB);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(&*path.to_string_lossy()), "{stderr}");
    for internal in ["unwrap", "panicked", "Err(", "called `"] {
        assert!(!stderr.contains(internal), "no {internal:?}: {stderr}");
    }
    assert!(took < WALL, "took {took:?}");
}

#[test]
fn a_pdf_of_999_pages_of_text_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "999-pages.pdf",
        &many_pages_pdf(
            999,
            "Inspection of Nowhere local authority children's services",
        ),
    );
    let (output, took) = extract_with_memory_limit(&path, MEMORY_MB);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Its text is read (it is then no report: no dates or judgements), in time and memory.
    assert!(
        !stderr.contains("the limit") && !stderr.contains("reading it"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(took < WALL, "took {took:?}");
}
