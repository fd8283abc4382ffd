//! Typed errors. Every error that concerns a file names it, says what is wrong and what to do.

use std::path::{Path, PathBuf};

/// What is wrong with an input, independent of which file it was.
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
    /// A short stable machine-readable kind, used across IPC and in JSON output.
    pub fn kind(&self) -> &'static str {
        match self {
            Problem::NotFound => "not_found",
            Problem::IsDirectory => "is_directory",
            Problem::Unreadable(_) => "unreadable",
            Problem::Empty => "empty",
            Problem::TooLarge { .. } => "too_large",
            Problem::UnknownFormat => "unknown_format",
            Problem::DamagedPdf(_) => "damaged_pdf",
            Problem::Encrypted => "encrypted",
            Problem::NoTextLayer => "no_text_layer",
            Problem::TooManyPages { .. } => "too_many_pages",
            Problem::Bomb { .. } => "pdf_bomb",
            Problem::ReaderFailed(_) => "reader_failed",
            Problem::NotAReport(_) => "not_a_report",
            Problem::OtherOfstedDocument(_) => "other_ofsted_document",
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

    pub fn kind(&self) -> &'static str {
        self.problem.kind()
    }
}
