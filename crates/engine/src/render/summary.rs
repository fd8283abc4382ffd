//! What goes on the one-page summary, chosen and worded once for every format.

use crate::compare::text::reads_as_prose;
use crate::compare::{
    Change, Comparison, HunkTag, Item, JudgementSide, ParagraphChange, ParagraphKind, ReportSummary,
};
use crate::model::Date;
use crate::whitespace::excerpt;
use serde::Serialize;

/// How many text changes the summary shows: enough to give the flavour, few enough for a page.
const TEXT_CHANGES: usize = 3;
/// Excerpts are cut to about this many characters (at a word boundary).
const EXCERPT_CHARS: usize = 220;
/// Recommendations are cut to this many characters: the summary points, the report explains.
const ITEM_CHARS: usize = 200;
/// At most this many items per recommendation list on the page; the rest are counted.
const ITEMS_PER_LIST: usize = 4;

/// One inspection as the summary names it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SummarySide {
    /// "2013", or "undated".
    pub year: String,
    pub framework: String,
    /// "28 January – 6 February 2013".
    pub dates: String,
    pub lead_inspector: String,
    pub overall: Option<String>,
    /// What follows "Overall effectiveness: " on the page: the grade, or why there is none
    /// ("not given since the 2026 reform", "not judged").
    pub overall_text: String,
    pub title: String,
}

/// One row of the judgement table.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct JudgementLine {
    pub judgement: String,
    /// The grade as printed, or "—" when not judged in that inspection.
    pub before: String,
    pub after: String,
    /// ▲ ▼ = + − ?: the direction without colour.
    pub symbol: &'static str,
    /// "Improved", "New judgement": the direction in words.
    pub change: String,
    pub changed: bool,
}

/// A passage that changed, in short.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TextChange {
    /// The section it sits in ("Leadership").
    pub section: String,
    /// "Reworded", "New", "Removed".
    pub kind: &'static str,
    /// "p. 4 → p. 6".
    pub pages: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Recommendations in short, each list capped for the page.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RecommendationLists {
    /// Asked again: the later wording.
    pub recurring: Vec<String>,
    pub resolved: Vec<String>,
    pub new: Vec<String>,
    /// How many of each were left off the page.
    #[ts(type = "[number, number, number]")]
    pub more: [usize; 3],
    /// Every item of each list in full, for the appendix that follows the summary when any
    /// was left off its page: a reader of the paper has nothing else to turn to.
    #[ts(type = "[string[], string[], string[]]")]
    pub complete: [Vec<String>; 3],
}

