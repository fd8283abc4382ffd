//! Stage 1, ingest: a file's bytes → [`RawText`], the text of each page.
//!
//! The format is decided by content, never by file name: Ofsted's own archive holds HTML error
//! pages saved with a `.pdf` name, and users rename files.

mod html;
mod pdf;
mod text;

use crate::error::{FileError, Problem};
use std::io::Read;
use std::path::Path;

/// Files above this size are refused before they are read. Ofsted reports are under 5 MB;
/// the limit leaves room for scanned appendices while keeping memory bounded.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// How much text a document may give. A report has under 1 MB of text; the budget keeps every
/// later stage's time and memory bounded whatever the file's format.
pub const MAX_TEXT_MB: u64 = 16;

/// Which kind of content a file held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Pdf,
    Text,
    Html,
}

/// The hand-off from ingest to extract: raw text, one string per page.
/// Plain text and HTML have one page unless they contain form feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawText {
    pub kind: SourceKind,
    pub pages: Vec<String>,
}

/// Reads a file from disk and turns it into page texts.
pub fn read_file(path: &Path) -> Result<RawText, FileError> {
    let bytes = read_bounded(path)?;
    read_bytes(&bytes).map_err(|problem| FileError::new(path, problem))
}

/// Reads a file's bytes, refusing folders, missing files and oversized files before reading.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, FileError> {
    let fail = |problem| FileError::new(path, problem);
    let meta = std::fs::metadata(path).map_err(|e| fail(io_problem(&e)))?;
    if meta.is_dir() {
        return Err(fail(Problem::IsDirectory));
    }
    if !meta.is_file() {
        // Reading a pipe or a device could wait for ever, or never end.
        return Err(fail(Problem::Unreadable(
            "not a regular file (a device, pipe or socket)".into(),
        )));
    }
    check_size(meta.len()).map_err(fail)?;
    // Read at most one byte over the limit: the file may have grown since it was measured.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(io_problem(&e)))?;
    check_size(bytes.len() as u64).map_err(fail)?;
    Ok(bytes)
}

fn check_size(len: u64) -> Result<(), Problem> {
    if len > MAX_FILE_BYTES {
        return Err(Problem::TooLarge {
            size_mb: len.div_ceil(1024 * 1024),
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

/// Where `needle` first stands in `haystack`: the byte scans that budget PDFs and web pages
/// before their parsers run.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn io_problem(e: &std::io::Error) -> Problem {
    match e.kind() {
        std::io::ErrorKind::NotFound => Problem::NotFound,
        std::io::ErrorKind::IsADirectory => Problem::IsDirectory,
        std::io::ErrorKind::PermissionDenied => {
            Problem::Unreadable("permission denied; check the file's permissions".into())
        }
        _ => Problem::Unreadable(e.to_string()),
    }
}

/// Turns a file's content into page texts, deciding the format by the content.
pub fn read_bytes(bytes: &[u8]) -> Result<RawText, Problem> {
    let raw = read_any(bytes)?;
    let length: usize = raw.pages.iter().map(String::len).sum();
    if length as u64 > MAX_TEXT_MB << 20 {
        return Err(Problem::TextTooLong {
            limit_mb: MAX_TEXT_MB,
        });
    }
    Ok(raw)
}

fn read_any(bytes: &[u8]) -> Result<RawText, Problem> {
    check_size(bytes.len() as u64)?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Problem::Empty);
    }
    if pdf::looks_like_pdf(bytes) {
        return Ok(RawText {
            kind: SourceKind::Pdf,
            pages: pdf::page_texts(bytes)?,
        });
    }
    let decoded = text::decode(bytes).ok_or(Problem::UnknownFormat)?;
    if html::looks_like_html(&decoded) {
        return Ok(RawText {
            kind: SourceKind::Html,
            pages: vec![html::to_text(&decoded)?],
        });
    }
    Ok(RawText {
        kind: SourceKind::Text,
        pages: text::split_pages(&decoded),
    })
}
