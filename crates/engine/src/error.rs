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
    NotAReport,
    OtherOfstedDocument,
    // The library (`store::StoreError`).
    Database,
    Migration,
    Folder,
    Damaged,
    NoSuchInspection,
    NoDataDir,
    BackupOntoItself,
    // Export (`render::RenderError`).
    Render,
    Write,
    // The adapters' own: a request they refuse, or work that stopped unexpectedly.
    InvalidInput,
    Internal,
}

/// What is wrong with an input, independent of which file it was. Its details are text, not
/// typed sources: a problem is cloned into every import outcome and compared in tests, which an
/// `io::Error` would not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
    #[error("the PDF reader failed on this file ({0}); please report it with the file")]
    ReaderFailed(String),
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
            Problem::ReaderFailed(_) => ErrorKind::ReaderFailed,
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
