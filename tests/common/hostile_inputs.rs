//! Hostile inputs made from nothing but code (no report text), shared by the integration tests
//! (`tests/integration/budgets.rs`, `hostile.rs`) and the app's end-to-end tests.

#![allow(dead_code)] // each test binary uses its own part

use std::io::Write;

/// A PDF from object bodies (1-based, in order), with a correct cross-reference table.
pub fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).unwrap();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for offset in offsets {
        writeln!(out, "{offset:010} 00000 n ").unwrap();
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out
}

pub fn stream(dictionary: &str, data: &[u8]) -> Vec<u8> {
    let mut body = format!("<< {dictionary} /Length {} >>\nstream\n", data.len()).into_bytes();
    body.extend_from_slice(data);
    body.extend_from_slice(b"\nendstream");
    body
}

pub const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

pub fn deflated(data: impl IntoIterator<Item = Vec<u8>>) -> Vec<u8> {
    let mut deflater = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    for block in data {
        deflater.write_all(&block).unwrap();
    }
    deflater.finish().unwrap()
}

/// A one-page PDF with this page content and font, and further objects from number 6 on.
pub fn one_page(content: Vec<u8>, font: Vec<u8>, extra: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        content,
        font,
    ];
    objects.extend(extra);
    pdf(&objects)
}

/// A PDF of `pages` pages, each drawing the same line of `text`.
pub fn many_pages_pdf(pages: usize, text: &str) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        Vec::new(), // the page tree, filled in below
        stream(
            "",
            format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET").as_bytes(),
        ),
        FONT.as_bytes().to_vec(),
    ];
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", i + 5)).collect();
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {pages} >>",
        kids.join(" ")
    )
    .into_bytes();
    for _ in 0..pages {
        objects.push(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
                .to_vec(),
        );
    }
    pdf(&objects)
}

/// A PDF whose one page draws 200 MB of text operators: under the old 256 MB inflation limit,
/// and past 3.6 GB in the PDF reader's memory.
pub fn content_bomb_pdf() -> Vec<u8> {
    let line = b"BT /F1 12 Tf 72 720 Td (Help and protection) Tj ET\n".repeat(20_000);
    let content = deflated((0..200).map(|_| line.clone()));
    one_page(
        stream("/Filter /FlateDecode", &content),
        FONT.as_bytes().to_vec(),
        vec![],
    )
}

/// A web page whose elements nest 200,000 deep.
pub fn deep_html() -> Vec<u8> {
    format!(
        "<!DOCTYPE html><html><head><title>Deep</title></head><body>{}Text</body></html>",
        "<div>".repeat(200_000)
    )
    .into_bytes()
}

/// Overwrites the second half of the pages that hold a library's stored files (found with
/// SQLite's `dbstat`), leaving every other table whole: damage the start path does not look
/// for. Returns the file's bytes as written.
pub fn damage_stored_files(db: &std::path::Path) -> Vec<u8> {
    let conn = rusqlite::Connection::open(db).expect("the library opens");
    conn.pragma_update(None, "journal_mode", "DELETE")
        .expect("the library leaves WAL");
    let page_size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .expect("a page size");
    let pages: Vec<i64> = conn
        .prepare("SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'overflow'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("the stored files' pages");
    drop(conn);
    assert!(pages.len() > 10, "a stored report's pages: {pages:?}");
    let mut bytes = std::fs::read(db).expect("the library reads");
    for page in &pages[pages.len() / 2..] {
        let (at, size) = (((page - 1) * page_size) as usize, page_size as usize);
        for (i, b) in bytes[at..at + size].iter_mut().enumerate() {
            *b = (i % 251) as u8;
        }
    }
    std::fs::write(db, &bytes).expect("the library is written");
    bytes
}
