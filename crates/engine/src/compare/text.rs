//! Text differences: sections aligned across frameworks, paragraphs within them, word hunks.
//!
//! Only prose is compared: a graded table's rows and the front page's furniture (title,
//! dates, lead inspector, the table's header) are left to the judgement table, where each
//! judgement faces its own kind. Within a section on one topic, a paragraph rewritten in other
//! words still faces its successor (`Rewritten`), so a reader sees what the later report says
//! in its place instead of a run of "removed" facing a run of "added".

use super::similarity::{dice, stems, Rarity};
use crate::extract::shapes::{ends_sentence, numbered_prefix, starts_section};
use crate::model::{Report, Topic};
use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// Paragraphs this similar are the same paragraph edited.
const EDITED: f64 = 0.5;
/// Paragraphs of one topic this alike in what they are about (`Stems::subject`) are one
/// paragraph rewritten: they share their subject but few of their words. Set on Liverpool
/// 2023 → 2026, whose pairs were read and checked by hand (`compare::tests`).
const REWRITTEN: f64 = 0.17;
/// A removed and an added paragraph this similar are one paragraph moved (and edited below 1).
const MOVED: f64 = 0.6;
/// The longest a single word diff may take before `similar` approximates.
const WORD_DIFF_TIMEOUT: Duration = Duration::from_millis(50);
/// The longest a whole comparison's diffs may take.
const TOTAL_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    Unchanged,
    Changed,
    Rewritten,
    Added,
    Removed,
    Moved,
    MovedChanged,
}

