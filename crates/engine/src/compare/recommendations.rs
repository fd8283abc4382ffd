//! Recommendations: which of the earlier report's items recur (reworded) in the later one,
//! which are not raised again and which are new, each tagged with themes. An item not raised
//! again is either discussed — the later report's paragraphs that speak to it, quoted with
//! their pages, as the engine's suggestion — or not mentioned: only what the documents show.
//! Letters' priority actions count as items with their "what needs to improve".

use super::similarity::{dice, overlap, stems};
use crate::model::Report;
use serde::Serialize;
use std::collections::HashSet;

/// Items this similar or more are the same recommendation reworded.
pub const RECURRING_THRESHOLD: f64 = 0.35;

/// Words in nearly every recommendation; they say nothing about which one it is.
const COMMON: &[&str] = &[
    "children",
    "child",
    "young",
    "people",
    "ensure",
    "improve",
    "quality",
    "local",
    "authority",
    "services",
    "service",
    "social",
    "worker",
    "workers",
    "work",
    "effective",
    "effectively",
    "consistent",
    "consistently",
    "timely",
    "timeliness",
    "should",
    "including",
    "those",
    "who",
    "when",
    "where",
    "make",
    "their",
];

fn distinctive(text: &str) -> HashSet<String> {
    static COMMON_STEMS: std::sync::LazyLock<HashSet<String>> =
        std::sync::LazyLock::new(|| COMMON.iter().flat_map(|w| stems(w)).collect());
    stems(text)
        .into_iter()
        .filter(|w| !COMMON_STEMS.contains(w))
        .collect()
}

/// How alike two items are: half Dice, half overlap, over their distinctive words, so a short
/// item restated inside a longer one still scores.
fn similarity(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    0.5 * dice(a, b) + 0.5 * overlap(a, b)
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Recurring {
    /// Positions in each report's list (LA items, then LSCB items, then priority actions).
    pub before_index: usize,
    pub after_index: usize,
    pub before: String,
    pub after: String,
    /// Word-set similarity, 0–1.
    pub similarity: f64,
    pub themes: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Item {
    /// Position in its report's list (LA items, then LSCB items, then priority actions).
    pub index: usize,
    pub text: String,
    pub themes: Vec<&'static str>,
    /// For an earlier item not raised again: the later report's paragraphs that speak to it,
    /// best first (at most two). Empty: not mentioned. Always empty for new items.
    pub discussed: Vec<Discussion>,
}

/// A paragraph of the later report that speaks to an earlier item: a suggestion for people to
/// read, not a finding that the item was met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Discussion {
    /// Index into the later report's paragraphs.
    pub paragraph: usize,
    pub page: u32,
    /// The paragraph's sentence that shares the most of the item's words.
    pub quote: String,
    /// The item's distinctive words the paragraph uses.
    pub words: Vec<String>,
}

/// A paragraph discusses an item when it uses at least this share of the item's distinctive
/// words, and at least two of them.
const DISCUSSED: f64 = 0.5;
/// At most this many paragraphs are quoted for one item.
const DISCUSSIONS_PER_ITEM: usize = 2;

#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RecommendationChanges {
    pub recurring: Vec<Recurring>,
    pub resolved: Vec<Item>,
    pub new: Vec<Item>,
    /// Themes that both reports' recommendations raise.
    pub recurring_themes: Vec<&'static str>,
}

/// Themes and the phrases (lower case) that mark them.
pub const THEMES: &[(&str, &[&str])] = &[
    (
        "placement stability",
        &[
            "placement stability",
            "stability of placement",
            "placement move",
            "stable placement",
            "sufficiency",
            "living outside",
        ],
    ),
    ("chronologies", &["chronolog"]),
    ("supervision", &["supervision", "supervise"]),
    ("thresholds", &["threshold"]),
    (
        "management oversight",
        &[
            "management oversight",
            "managerial oversight",
            "oversight",
            "management decision",
        ],
    ),
    ("assessments", &["assessment"]),
    (
        "planning",
        &[
            "care plan",
            "pathway plan",
            "child protection plan",
            "planning",
            " plans",
        ],
    ),
    (
        "missing and exploitation",
        &[
            "missing",
            "exploitation",
            "exploited",
            "return home interview",
        ],
    ),
    ("health", &["health"]),
    (
        "education",
        &[
            "education",
            "personal education plan",
            "virtual school",
            "attainment",
            "school",
        ],
    ),
    (
        "permanence",
        &[
            "permanence",
            "permanency",
            "adoption",
            "special guardianship",
        ],
    ),
    (
        "children's voice",
        &[
            "voice",
            "views",
            "advocacy",
            "advocate",
            "independent visitor",
            "wishes and feelings",
        ],
    ),
    (
        "workforce and caseloads",
        &["caseload", "recruit", "retention", "workforce", "workload"],
    ),
    (
        "quality assurance",
        &[
            "audit",
            "quality assurance",
            "performance management",
            "performance information",
        ],
    ),
    (
        "partnership working",
        &[
            "partner",
            "multi-agency",
            "safeguarding children board",
            "lscb",
        ],
    ),
    (
        "early help",
        &["early help", "step-up", "step-down", "step up", "step down"],
    ),
    (
        "care leavers",
        &["care leaver", "leaving care", "personal adviser"],
    ),
    (
        "private fostering",
        &["private fostering", "privately fostered"],
    ),
    ("homelessness", &["homeless"]),
    (
        "front door",
        &["front door", "mash", "contacts and referrals", "referrals"],
    ),
];