impl RecommendationLists {
    /// The lists' titles in the order the page shows them. An earlier recommendation that is
    /// not made again is only that: the later report rarely says it was met, so the title
    /// claims no more.
    pub const TITLES: [&'static str; 3] = ["Raised again", "Not raised again", "New"];

    pub const APPENDIX_TITLE: &'static str = "Appendix: every recommendation";
    /// Follows "… and 3 " on the page where items were left off.
    pub const MORE: &'static str = "more, listed in full in the appendix.";

    /// "… and 3 more, listed in full in the appendix." ("All 3 are listed in full in the
    /// appendix." when none is on the page).
    pub fn more_note(more: usize, shown: usize) -> String {
        if shown == 0 {
            format!("All {more} are listed in full in the appendix.")
        } else {
            format!("… and {more} {}", Self::MORE)
        }
    }

    /// The appendix's lists (title, every item in full), when any item was left off the page.
    pub fn appendix(&self) -> Option<[(&'static str, &[String]); 3]> {
        let [again, not_again, new] = Self::TITLES;
        let [recurring, resolved, fresh] = &self.complete;
        self.more.iter().any(|&m| m > 0).then_some([
            (again, &recurring[..]),
            (not_again, &resolved[..]),
            (new, &fresh[..]),
        ])
    }

    /// Each list with its title and how many were left off, in the order the page shows them.
    pub fn titled(&self) -> [(&'static str, &[String], usize); 3] {
        let [again, not_again, new] = Self::TITLES;
        [
            (again, &self.recurring, self.more[0]),
            (not_again, &self.resolved, self.more[1]),
            (new, &self.new, self.more[2]),
        ]
    }
}

/// The summary of a comparison: the render stage's hand-off type.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Summary {
    pub authority: String,
    pub before: SummarySide,
    pub after: SummarySide,
    /// One sentence: the overall judgement's change.
    pub headline: String,
    pub warnings: Vec<String>,
    pub judgements: Vec<JudgementLine>,
    pub recommendations: RecommendationLists,
    pub text_changes: Vec<TextChange>,
    /// "12 paragraphs reworded, 30 new, 25 removed, 40 unchanged".
    pub text_stats: String,
    /// One line per source report, citing Ofsted.
    pub sources: Vec<String>,
    /// When the summary was made, as given by the caller.
    pub made: String,
}

impl Summary {
    /// Builds the summary. `made` is the date (and time) to print in the footer; the engine
    /// does not read the clock so that the same input always gives the same output.
    pub fn new(c: &Comparison, made: &str) -> Summary {
        let authority = if c.before.local_authority == c.after.local_authority {
            c.before.local_authority.clone()
        } else {
            format!(
                "{} and {}",
                c.before.local_authority, c.after.local_authority
            )
        };
        let before = side(&c.before);
        let after = side(&c.after);
        let judgements: Vec<JudgementLine> = c
            .judgements
            .iter()
            .map(|row| JudgementLine {
                judgement: row.label.to_string(),
                before: grade(&row.before),
                after: grade(&row.after),
                symbol: row.change.symbol(),
                change: capitalise(row.change.label()),
                changed: row.change != Change::Unchanged,
            })
            .collect();
        let headline = headline(c, &before, &after);
        let r = &c.recommendations;
        // An item not raised again says where the later report speaks to it, if it does.
        let discussed = |x: &Item| -> String {
            let pages: Vec<String> = x.discussed.iter().map(|d| d.page.to_string()).collect();
            match pages.len() {
                0 => String::new(),
                1 => format!(" (discussed in {}: p. {})", after.year, pages[0]),
                _ => format!(" (discussed in {}: pp. {})", after.year, pages.join(", ")),
            }
        };
        let capped = |items: Vec<(&str, String)>| -> (Vec<String>, usize) {
            let more = items.len().saturating_sub(ITEMS_PER_LIST);
            let kept = items
                .into_iter()
                .take(ITEMS_PER_LIST)
                .map(|(t, note)| excerpt(t, ITEM_CHARS) + &note)
                .collect();
            (kept, more)
        };
        let (recurring, more_recurring) = capped(
            r.recurring
                .iter()
                .map(|x| (x.after.as_str(), String::new()))
                .collect(),
        );
        let (resolved, more_resolved) = capped(
            r.resolved
                .iter()
                .map(|x| (x.text.as_str(), discussed(x)))
                .collect(),
        );
        let (new, more_new) = capped(
            r.new
                .iter()
                .map(|x| (x.text.as_str(), String::new()))
                .collect(),
        );
        let complete = [
            r.recurring.iter().map(|x| x.after.clone()).collect(),
            r.resolved
                .iter()
                .map(|x| x.text.clone() + &discussed(x))
                .collect(),
            r.new.iter().map(|x| x.text.clone()).collect(),
        ];
        let s = &c.stats;
        Summary {
            sources: [&c.before, &c.after].iter().map(|r| source(r)).collect(),
            authority,
            headline,
            warnings: c.warnings.clone(),
            judgements,
            recommendations: RecommendationLists {
                recurring,
                resolved,
                new,
                more: [more_recurring, more_resolved, more_new],
                complete,
            },
            text_changes: text_changes(c),
            text_stats: format!(
                "{} paragraphs reworded, {} rewritten, {} new, {} removed, {} moved, {} unchanged",
                s.changed, s.rewritten, s.added, s.removed, s.moved, s.unchanged
            ),
            before,
            after,
            made: made.to_string(),
        }
    }

    /// Leaves one more item off the page, for a layout that overflows: recommendation lists
    /// (the longest first, the count of the rest kept) and text changes take turns down to two
    /// each, then one each; then the lists down to none, as the appendix lists them all. False
    /// when nothing more can go.
    pub fn shorten(&mut self) -> bool {
        for keep in [2, 1, 0] {
            let r = &mut self.recommendations;
            let lists = [&mut r.recurring, &mut r.resolved, &mut r.new];
            let longest = (0..3).max_by_key(|&i| (lists[i].len(), std::cmp::Reverse(i)));
            if let Some(i) = longest.filter(|&i| lists[i].len() > keep) {
                lists[i].pop();
                r.more[i] += 1;
                return true;
            }
            // The text changes are nowhere else: one always stays.
            if self.text_changes.len() > keep.max(1) {
                self.text_changes.pop();
                return true;
            }
        }
        false
    }

    /// "Hertfordshire: 2013 and 2018 inspections compared", for titles and file names.
    pub fn title(&self) -> String {
        format!(
            "{}: {} and {} inspections compared",
            self.authority, self.before.year, self.after.year
        )
    }
}

fn side(r: &ReportSummary) -> SummarySide {
    SummarySide {
        year: r
            .inspection_start
            .map_or_else(|| "undated".into(), |d| d.year().to_string()),
        framework: r.framework_label.clone(),
        dates: date_range(r.inspection_start, r.inspection_end),
        lead_inspector: r
            .lead_inspector
            .clone()
            .unwrap_or_else(|| "not stated".into()),
        overall: r.overall.clone(),
        overall_text: r
            .overall
            .clone()
            .unwrap_or_else(|| r.framework.overall_absent().into()),
        title: r.title.clone(),
    }
}

fn grade(side: &Option<JudgementSide>) -> String {
    side.as_ref()
        .map_or_else(|| "—".to_string(), |s| s.grade.clone())
}

fn headline(c: &Comparison, before: &SummarySide, after: &SummarySide) -> String {
    use crate::model::{Domain, Framework};
    let overall = c.judgements.iter().find(|r| r.domain == Domain::Overall);
    if let Some(row) = overall {
        if let (Some(b), Some(a)) = (&row.before, &row.after) {
            return format!(
                "Overall effectiveness: {} ({}) → {} ({}): {}.",
                b.grade,
                before.year,
                a.grade,
                after.year,
                row.change.label()
            );
        }
    }
    // No overall grade on both sides (a 2026 inspection gives none): what changed across the
    // judgements both inspections made is the news, not the missing grade.
    let named = |change: Change| -> Vec<String> {
        c.judgements
            .iter()
            .filter(|r| r.change == change)
            .filter_map(|r| {
                let (b, a) = (r.before.as_ref()?, r.after.as_ref()?);
                Some(format!(
                    "{} ({} → {})",
                    r.label.to_lowercase(),
                    b.standard.label(),
                    a.standard.label()
                ))
            })
            .collect()
    };
    let moves: Vec<String> = [
        (Change::Improved, "improved"),
        (Change::Declined, "declined"),
        (Change::Unchanged, "stayed the same"),
    ]
    .into_iter()
    .filter_map(|(change, verb)| {
        let rows = named(change);
        (!rows.is_empty()).then(|| format!("{} {verb}", rows.join(", ")))
    })
    .collect();
    let mut line = if moves.is_empty() {
        match overall.map(|r| (&r.before, &r.after)) {
            Some((None, Some(a))) => format!(
                "Overall effectiveness: {} in {}; not judged in {}.",
                a.grade, after.year, before.year
            ),
            Some((Some(b), None)) => format!(
                "Overall effectiveness: {} in {}; not judged in {}.",
                b.grade, before.year, after.year
            ),
            _ => "Neither inspection judged overall effectiveness.".into(),
        }
    } else {
        format!("{}.", capitalise(&moves.join("; ")))
    };
    for (side, year) in [(&c.before, &before.year), (&c.after, &after.year)] {
        if side.framework == Framework::Ilacs2026 && side.overall.is_none() {
            line.push_str(&format!(
                " The {year} inspection gives no overall effectiveness grade: none is given since the April 2026 reform."
            ));
        }
    }
    line
}

fn source(r: &ReportSummary) -> String {
    format!(
        "Ofsted, “{}”, {}, inspection {}.",
        r.title,
        r.local_authority,
        date_range(r.inspection_start, r.inspection_end)
    )
}

/// The passages most worth a committee's eye: paragraphs reworded the most (by words changed),
/// in reading order; when the frameworks differ so much that little was reworded, the later
/// report's first new paragraphs of substance.
fn text_changes(c: &Comparison) -> Vec<TextChange> {
    let mut candidates: Vec<(usize, usize, &ParagraphChange, &str)> = Vec::new();
    let mut order = 0;
    for section in &c.sections {
        let name = section
            .after_heading
            .as_deref()
            .or(section.before_heading.as_deref())
            .unwrap_or("Start of the report");
        for p in &section.paragraphs {
            order += 1;
            let both_read = [&p.before, &p.after]
                .iter()
                .all(|side| side.as_ref().is_some_and(|s| reads_as_prose(&s.text)));
            // The same words, only spelt or punctuated differently, are no news for a committee.
            let reworded = p.similarity < 0.99;
            if matches!(p.kind, ParagraphKind::Changed | ParagraphKind::MovedChanged)
                && both_read
                && reworded
            {
                let words: usize = p
                    .hunks
                    .iter()
                    .filter(|h| h.tag != HunkTag::Equal)
                    .map(|h| h.text.split_whitespace().count())
                    .sum();
                candidates.push((words, order, p, name));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.truncate(TEXT_CHANGES);
    if candidates.len() < TEXT_CHANGES {
        let mut order = 0;
        'sections: for section in &c.sections {
            let name = section
                .after_heading
                .as_deref()
                .unwrap_or("Start of the report");
            for p in &section.paragraphs {
                order += 1;
                let substantial = p
                    .after
                    .as_ref()
                    .is_some_and(|a| a.text.len() >= 120 && reads_as_prose(&a.text));
                if p.kind == ParagraphKind::Added && substantial {
                    candidates.push((0, order, p, name));
                    if candidates.len() == TEXT_CHANGES {
                        break 'sections;
                    }
                }
            }
        }
    }
    candidates.sort_by_key(|c| c.1);
    candidates
        .into_iter()
        .map(|(_, _, p, section)| TextChange {
            section: section.to_string(),
            kind: match p.kind {
                ParagraphKind::Added => "New",
                ParagraphKind::Removed => "Removed",
                _ => "Reworded",
            },
            pages: match (&p.before, &p.after) {
                (Some(b), Some(a)) => format!("p. {} → p. {}", b.page, a.page),
                (None, Some(a)) => format!("p. {}", a.page),
                (Some(b), None) => format!("p. {}", b.page),
                (None, None) => String::new(),
            },
            before: p.before.as_ref().map(|b| excerpt(&b.text, EXCERPT_CHARS)),
            after: p.after.as_ref().map(|a| excerpt(&a.text, EXCERPT_CHARS)),
        })
        .collect()
}

/// "28 January – 6 February 2013", "15–19 October 2018", as people write them.
pub(crate) fn date_range(start: Option<Date>, end: Option<Date>) -> String {
    let parts = |d: Date| (d.day(), d.month_name(), d.year());
    match (start.map(parts), end.map(parts)) {
        (Some((d1, m1, y1)), Some((d2, m2, y2))) if y1 == y2 && m1 == m2 && d1 == d2 => {
            format!("{d1} {m1} {y1}")
        }
        (Some((d1, m1, y1)), Some((d2, m2, y2))) if y1 == y2 && m1 == m2 => {
            format!("{d1}–{d2} {m2} {y2}")
        }
        (Some((d1, m1, y1)), Some((d2, m2, y2))) if y1 == y2 => {
            format!("{d1} {m1} – {d2} {m2} {y2}")
        }
        (Some((d1, m1, y1)), Some((d2, m2, y2))) => format!("{d1} {m1} {y1} – {d2} {m2} {y2}"),
        (Some((d, m, y)), None) | (None, Some((d, m, y))) => format!("{d} {m} {y}"),
        (None, None) => "dates not stated".into(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_read_as_people_write_them() {
        let date = Date::parse_iso;
        assert_eq!(
            date_range(date("2013-01-28"), date("2013-02-06")),
            "28 January – 6 February 2013"
        );
        assert_eq!(
            date_range(date("2018-10-15"), date("2018-10-19")),
            "15–19 October 2018"
        );
        assert_eq!(
            date_range(date("2016-12-05"), date("2017-01-10")),
            "5 December 2016 – 10 January 2017"
        );
        assert_eq!(date_range(None, None), "dates not stated");
        assert_eq!(date_range(date("2018-13-40"), None), "dates not stated");
    }

    /// Liverpool 2023 → 2026: every judgement both made improved, and the 2026 report gives no
    /// overall grade. The headline says the first, and explains the second once.
    #[test]
    fn without_an_overall_grade_the_headline_names_the_judgements_that_moved() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/national/inspections/80485_liverpool");
        let read =
            |name: &str| crate::read_report(&folder.join(name)).unwrap_or_else(|e| panic!("{e}"));
        let before = read("children's services inspection - 25 may 2023.pdf");
        let after = read("children's services inspection - 07 july 2026.pdf");
        let summary = Summary::new(&crate::compare::compare(&before, &after), "3 December 2026");
        let headline = &summary.headline;
        assert_eq!(
            headline,
            // Checked by hand against both reports' judgement tables (pdftotext).
            "Leadership (Inadequate → Good), help and protection (Inadequate → Good), \
             children in care (Requires improvement to be good → Good), \
             care leavers (Inadequate → Requires improvement to be good) improved. \
             The 2026 inspection gives no overall effectiveness grade: none is given since the April 2026 reform."
        );
        assert_eq!(summary.before.overall_text, "Inadequate");
        assert_eq!(
            summary.after.overall_text,
            "not given since the 2026 reform"
        );
    }

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(excerpt("short text", 40), "short text");
        assert_eq!(excerpt("one two three four", 10), "one two…");
        assert_eq!(excerpt("ééé ééé ééé", 5), "ééé…");
    }
}