impl ParagraphKind {
    pub const ALL: [ParagraphKind; 7] = [
        ParagraphKind::Unchanged,
        ParagraphKind::Changed,
        ParagraphKind::Rewritten,
        ParagraphKind::Added,
        ParagraphKind::Removed,
        ParagraphKind::Moved,
        ParagraphKind::MovedChanged,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ParagraphKind::Unchanged => "Unchanged",
            ParagraphKind::Changed => "Changed",
            ParagraphKind::Rewritten => "Rewritten",
            ParagraphKind::Added => "Added",
            ParagraphKind::Removed => "Removed",
            ParagraphKind::Moved => "Moved",
            ParagraphKind::MovedChanged => "Moved and changed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum HunkTag {
    Equal,
    Delete,
    Insert,
}

/// A run of words: in both (`equal`), only before (`delete`) or only after (`insert`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Hunk {
    pub tag: HunkTag,
    pub text: String,
    pub before_page: Option<u32>,
    pub after_page: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ParagraphSide {
    /// Index into the report's paragraphs.
    pub index: usize,
    pub page: u32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ParagraphChange {
    pub kind: ParagraphKind,
    pub before: Option<ParagraphSide>,
    pub after: Option<ParagraphSide>,
    pub similarity: f64,
    /// Word hunks for changed paragraphs; empty otherwise.
    pub hunks: Vec<Hunk>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SectionPair {
    pub topic: Option<Topic>,
    pub before_heading: Option<String>,
    pub after_heading: Option<String>,
    pub before_page: Option<u32>,
    pub after_page: Option<u32>,
    pub similarity: f64,
    pub paragraphs: Vec<ParagraphChange>,
}

/// A run of paragraphs under one topic heading.
struct Block {
    topic: Option<Topic>,
    heading: Option<usize>,
    paragraphs: Vec<usize>,
    stems: HashSet<String>,
}

/// Topics that only label a part of another topic ("Summary" under "Help and protection").
fn generic(topic: Option<Topic>) -> bool {
    matches!(topic, Some(Topic::Summary) | None)
}

/// Whether a paragraph reads as a sentence of prose: a table row read as a line ends in its
/// grade, a title or a "Lead inspector:" line is short or unpunctuated.
pub(crate) fn reads_as_prose(text: &str) -> bool {
    ends_sentence(text)
        && text.split_whitespace().count() >= 12
        && !text.contains("www.")
        && !text.contains("http")
        && !text.contains('@')
}

/// Paragraphs that are not the report's prose: every row of a graded table and the first
/// page's lines above its first sentence (title, dates, lead inspector, the table), left to
/// the judgement table; and a contents page (entries end in their page number).
pub(crate) fn furniture(report: &Report) -> HashSet<usize> {
    let mut out: HashSet<usize> = report
        .judgements
        .iter()
        .filter(|j| j.statement.is_none())
        .filter_map(|j| j.evidence.map(|e| e.paragraph))
        .collect();
    let first_page = report.paragraphs.first().map(|p| p.page);
    out.extend(
        report
            .paragraphs
            .iter()
            .take_while(|p| Some(p.page) == first_page && !reads_as_prose(&p.text))
            .enumerate()
            .map(|(index, _)| index),
    );
    let paragraphs = &report.paragraphs;
    for (at, p) in paragraphs.iter().enumerate() {
        if p.text.trim().eq_ignore_ascii_case("contents") {
            let entries = paragraphs[at + 1..].iter().take_while(|e| {
                e.text.ends_with(|c: char| c.is_ascii_digit()) && !reads_as_prose(&e.text)
            });
            out.extend(at..=at + entries.count());
        }
    }
    out
}

fn blocks(report: &Report, paragraph_stems: &[HashSet<String>]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let furniture = furniture(report);
    for (index, p) in report.paragraphs.iter().enumerate() {
        if furniture.contains(&index) {
            continue;
        }
        // Contents entries end with a page number; they are not the section itself.
        let heading_topic =
            if starts_section(&p.text) && !p.text.ends_with(|c: char| c.is_ascii_digit()) {
                Topic::of_heading(&p.text)
            } else {
                None
            };
        let current = out.last().map(|b| b.topic);
        let starts = match (heading_topic, current) {
            (None, _) => false,
            (Some(_), None) => true,
            // A generic sub-heading stays inside a specific section.
            (Some(Topic::Summary), Some(current)) => generic(current),
            (Some(t), Some(current)) => {
                Some(t) != current || out.last().is_some_and(|b| b.paragraphs.len() > 1)
            }
        };
        if starts || out.is_empty() {
            out.push(Block {
                topic: heading_topic.or(Some(Topic::Summary)),
                heading: heading_topic.map(|_| index),
                paragraphs: Vec::new(),
                stems: HashSet::new(),
            });
        }
        let block = out.last_mut().expect("pushed");
        block.paragraphs.push(index);
        block.stems.extend(paragraph_stems[index].iter().cloned());
    }
    out
}

/// Aligns the two reports' text: sections first, then paragraphs, then words.
pub fn align(before: &Report, after: &Report) -> Vec<SectionPair> {
    let deadline = Instant::now() + TOTAL_TIMEOUT;
    // Word stems of every paragraph, computed once and shared by every step below.
    let of_bodies = |r: &Report, part: fn(&str) -> &str| -> Vec<HashSet<String>> {
        r.paragraphs
            .iter()
            .map(|p| stems(part(body(&p.text))))
            .collect()
    };
    let (bst, ast) = (of_bodies(before, |t| t), of_bodies(after, |t| t));
    let stems = Stems {
        before: &bst,
        after: &ast,
        opening_before: of_bodies(before, opening_sentence),
        opening_after: of_bodies(after, opening_sentence),
        rarity: Rarity::of(bst.iter().chain(&ast)),
    };
    let (bb, ab) = (blocks(before, &bst), blocks(after, &ast));
    // Score every block pair: content similarity, with a bonus for the same topic.
    let mut scores = Vec::new();
    for (i, b) in bb.iter().enumerate() {
        for (j, a) in ab.iter().enumerate() {
            let content = dice(&b.stems, &a.stems);
            let score = content
                + if b.topic.is_some() && b.topic == a.topic {
                    0.5
                } else {
                    0.0
                };
            if score >= 0.35 {
                scores.push((score, content, i, j));
            }
        }
    }
    scores.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    let (mut b_of_a, mut used_b): (Vec<Option<(usize, f64)>>, Vec<bool>) =
        (vec![None; ab.len()], vec![false; bb.len()]);
    for (_, content, i, j) in scores {
        if used_b[i] || b_of_a[j].is_some() {
            continue;
        }
        used_b[i] = true;
        b_of_a[j] = Some((i, content));
    }
    // Emit in the later report's order; an unmatched earlier block follows its predecessor.
    let mut pairs: Vec<(Option<usize>, Option<usize>, f64)> = Vec::new();
    let mut emitted_b = vec![false; bb.len()];
    let emit_unmatched_up_to = |limit: usize,
                                pairs: &mut Vec<(Option<usize>, Option<usize>, f64)>,
                                emitted: &mut Vec<bool>| {
        for i in 0..limit {
            if !used_b[i] && !emitted[i] {
                emitted[i] = true;
                pairs.push((Some(i), None, 0.0));
            }
        }
    };
    for (j, matched) in b_of_a.iter().enumerate() {
        if let Some((i, content)) = matched {
            emit_unmatched_up_to(*i, &mut pairs, &mut emitted_b);
            emitted_b[*i] = true;
            pairs.push((Some(*i), Some(j), *content));
        } else {
            pairs.push((None, Some(j), 0.0));
        }
    }
    emit_unmatched_up_to(bb.len(), &mut pairs, &mut emitted_b);

    let mut sections: Vec<SectionPair> = pairs
        .into_iter()
        .map(|(i, j, similarity)| {
            let b = i.map(|i| &bb[i]);
            let a = j.map(|j| &ab[j]);
            let heading = |r: &Report, block: Option<&Block>| {
                block
                    .and_then(|b| b.heading)
                    .map(|h| r.paragraphs[h].text.clone())
            };
            let page = |r: &Report, block: Option<&Block>| {
                block
                    .and_then(|b| b.paragraphs.first())
                    .map(|&p| r.paragraphs[p].page)
            };
            // Rewritten paragraphs face each other only within one topic; recommendations are
            // tracked by the recommendation lists, which say what was and was not raised again.
            let rewrites = matches!(
                (b.and_then(|b| b.topic), a.and_then(|a| a.topic)),
                (Some(x), Some(y)) if x == y && x != Topic::Recommendations
            );
            SectionPair {
                topic: a.and_then(|a| a.topic).or(b.and_then(|b| b.topic)),
                before_heading: heading(before, b),
                after_heading: heading(after, a),
                before_page: page(before, b),
                after_page: page(after, a),
                similarity: (similarity * 100.0).round() / 100.0,
                paragraphs: paragraphs(
                    before,
                    after,
                    &stems,
                    b.map_or(&[][..], |b| &b.paragraphs),
                    a.map_or(&[][..], |a| &a.paragraphs),
                    rewrites,
                    deadline,
                ),
            }
        })
        .collect();
    detect_moves(&mut sections, &stems, deadline);
    sections
}

/// Per-paragraph word stems of both reports.
struct Stems<'a> {
    before: &'a [HashSet<String>],
    after: &'a [HashSet<String>],
    /// Stems of each paragraph's opening sentence, which says what it is about.
    opening_before: Vec<HashSet<String>>,
    opening_after: Vec<HashSet<String>>,
    /// How telling each stem is across both reports' paragraphs.
    rarity: Rarity,
}

impl Stems<'_> {
    /// How alike two paragraphs are in what they are about: their telling words, in the
    /// whole and in the opening sentence alike (Ofsted paragraphs open with their subject:
    /// "The needs of disabled children are not…" / "Services for disabled children have…").
    fn subject(&self, b: usize, a: usize) -> f64 {
        let whole = self.rarity.dice(&self.before[b], &self.after[a]);
        let opening = self
            .rarity
            .dice(&self.opening_before[b], &self.opening_after[a]);
        (whole + opening) / 2.0
    }
}

/// A paragraph without its number: "12." is where it stands, not what it says.
fn body(text: &str) -> &str {
    numbered_prefix(text).map_or(text, |n| &text[n..])
}

fn opening_sentence(text: &str) -> &str {
    text.match_indices(['.', '?', '!'])
        .map(|(at, _)| at)
        .find(|&at| text[at + 1..].starts_with(' '))
        .map_or(text, |at| &text[..at])
}

fn side(report: &Report, index: usize) -> ParagraphSide {
    let p = &report.paragraphs[index];
    ParagraphSide {
        index,
        page: p.page,
        text: p.text.clone(),
    }
}

fn normalise(text: &str) -> String {
    crate::whitespace::fold(text).to_lowercase()
}

/// Aligns two runs of paragraphs: equal ones by a sequence diff, then edited ones by similarity.
fn paragraphs(
    before: &Report,
    after: &Report,
    stems: &Stems<'_>,
    b: &[usize],
    a: &[usize],
    rewrites: bool,
    deadline: Instant,
) -> Vec<ParagraphChange> {
    let bn: Vec<String> = b
        .iter()
        .map(|&i| normalise(&before.paragraphs[i].text))
        .collect();
    let an: Vec<String> = a
        .iter()
        .map(|&i| normalise(&after.paragraphs[i].text))
        .collect();
    let ops = similar::capture_diff_slices_deadline(Algorithm::Patience, &bn, &an, Some(deadline));
    let mut out = Vec::new();
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    out.push(ParagraphChange {
                        kind: ParagraphKind::Unchanged,
                        before: Some(side(before, b[old_index + k])),
                        after: Some(side(after, a[new_index + k])),
                        similarity: 1.0,
                        hunks: Vec::new(),
                    });
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                out.extend((old_index..old_index + old_len).map(|k| removed(before, b[k])));
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                out.extend((new_index..new_index + new_len).map(|k| added(after, a[k])));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                out.extend(pair_edited(
                    before,
                    after,
                    stems,
                    &b[old_index..old_index + old_len],
                    &a[new_index..new_index + new_len],
                    rewrites,
                    deadline,
                ));
            }
        }
    }
    out
}

