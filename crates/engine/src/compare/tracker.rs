//! The recommendation tracker: every item (recommendation, area for improvement, priority
//! action) of every document of an authority, in date order, each with what the later
//! documents show about it — the item raised again (with the matching item), or paragraphs
//! that speak to it (quoted, with pages). The evidence is the engine's suggestion, from the
//! same pairing as a comparison (`recommendations::classify`); people record a status.

use super::recommendations::{all_items, classify, themes, Discussion};
use crate::model::{Date, Framework, Report, TrackerStatus};
use serde::Serialize;
use std::collections::HashMap;

/// Which list of its document an item is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A recommendation, or a letter's "what needs to improve".
    Improvement,
    /// A recommendation to the local safeguarding children board.
    Lscb,
    /// An area for priority action: calls for an action plan.
    PriorityAction,
}

impl ItemKind {
    pub const ALL: [ItemKind; 3] = [
        ItemKind::Improvement,
        ItemKind::Lscb,
        ItemKind::PriorityAction,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Improvement => "Area for improvement",
            ItemKind::Lscb => "Safeguarding board recommendation",
            ItemKind::PriorityAction => "Priority action",
        }
    }

    /// The kind of the item at `index` of `all_items(report)`.
    fn of(report: &Report, index: usize) -> ItemKind {
        let la = report.recommendations.len();
        if index < la {
            ItemKind::Improvement
        } else if index < la + report.lscb_recommendations.len() {
            ItemKind::Lscb
        } else {
            ItemKind::PriorityAction
        }
    }
}

/// A document the tracker draws on.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TrackedDocument {
    /// The caller's id for it (the library's inspection id).
    #[ts(type = "number")]
    pub id: i64,
    pub framework: Framework,
    pub framework_label: String,
    pub inspection_start: Option<Date>,
    pub title: String,
}

/// What one later document shows about an item.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LaterEvidence {
    /// Index into `Tracker::documents`.
    pub document: usize,
    /// The later document's item that raises it again, if one does.
    pub raised_again: Option<String>,
    /// Otherwise, its paragraphs that speak to it (empty: none found).
    pub discussed: Vec<Discussion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TrackedItem {
    /// Index into `Tracker::documents`: where the item was made.
    pub document: usize,
    /// What the library keeps its status by, with the document's SHA-256: its list and its
    /// text, folded and lower-cased (`item_key`), so a re-read that keeps the words keeps it.
    pub key: String,
    pub kind: ItemKind,
    /// Position in its document's list of items.
    pub index: usize,
    pub text: String,
    pub themes: Vec<&'static str>,
    /// Every later document, in date order: the engine's suggestion of what it shows.
    pub later: Vec<LaterEvidence>,
    /// What people recorded: a status and a note (`Tracker::record`).
    pub status: Option<TrackerStatus>,
    pub note: String,
}

/// A status and note people recorded for an item, by item key.
pub type Recorded = HashMap<String, (TrackerStatus, String)>;

/// The key an item's status is kept by.
pub fn item_key(kind: ItemKind, text: &str) -> String {
    format!("{kind:?}:{}", crate::whitespace::fold(text).to_lowercase())
}

impl Tracker {
    /// Puts the statuses recorded for `document`'s items on them.
    pub fn record(&mut self, document: usize, recorded: &Recorded) {
        for item in self.items.iter_mut().filter(|i| i.document == document) {
            if let Some((status, note)) = recorded.get(&item.key) {
                item.status = Some(*status);
                item.note = note.clone();
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Tracker {
    pub documents: Vec<TrackedDocument>,
    pub items: Vec<TrackedItem>,
}

/// Builds the tracker of an authority's documents, given in date order with the caller's id
/// for each.
pub fn track(documents: &[(i64, &Report)]) -> Tracker {
    let reports: Vec<&Report> = documents.iter().map(|(_, r)| *r).collect();
    let documents = documents
        .iter()
        .map(|(id, r)| TrackedDocument {
            id: *id,
            framework: r.framework,
            framework_label: r.framework.label().to_string(),
            inspection_start: r.inspection_start,
            title: r.title.clone(),
        })
        .collect();
    let mut items: Vec<TrackedItem> = Vec::new();
    for (d, report) in reports.iter().enumerate() {
        let first = items.len();
        items.extend(
            all_items(report)
                .into_iter()
                .enumerate()
                .map(|(index, text)| {
                    let kind = ItemKind::of(report, index);
                    TrackedItem {
                        document: d,
                        key: item_key(kind, text),
                        kind,
                        index,
                        text: text.clone(),
                        themes: themes(text),
                        later: Vec::new(),
                        status: None,
                        note: String::new(),
                    }
                }),
        );
        for (l, later) in reports.iter().enumerate().skip(d + 1) {
            let c = classify(report, later);
            for item in &mut items[first..] {
                let again = c.recurring.iter().find(|r| r.before_index == item.index);
                let discussed = c
                    .resolved
                    .iter()
                    .find(|r| r.index == item.index)
                    .map(|r| r.discussed.clone())
                    .unwrap_or_default();
                item.later.push(LaterEvidence {
                    document: l,
                    raised_again: again.map(|r| r.after.clone()),
                    discussed,
                });
            }
        }
    }
    Tracker { documents, items }
}
