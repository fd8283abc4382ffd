//! Stage 4, compare: two [`Report`]s → a [`Comparison`].
//!
//! - [`judgements`]: judgements paired by domain across frameworks, with the change and a note
//!   where the scale or scope differs.
//! - [`text`]: sections aligned by topic and content, paragraphs by similarity, word-level
//!   hunks from `similar` (with a deadline), moved paragraphs detected.
//! - [`recommendations`]: recurring (reworded) / not raised again (discussed, with quoted
//!   paragraphs, or not found) / new, with themes.
//! - [`tracker`]: every item of every document of an authority, with what each later
//!   document shows about it.
//!
//! ```no_run
//! use inspection_engine::{compare::compare, read_report};
//! let a = read_report("hertfordshire_2015-11-27.pdf".as_ref())?;
//! let b = read_report("hertfordshire_2018-11-19.pdf".as_ref())?;
//! let comparison = compare(&a, &b);
//! for row in &comparison.judgements {
//!     println!("{}: {}", row.label, row.change.label());
//! }
//! # Ok::<(), inspection_engine::FileError>(())
//! ```

pub(crate) mod groups;
pub(crate) mod judgements;
pub(crate) mod recommendations;
pub(crate) mod similarity;
pub(crate) mod text;
pub(crate) mod tracker;

#[cfg(test)]
mod tests;

use crate::model::{Date, Framework, Grade, JudgementKey, Report};
use serde::Serialize;

pub use groups::{
    AuthorityGroup, DomainGrade, GroupDocument, GroupError, GroupKind, GroupMember, RoundCount,
    RoundResult, Standing,
};
pub use judgements::{Change, JudgementRow, JudgementSide};
pub use recommendations::{Discussion, Item, RecommendationChanges, Recurring};
pub use text::{Hunk, HunkTag, ParagraphChange, ParagraphKind, ParagraphSide, SectionPair};
pub use tracker::{
    item_key, track, ItemKind, LaterEvidence, Recorded, TrackedDocument, TrackedItem, Tracker,
};

/// What a comparison says about each report.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ReportSummary {
    pub local_authority: String,
    pub framework: Framework,
    pub framework_label: String,
    pub title: String,
    pub inspection_start: Option<Date>,
    pub inspection_end: Option<Date>,
    pub lead_inspector: Option<String>,
    /// The overall effectiveness grade as printed, and in standard wording.
    pub overall: Option<String>,
    pub overall_grade: Option<Grade>,
}

impl ReportSummary {
    pub fn of(report: &Report) -> ReportSummary {
        let overall = report.judgement(JudgementKey::Overall);
        ReportSummary {
            local_authority: report
                .authority
                .as_ref()
                .map_or_else(|| report.local_authority.clone(), |a| a.name.clone()),
            framework: report.framework,
            framework_label: report.framework.label().to_string(),
            title: report.title.clone(),
            inspection_start: report.inspection_start,
            inspection_end: report.inspection_end,
            lead_inspector: report.lead_inspector.clone(),
            overall: overall.map(|j| j.grade.clone()),
            overall_grade: overall.map(|j| j.standard),
        }
    }
}

/// Everything that changed between two inspections.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Comparison {
    pub before: ReportSummary,
    pub after: ReportSummary,
    /// Whether the inputs were swapped so that the earlier inspection is "before".
    pub swapped: bool,
    pub warnings: Vec<String>,
    pub judgements: Vec<JudgementRow>,
    pub recommendations: RecommendationChanges,
    pub sections: Vec<SectionPair>,
    pub stats: TextStats,
}

/// Counts of paragraph changes over the whole text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TextStats {
    pub unchanged: usize,
    pub changed: usize,
    pub rewritten: usize,
    pub added: usize,
    pub removed: usize,
    pub moved: usize,
}

/// Compares two reports; the earlier inspection is "before" whichever order they are given in.
pub fn compare(a: &Report, b: &Report) -> Comparison {
    let swapped = matches!((a.inspection_start, b.inspection_start), (Some(x), Some(y)) if x > y);
    let (before, after) = if swapped { (b, a) } else { (a, b) };
    compare_in_order(before, after, swapped)
}

/// Compares with `before` and `after` as given.
pub fn compare_in_order(before: &Report, after: &Report, swapped: bool) -> Comparison {
    let mut warnings = Vec::new();
    let (sb, sa) = (ReportSummary::of(before), ReportSummary::of(after));
    if crate::extract::authority::name_key(&sb.local_authority)
        != crate::extract::authority::name_key(&sa.local_authority)
    {
        warnings.push(format!(
            "These are inspections of different authorities ({} and {}).",
            sb.local_authority, sa.local_authority
        ));
    }
    let letters = if before.framework == after.framework {
        vec![before]
    } else {
        vec![before, after]
    };
    for r in letters {
        if r.framework.is_letter_or_joint() {
            warnings.push(format!(
                "The {} gives no judgements: compared are its areas for improvement and priority actions, and the text by topic.",
                r.framework.label()
            ));
        }
    }
    if before.framework != after.framework
        && before.framework.is_graded()
        && after.framework.is_graded()
    {
        warnings.push(format!(
            "The inspections used different frameworks ({} and {}): judgements are paired by what they cover.",
            before.framework.label(),
            after.framework.label()
        ));
    }
    if before.inspection_start.is_some() && before.inspection_start == after.inspection_start {
        warnings.push("Both reports are of the same inspection.".into());
    }
    let sections = text::align(before, after);
    let stats = text::stats(&sections);
    Comparison {
        before: sb,
        after: sa,
        swapped,
        warnings,
        judgements: judgements::pair(before, after),
        recommendations: recommendations::classify(before, after),
        sections,
        stats,
    }
}