fn removed(report: &Report, index: usize) -> ParagraphChange {
    ParagraphChange {
        kind: ParagraphKind::Removed,
        before: Some(side(report, index)),
        after: None,
        similarity: 0.0,
        hunks: Vec::new(),
    }
}

fn added(report: &Report, index: usize) -> ParagraphChange {
    ParagraphChange {
        kind: ParagraphKind::Added,
        before: None,
        after: Some(side(report, index)),
        similarity: 0.0,
        hunks: Vec::new(),
    }
}

/// Within a replaced run, pairs each earlier paragraph with the later one most like it, best
/// pairs first: the same paragraph edited (most words shared) and, where `rewrites`, one
/// rewritten (its telling words shared). Shown in the later report's order; an unpaired earlier
/// paragraph comes just before the first pair whose earlier paragraph follows it.
fn pair_edited(
    before: &Report,
    after: &Report,
    stems: &Stems<'_>,
    b: &[usize],
    a: &[usize],
    rewrites: bool,
    deadline: Instant,
) -> Vec<ParagraphChange> {
    let mut candidates: Vec<(bool, f64, f64, usize, usize)> = Vec::new();
    for (i, &bi) in b.iter().enumerate() {
        if Instant::now() > deadline {
            break; // unpaired paragraphs read as removed and added, which is still true
        }
        for (j, &ai) in a.iter().enumerate() {
            let (bs, as_) = (&stems.before[bi], &stems.after[ai]);
            let words = dice(bs, as_);
            let telling = if rewrites { stems.subject(bi, ai) } else { 0.0 };
            if words >= EDITED || telling >= REWRITTEN {
                candidates.push((words >= EDITED, telling, words, i, j));
            }
        }
    }
    // Edited before rewritten; then the most telling words shared; ties in reading order.
    candidates.sort_by(|x, y| {
        (y.0.cmp(&x.0))
            .then(y.1.total_cmp(&x.1))
            .then(y.2.total_cmp(&x.2))
            .then((x.3, x.4).cmp(&(y.3, y.4)))
    });
    let mut b_of_a: Vec<Option<(usize, bool, f64)>> = vec![None; a.len()];
    let mut paired_b = vec![false; b.len()];
    for (edited, telling, words, i, j) in candidates {
        if paired_b[i] || b_of_a[j].is_some() {
            continue;
        }
        paired_b[i] = true;
        b_of_a[j] = Some((i, edited, if edited { words } else { telling }));
    }
    let mut out = Vec::new();
    let mut shown_b = vec![false; b.len()];
    let mut show_unpaired_b_up_to = |limit: usize, out: &mut Vec<ParagraphChange>| {
        for k in 0..limit {
            if !paired_b[k] && !shown_b[k] {
                shown_b[k] = true;
                out.push(removed(before, b[k]));
            }
        }
    };
    for (j, pair) in b_of_a.iter().enumerate() {
        match *pair {
            None => out.push(added(after, a[j])),
            Some((i, edited, s)) => {
                show_unpaired_b_up_to(i, &mut out);
                out.push(if edited {
                    changed(
                        before,
                        after,
                        b[i],
                        a[j],
                        s,
                        ParagraphKind::Changed,
                        deadline,
                    )
                } else {
                    ParagraphChange {
                        kind: ParagraphKind::Rewritten,
                        before: Some(side(before, b[i])),
                        after: Some(side(after, a[j])),
                        similarity: (s * 100.0).round() / 100.0,
                        // Word hunks of two wordings mark nearly every word: no help.
                        hunks: Vec::new(),
                    }
                });
            }
        }
    }
    show_unpaired_b_up_to(b.len(), &mut out);
    out
}

