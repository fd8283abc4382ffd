//! Render: a [`Comparison`](crate::compare::Comparison) → a summary for a committee paper, as
//! PDF, HTML, CSV or Markdown.
//!
//! [`Summary`] is this stage's hand-off type: what goes on the page, already chosen and worded
//! (the two inspections, the judgement table with arrows and words, recommendations raised
//! again, resolved and new, the most significant text changes, the sources). Each format only
//! lays it out, so all four say the same thing.
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
mod html;
mod markdown;
mod pdf;
mod summary;

pub use summary::{JudgementLine, RecommendationLists, Summary, SummarySide, TextChange};

/// The formats a summary can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    /// One self-contained file: styles inline, no external references.
    Html,
    /// The judgement table, a row per judgement domain.
    Csv,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Pdf, Format::Html, Format::Csv, Format::Markdown];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Markdown => "md",
        }
    }

    /// The format a file name's extension asks for (`.md` or `.markdown` for Markdown).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("the CSV could not be written: {0}")]
    Csv(String),
    #[error("{path}: cannot write the file: {detail}; check that the folder exists and that you may write to it")]
    Write { path: String, detail: String },
}

impl RenderError {
    pub fn kind(&self) -> &'static str {
        "render"
    }
}

/// "23 November 2026 at 14:05 UTC": when a summary is made, for its footer.
pub fn made_now() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{} {} {} at {:02}:{:02} UTC",
        now.day(),
        now.month(),
        now.year(),
        now.hour(),
        now.minute()
    )
}

/// Writes a file whole or not at all: into a temporary file beside it, then renamed over it,
/// so an interrupted export never leaves half a file where the old one was.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), RenderError> {
    let failed = |e: std::io::Error| RenderError::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let name = path
        .file_name()
        .ok_or_else(|| failed(std::io::Error::other("no file name given")))?;
    let mut temporary_name = std::ffi::OsString::from(".");
    temporary_name.push(name);
    temporary_name.push(format!(".{}.part", std::process::id()));
    let temporary = path.with_file_name(temporary_name);
    let result = std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.map_err(failed)
}

/// Writes the summary in a format, as the bytes of a file.
pub fn render(summary: &Summary, format: Format) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Pdf => pdf::render(summary),
        Format::Html => Ok(html::render(summary).into_bytes()),
        Format::Csv => csv::render(summary),
        Format::Markdown => Ok(markdown::render(summary).into_bytes()),
    }
}

#[cfg(test)]
mod tests;
