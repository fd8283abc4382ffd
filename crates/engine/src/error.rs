//! Typed errors. Every error that concerns a file names it, says what is wrong and what to do.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Every kind of error the engine and its adapters report, as a stable machine-readable name:
/// the `kind` of an error crossing IPC, of a refused file in JSON output, of a library failure.
/// One list, so the UI can match on it exhaustively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    // A file that cannot be read as a report (`Problem`).
    NotFound,
    IsDirectory,
    Unreadable,
    Empty,
    TooLarge,
    UnknownFormat,
    DamagedPdf,
    Encrypted,
    NoTextLayer,
    TooManyPages,
    #[serde(rename = "pdf_bomb")]
    Bomb,
    ReaderFailed,
    WorkerUnavailable,
    ReaderStopped,
    TooSlow,
    StreamTooLarge,
    TextTooLong,
    HtmlTooDeep,
    HtmlTooLarge,
    NotAReport,
    OtherOfstedDocument,
    // The library (`store::StoreError`).
    Database,
    Migration,
    Folder,
    Damaged,
    NoSuchInspection,
    NoSuchAuthority,
    NoDataDir,
    BackupOntoItself,
    DiskFull,
    // Export (`render::RenderError`).
    Render,
    Write,
    // The adapters' own: a request they refuse, or work that stopped unexpectedly.
    InvalidInput,
    Internal,
}

impl ErrorKind {
    pub const ALL: [ErrorKind; 34] = [
        ErrorKind::NotFound,
        ErrorKind::IsDirectory,
        ErrorKind::Unreadable,
        ErrorKind::Empty,
        ErrorKind::TooLarge,
        ErrorKind::UnknownFormat,
        ErrorKind::DamagedPdf,
        ErrorKind::Encrypted,
        ErrorKind::NoTextLayer,
        ErrorKind::TooManyPages,
        ErrorKind::Bomb,
        ErrorKind::ReaderFailed,
        ErrorKind::WorkerUnavailable,
        ErrorKind::ReaderStopped,
        ErrorKind::TooSlow,
        ErrorKind::StreamTooLarge,
        ErrorKind::TextTooLong,
        ErrorKind::HtmlTooDeep,
        ErrorKind::HtmlTooLarge,
        ErrorKind::NotAReport,
        ErrorKind::OtherOfstedDocument,
        ErrorKind::Database,
        ErrorKind::Migration,
        ErrorKind::Folder,
        ErrorKind::Damaged,
        ErrorKind::NoSuchInspection,
        ErrorKind::NoSuchAuthority,
        ErrorKind::NoDataDir,
        ErrorKind::BackupOntoItself,
        ErrorKind::DiskFull,
        ErrorKind::Render,
        ErrorKind::Write,
        ErrorKind::InvalidInput,
        ErrorKind::Internal,
    ];

    /// A few words for people, as a summary of refusals groups them ("3 not an inspection
    /// report"); the error's own message says the rest.
    pub fn label(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not found",
            ErrorKind::IsDirectory => "a folder",
            ErrorKind::Unreadable => "could not be read",
            ErrorKind::Empty => "empty",
            ErrorKind::TooLarge => "too large",
            ErrorKind::UnknownFormat => "not a PDF, text or web page",
            ErrorKind::DamagedPdf => "damaged PDF",
            ErrorKind::Encrypted => "password-protected",
            ErrorKind::NoTextLayer => "scanned images, no text",
            ErrorKind::TooManyPages => "too many pages",
            ErrorKind::Bomb => "a decompression bomb",
            ErrorKind::ReaderFailed => "the reader failed on it",
            ErrorKind::WorkerUnavailable => "no reader available",
            ErrorKind::ReaderStopped => "the reader stopped on it",
            ErrorKind::TooSlow => "too slow to read",
            ErrorKind::StreamTooLarge => "a stream over the limit",
            ErrorKind::TextTooLong => "text over the limit",
            ErrorKind::HtmlTooDeep => "a web page nested too deep",
            ErrorKind::HtmlTooLarge => "a web page too large",
            ErrorKind::NotAReport => "not an inspection report",
            ErrorKind::OtherOfstedDocument => "another kind of Ofsted document",
            ErrorKind::Database => "a library error",
            ErrorKind::Migration => "a library upgrade error",
            ErrorKind::Folder => "a folder that cannot be made",
            ErrorKind::Damaged => "a damaged library",
            ErrorKind::NoSuchInspection => "no such inspection",
            ErrorKind::NoSuchAuthority => "no such authority",
            ErrorKind::NoDataDir => "no data folder",
            ErrorKind::BackupOntoItself => "a backup onto itself",
            ErrorKind::DiskFull => "the disk is full",
            ErrorKind::Render => "an export error",
            ErrorKind::Write => "could not be written",
            ErrorKind::InvalidInput => "a request refused",
            ErrorKind::Internal => "an internal error",
        }
    }
}