fn changed(
    before: &Report,
    after: &Report,
    bi: usize,
    ai: usize,
    similarity: f64,
    kind: ParagraphKind,
    deadline: Instant,
) -> ParagraphChange {
    let (b, a) = (side(before, bi), side(after, ai));
    let hunks = word_hunks(&b.text, &a.text, Some(b.page), Some(a.page), deadline);
    ParagraphChange {
        kind,
        before: Some(b),
        after: Some(a),
        similarity: (similarity * 100.0).round() / 100.0,
        hunks,
    }
}

/// Word-level hunks; concatenating equal+delete gives `before`, equal+insert gives `after`.
pub fn word_hunks(
    before: &str,
    after: &str,
    before_page: Option<u32>,
    after_page: Option<u32>,
    deadline: Instant,
) -> Vec<Hunk> {
    let limit = deadline.min(Instant::now() + WORD_DIFF_TIMEOUT);
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .deadline(limit)
        .diff_words(before, after);
    let mut hunks: Vec<Hunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => HunkTag::Equal,
            ChangeTag::Delete => HunkTag::Delete,
            ChangeTag::Insert => HunkTag::Insert,
        };
        match hunks.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(change.value()),
            _ => hunks.push(Hunk {
                tag,
                text: change.value().to_string(),
                before_page,
                after_page,
            }),
        }
    }
    hunks
}