pub fn themes(text: &str) -> Vec<&'static str> {
    let lower = format!(" {}", text.to_lowercase());
    THEMES
        .iter()
        .filter(|(_, marks)| marks.iter().any(|m| lower.contains(m)))
        .map(|(name, _)| *name)
        .collect()
}

/// Every item of a report: LA recommendations, LSCB recommendations, priority actions.
pub(crate) fn all_items(report: &Report) -> Vec<&String> {
    report
        .recommendations
        .iter()
        .chain(&report.lscb_recommendations)
        .chain(&report.priority_actions)
        .collect()
}

/// The later report's paragraphs that could speak to an earlier item, with their distinctive
/// words: prose, not the front page, not its own lists. Computed once per pair of reports.
fn prose_words(after: &Report, lists: &[&String]) -> Vec<(usize, HashSet<String>)> {
    let furniture = super::text::furniture(after);
    after
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            !furniture.contains(i)
                && super::text::reads_as_prose(&p.text)
                && !lists.iter().any(|l| p.text.contains(l.as_str()))
        })
        .map(|(i, p)| (i, distinctive(&p.text)))
        .collect()
}

/// The later report's paragraphs that speak to `item`: those using most of the item's
/// distinctive words, best first.
fn discussions(
    item: &HashSet<String>,
    after: &Report,
    prose: &[(usize, HashSet<String>)],
) -> Vec<Discussion> {
    if item.len() < 2 {
        return Vec::new();
    }
    let mut found: Vec<(f64, usize, Vec<String>)> = prose
        .iter()
        .filter_map(|(i, words)| {
            let i = *i;
            let mut shared: Vec<String> = item.intersection(words).cloned().collect();
            let share = shared.len() as f64 / item.len() as f64;
            shared.sort();
            (shared.len() >= 2 && share >= DISCUSSED).then_some((share, i, shared))
        })
        .collect();
    found.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    found.truncate(DISCUSSIONS_PER_ITEM);
    found
        .into_iter()
        .map(|(_, i, words)| {
            let p = &after.paragraphs[i];
            Discussion {
                paragraph: i,
                page: p.page,
                quote: best_sentence(&p.text, item),
                words,
            }
        })
        .collect()
}

/// The sentence of a paragraph that shares the most of the item's words, cut to a quote.
fn best_sentence(text: &str, item: &HashSet<String>) -> String {
    let sentences = text.split_inclusive(['.', '?', '!']).map(str::trim);
    let best = sentences
        .filter(|s| !s.is_empty())
        .max_by_key(|s| distinctive(s).intersection(item).count())
        .unwrap_or(text);
    crate::whitespace::excerpt(best, 240)
}

pub fn classify(before: &Report, after: &Report) -> RecommendationChanges {
    let (b, a) = (all_items(before), all_items(after));
    let (bs, as_): (Vec<_>, Vec<_>) = (
        b.iter().map(|t| distinctive(t)).collect(),
        a.iter().map(|t| distinctive(t)).collect(),
    );
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, x) in bs.iter().enumerate() {
        for (j, y) in as_.iter().enumerate() {
            let s = similarity(x, y);
            // One shared word ("planning") is a coincidence, not a recurrence.
            if s >= RECURRING_THRESHOLD && x.intersection(y).count() >= 2 {
                pairs.push((s, i, j));
            }
        }
    }
    // Most similar first; each item pairs at most once.
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_b, mut used_a) = (vec![false; b.len()], vec![false; a.len()]);
    let mut recurring = Vec::new();
    for (s, i, j) in pairs {
        if used_b[i] || used_a[j] {
            continue;
        }
        used_b[i] = true;
        used_a[j] = true;
        let mut t = themes(b[i]);
        for theme in themes(a[j]) {
            if !t.contains(&theme) {
                t.push(theme);
            }
        }
        recurring.push((
            i,
            Recurring {
                before_index: i,
                after_index: j,
                before: b[i].clone(),
                after: a[j].clone(),
                similarity: (s * 100.0).round() / 100.0,
                themes: t,
            },
        ));
    }
    recurring.sort_by_key(|(i, _)| *i);
    let item = |index: usize, t: &String, discussed: Vec<Discussion>| Item {
        index,
        text: t.clone(),
        themes: themes(t),
        discussed,
    };
    let prose = prose_words(after, &a);
    let resolved: Vec<Item> = (0..b.len())
        .filter(|&i| !used_b[i])
        .map(|i| item(i, b[i], discussions(&bs[i], after, &prose)))
        .collect();
    let new: Vec<Item> = (0..a.len())
        .filter(|&j| !used_a[j])
        .map(|j| item(j, a[j], Vec::new()))
        .collect();
    let before_themes: Vec<&str> = b.iter().flat_map(|t| themes(t)).collect();
    let after_themes: Vec<&str> = a.iter().flat_map(|t| themes(t)).collect();
    let recurring_themes = THEMES
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| before_themes.contains(n) && after_themes.contains(n))
        .collect();
    RecommendationChanges {
        recurring: recurring.into_iter().map(|(_, r)| r).collect(),
        resolved,
        new,
        recurring_themes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_themes() {
        assert_eq!(
            themes("Placement stability and sufficiency"),
            vec!["placement stability"]
        );
        assert!(
            themes("Ensure chronologies are up to date and supervision is regular")
                .contains(&"chronologies")
        );
        assert!(
            themes("Consistently applying thresholds with adolescents.").contains(&"thresholds")
        );
    }
}
