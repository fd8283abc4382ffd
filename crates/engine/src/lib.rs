//! # inspection-engine
//!
//! Reads Ofsted children's services inspection reports of every framework since 2012 and turns
//! them into a [`Report`]: the authority, framework, dates, lead inspector, every graded
//! judgement, the recommendations and the text in sections with page numbers.
//!
//! The pipeline has one stage per module, each handing one type to the next:
//!
//! | stage | module | hand-off |
//! |---|---|---|
//! | file → text | [`ingest`] | [`ingest::RawText`] (one string per page) |
//! | text → report | [`extract`] | [`Report`] |
//! | report → library | [`store`] | [`store::Library`] (SQLite) |
//! | two reports → changes | [`compare`] | [`compare::Comparison`] |
//! | changes → a summary to print | [`render`] | [`render::Summary`] → PDF, HTML, CSV, Markdown |
//!
//! ```no_run
//! let report = inspection_engine::read_report(std::path::Path::new("hertfordshire_2018-11-19.pdf"))?;
//! for j in &report.judgements {
//!     println!("{}: {}", j.area, j.grade);
//! }
//! # Ok::<(), inspection_engine::FileError>(())
//! ```
//!
//! The engine has no UI dependency: the desktop app and the command-line tool are thin
//! adapters over it.

pub mod compare;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod labels;
pub mod model;
pub mod render;
pub mod store;
mod whitespace;
pub mod worker;

pub use error::{ErrorKind, FileError, Problem};
pub use model::{Framework, Judgement, JudgementKey, Report};

use std::path::Path;

/// Reads and extracts one report file.
pub fn read_report(path: &Path) -> Result<Report, FileError> {
    let raw = ingest::read_file(path)?;
    extract::extract(&raw).map_err(|problem| FileError::new(path, problem))
}

/// Extracts a report from bytes already in memory (e.g. stored in the library).
pub fn read_report_bytes(bytes: &[u8]) -> Result<Report, Problem> {
    read_document(bytes).map(|(_, report)| report)
}

/// Ingest then extract, in this process: what kind of content the bytes held, and the report.
pub(crate) fn read_document(bytes: &[u8]) -> Result<(ingest::SourceKind, Report), Problem> {
    let raw = ingest::read_bytes(bytes)?;
    Ok((raw.kind, extract::extract(&raw)?))
}

/// The recommendation tracker of an authority in the library: every item of its documents in
/// date order, what each later document shows about it, and the statuses people recorded. It
/// joins two stages (the store's documents and statuses, compare's tracking), so it sits here,
/// above both, for the app and the CLI alike.
pub fn authority_tracker(
    library: &store::Library,
    authority: &str,
) -> Result<compare::Tracker, store::StoreError> {
    let stored = library.inspections_of(authority)?;
    let documents: Vec<(i64, &Report)> = stored.iter().map(|s| (s.summary.id, &s.report)).collect();
    let mut tracker = compare::track(&documents);
    for (document, s) in stored.iter().enumerate() {
        tracker.record(document, &library.tracker_statuses(&s.sha256)?);
    }
    Ok(tracker)
}

/// Why a group of authorities could not be shown: the library failed, or the authority or
/// region asked for is not known.
#[derive(Debug, thiserror::Error)]
pub enum GroupFailure {
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error(transparent)]
    Group(#[from] compare::GroupError),
}

impl GroupFailure {
    pub fn kind(&self) -> ErrorKind {
        match self {
            GroupFailure::Store(e) => e.kind(),
            GroupFailure::Group(e) => e.kind(),
        }
    }
}

/// An authority's statistical neighbours, or a region (`subject` picked out in it), from the
/// library's documents, standing at `at`. Like [`authority_tracker`] it joins the store and
/// compare, for the app and the CLI alike; it reads the list of documents, never a report.
pub fn authority_group(
    library: &store::Library,
    kind: compare::GroupKind,
    wanted: &str,
    subject: Option<&str>,
    at: model::Date,
) -> Result<compare::AuthorityGroup, GroupFailure> {
    let list = library.list()?;
    let documents: Vec<compare::GroupDocument<'_>> = list
        .iter()
        .map(|i| compare::GroupDocument {
            id: i.id,
            authority: &i.local_authority,
            framework: i.framework,
            date: i.inspection_start.or(i.published),
            judgements: i.judgements.iter().map(|j| (j.key, j.standard)).collect(),
        })
        .collect();
    Ok(match kind {
        compare::GroupKind::Neighbours => compare::groups::neighbours(wanted, &documents, at)?,
        compare::GroupKind::Region => compare::groups::region(wanted, subject, &documents, at)?,
    })
}
