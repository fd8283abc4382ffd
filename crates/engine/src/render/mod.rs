//! Render: a [`Comparison`](crate::compare::Comparison) → a summary for a committee paper, as
//! PDF, a Word document, HTML, CSV or Markdown.
//!
//! [`Summary`] is this stage's hand-off type: what goes on the page, already chosen and worded
//! (the two inspections, the judgement table with arrows and words, recommendations raised
//! again, not raised again and new, the most significant text changes, the sources). Each format only
//! lays it out, so all five say the same thing.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use inspection_engine::{compare, read_report, render};
//! let a = read_report("seeds/004_f6169653f68880f1.txt".as_ref())?;
//! let b = read_report("reports/hertfordshire_2018-11-19.pdf".as_ref())?;
//! let summary = render::Summary::new(&compare::compare(&a, &b), "23 November 2026");
//! std::fs::write("herts.pdf", render::render(&summary, render::Format::Pdf)?)?;
//! # Ok(()) }
//! ```

mod csv;
mod docx;
mod html;
mod markdown;
mod pdf;
mod summary;
mod tracker;

pub use summary::{JudgementLine, RecommendationLists, Summary, SummarySide, TextChange};
pub use tracker::render_tracker;

use crate::error::ErrorKind;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The formats a summary can be written in. Everything that offers a format (the CLI's
/// `--format`, the app's Export menu and save dialog, the UI's buttons) derives from this
/// list, its ids, labels and extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub enum Format {
    #[serde(rename = "pdf")]
    Pdf,
    /// Word, for committee papers: real headings, a header row, every recommendation.
    #[serde(rename = "docx")]
    Docx,
    /// One self-contained file: styles inline, no external references.
    #[serde(rename = "html")]
    Html,
    /// The judgement table, a row per judgement domain.
    #[serde(rename = "csv")]
    Csv,
    #[serde(rename = "md")]
    Markdown,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Pdf,
        Format::Docx,
        Format::Html,
        Format::Csv,
        Format::Markdown,
    ];

    /// The id used on the command line, in menu ids and across IPC: its first extension.
    pub fn id(self) -> &'static str {
        self.extensions()[0]
    }

    /// What people call it, in menus and save dialogs.
    pub fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Docx => "Word document",
            Format::Html => "Web page (HTML)",
            Format::Csv => "Judgement table (CSV)",
            Format::Markdown => "Markdown",
        }
    }

    /// The file extensions it is saved with, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Pdf => &["pdf"],
            Format::Docx => &["docx"],
            Format::Html => &["html", "htm"],
            Format::Csv => &["csv"],
            Format::Markdown => &["md", "markdown"],
        }
    }

    pub fn extension(self) -> &'static str {
        self.id()
    }

    /// Whether it is bytes rather than text: a file, never a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Pdf | Format::Docx)
    }

    /// The format a file name's extension asks for, in any case.
    pub fn from_extension(ext: &str) -> Option<Format> {
        let ext = ext.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }

    /// Every format's id, for messages: "pdf, html, csv, md".
    pub fn ids() -> String {
        Format::ALL.map(Format::id).join(", ")
    }

    /// The format with this id (`"md"` for Markdown).
    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("the CSV could not be written: {0}")]
    Csv(String),
    #[error("the Word document could not be written: {0}")]
    Docx(String),
    #[error("{0}")]
    Unsupported(String),
    #[error("{}: cannot write the file: {source}; check that the folder exists and that you may write to it", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl RenderError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            RenderError::Pdf(_) | RenderError::Csv(_) | RenderError::Docx(_) => ErrorKind::Render,
            RenderError::Unsupported(_) => ErrorKind::InvalidInput,
            RenderError::Write { .. } => ErrorKind::Write,
        }
    }
}

/// "23 November 2026 at 14:05 UTC": when a summary is made, for its footer.
pub fn made_now() -> String {
    let format = time::macros::format_description!(
        "[day padding:none] [month repr:long] [year] at [hour]:[minute] UTC"
    );
    time::OffsetDateTime::now_utc()
        .format(format)
        .expect("a UTC time has every part this format names")
}

/// Writes a file whole or not at all: into a temporary file beside it, then renamed over it
/// (`tempfile`'s `persist`), so an interrupted export never leaves half a file where the old
/// one was; the temporary file is removed if anything fails.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), RenderError> {
    use std::io::Write;
    let failed = |source: std::io::Error| RenderError::Write {
        path: path.to_path_buf(),
        source,
    };
    if path.file_name().is_none() {
        return Err(failed(std::io::Error::other("no file name given")));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".export-").suffix(".part");
    // A temporary file is private (0600); an export is an ordinary file, so the umask decides.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(folder).map_err(failed)?;
    temporary.write_all(bytes).map_err(failed)?;
    temporary.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
}

/// Writes the summary in a format, as the bytes of a file.
pub fn render(summary: &Summary, format: Format) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Pdf => pdf::render(summary),
        Format::Docx => docx::render(summary),
        Format::Html => Ok(html::render(summary).into_bytes()),
        Format::Csv => csv::render(summary),
        Format::Markdown => Ok(markdown::render(summary).into_bytes()),
    }
}

#[cfg(test)]
mod tests;