/// A removed paragraph that reappears elsewhere as an added one was moved (perhaps edited).
fn detect_moves(sections: &mut [SectionPair], stems: &Stems<'_>, deadline: Instant) {
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for (s, section) in sections.iter().enumerate() {
        for (p, change) in section.paragraphs.iter().enumerate() {
            match change.kind {
                ParagraphKind::Removed => removed.push((
                    s,
                    p,
                    &stems.before[change.before.as_ref().expect("removed has before").index],
                )),
                ParagraphKind::Added => added.push((
                    s,
                    p,
                    &stems.after[change.after.as_ref().expect("added has after").index],
                )),
                _ => {}
            }
        }
    }
    let mut taken = vec![false; added.len()];
    let mut drop: Vec<(usize, usize)> = Vec::new();
    for (rs, rp, rstems) in &removed {
        if rstems.len() < 4 {
            continue; // too short to say it moved rather than recurred by chance
        }
        let best = added
            .iter()
            .enumerate()
            .filter(|(k, _)| !taken[*k])
            .map(|(k, (_, _, a))| (k, dice(rstems, a)))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        let Some((k, similarity)) = best.filter(|(_, s)| *s >= MOVED) else {
            continue;
        };
        taken[k] = true;
        let (as_, ap, _) = &added[k];
        let before_side = sections[*rs].paragraphs[*rp]
            .before
            .clone()
            .expect("removed has before");
        let target = &mut sections[*as_].paragraphs[*ap];
        let after_side = target.after.clone().expect("added has after");
        let same = normalise(&before_side.text) == normalise(&after_side.text);
        target.kind = if same {
            ParagraphKind::Moved
        } else {
            ParagraphKind::MovedChanged
        };
        target.similarity = (similarity * 100.0).round() / 100.0;
        if !same {
            target.hunks = word_hunks(
                &before_side.text,
                &after_side.text,
                Some(before_side.page),
                Some(after_side.page),
                deadline,
            );
        }
        target.before = Some(before_side);
        drop.push((*rs, *rp));
    }
    // Remove the "removed" entries that became moves, from the back so indices stay valid.
    drop.sort_unstable_by(|x, y| y.cmp(x));
    for (s, p) in drop {
        sections[s].paragraphs.remove(p);
    }
}

pub fn stats(sections: &[SectionPair]) -> super::TextStats {
    let mut stats = super::TextStats::default();
    for change in sections.iter().flat_map(|s| &s.paragraphs) {
        match change.kind {
            ParagraphKind::Unchanged => stats.unchanged += 1,
            ParagraphKind::Changed => stats.changed += 1,
            ParagraphKind::Rewritten => stats.rewritten += 1,
            ParagraphKind::Added => stats.added += 1,
            ParagraphKind::Removed => stats.removed += 1,
            ParagraphKind::Moved | ParagraphKind::MovedChanged => stats.moved += 1,
        }
    }
    stats
}