/// What is wrong with an input, independent of which file it was. Its details are text, not
/// typed sources: a problem is cloned into every import outcome, sent back by a worker process
/// (`crate::worker`) and compared in tests, which an `io::Error` would not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum Problem {
    #[error("no such file or folder")]
    NotFound,
    #[error("is a folder, not a file (import the folder to read every report in it)")]
    IsDirectory,
    #[error("cannot be read: {0}")]
    Unreadable(String),
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size_mb} MB, over the {limit_mb} MB limit for a report (Ofsted reports are under 5 MB); check it is the right file")]
    TooLarge { size_mb: u64, limit_mb: u64 },
    #[error("not a PDF, text or HTML file (its content is not recognised); save the report as PDF and try again")]
    UnknownFormat,
    #[error("the PDF is damaged or incomplete ({0}); download the report again")]
    DamagedPdf(String),
    #[error(
        "the PDF is protected by a password; open it in a PDF reader and save an unprotected copy"
    )]
    Encrypted,
    #[error("the PDF has no text layer (it is scanned images); run it through OCR first")]
    NoTextLayer,
    #[error("the PDF has {pages} pages, over the {limit} page limit for a report")]
    TooManyPages { pages: usize, limit: usize },
    #[error("the PDF's compressed content expands to over {limit_mb} MB (a \"decompression bomb\"; a report expands to a few MB); check where the file came from")]
    Bomb { limit_mb: u64 },
    /// The parser's own message (`internal`) is for the library's log, not for people.
    #[error("the PDF reader could not read this file (it may be damaged); open it in a PDF reader, save a new copy and import that")]
    ReaderFailed { internal: String },
    #[error("the document reader could not be started ({0}); reinstall the app")]
    WorkerUnavailable(String),
    #[error("reading it stopped: it needed more than the {limit_mb} MB a document may use (a report needs under 100 MB); check where the file came from")]
    ReaderStopped { limit_mb: u64 },
    #[error("reading it took over the {limit_s} s a document may take (a report takes under a second); check where the file came from")]
    TooSlow { limit_s: u64 },
    #[error("the PDF has a stream of over {limit_mb} MB once expanded, the limit for one stream (a report's largest is under 1 MB): a \"decompression bomb\" or not a report; check where the file came from")]
    StreamTooLarge { limit_mb: u64 },
    #[error("its text is over {limit_mb} MB, the limit for a document (a report has under 1 MB of text); check it is the right file")]
    TextTooLong { limit_mb: u64 },
    #[error("the web page nests its elements over {limit} deep, the limit for a page; save the report as PDF and try again")]
    HtmlTooDeep { limit: usize },
    #[error("the web page has over {limit} elements, the limit for a page; save the report as PDF and try again")]
    HtmlTooLarge { limit: usize },
    #[error("not an Ofsted children's services inspection report ({0})")]
    NotAReport(String),
    #[error("an Ofsted document this app does not read: {0}")]
    OtherOfstedDocument(String),
}

impl Problem {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Problem::NotFound => ErrorKind::NotFound,
            Problem::IsDirectory => ErrorKind::IsDirectory,
            Problem::Unreadable(_) => ErrorKind::Unreadable,
            Problem::Empty => ErrorKind::Empty,
            Problem::TooLarge { .. } => ErrorKind::TooLarge,
            Problem::UnknownFormat => ErrorKind::UnknownFormat,
            Problem::DamagedPdf(_) => ErrorKind::DamagedPdf,
            Problem::Encrypted => ErrorKind::Encrypted,
            Problem::NoTextLayer => ErrorKind::NoTextLayer,
            Problem::TooManyPages { .. } => ErrorKind::TooManyPages,
            Problem::Bomb { .. } => ErrorKind::Bomb,
            Problem::ReaderFailed { .. } => ErrorKind::ReaderFailed,
            Problem::WorkerUnavailable(_) => ErrorKind::WorkerUnavailable,
            Problem::ReaderStopped { .. } => ErrorKind::ReaderStopped,
            Problem::TooSlow { .. } => ErrorKind::TooSlow,
            Problem::StreamTooLarge { .. } => ErrorKind::StreamTooLarge,
            Problem::TextTooLong { .. } => ErrorKind::TextTooLong,
            Problem::HtmlTooDeep { .. } => ErrorKind::HtmlTooDeep,
            Problem::HtmlTooLarge { .. } => ErrorKind::HtmlTooLarge,
            Problem::NotAReport(_) => ErrorKind::NotAReport,
            Problem::OtherOfstedDocument(_) => ErrorKind::OtherOfstedDocument,
        }
    }
}

/// An input that could not be read as a report: which file, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {problem}", path.display())]
pub struct FileError {
    pub path: PathBuf,
    pub problem: Problem,
}

impl FileError {
    pub fn new(path: impl AsRef<Path>, problem: Problem) -> FileError {
        FileError {
            path: path.as_ref().to_path_buf(),
            problem,
        }
    }

    pub fn kind(&self) -> ErrorKind {
        self.problem.kind()
    }
}
