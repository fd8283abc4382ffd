//! Cleaning: page texts → paragraphs with their pages.
//!
//! Drops running headers and footers (lines repeated on many pages) and bare page numbers,
//! rebuilds paragraphs across line and page breaks, keeps real hyphens and folds bullet glyphs.

use super::shapes::{ends_sentence, is_heading, numbered_prefix, BULLET};
use crate::model::Paragraph;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Ofsted's letterhead: its address and contact line, printed on page 1 of every letter,
/// where the page-1 exemption from furniture keeps it, and sometimes drawn into the middle of
/// a sentence's line. It is Ofsted's own furniture, never report text.
static LETTERHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b\d{1,2}\s+)?(?:\bOfsted\s+)?(?:Piccadilly\s+Gate\s+Store\s+St(?:reet)?\s+Manchester\s+M1\s+2WD\s*)?\bT:?\s*0300\s*123\s*\d{4}\s+(?:Textphone:?\s*[\d\s]{10,14}?\s+)?(?:E:\s*)?enquiries@ofsted\.gov\.uk(?:\s+(?:W:\s*)?www\.(?:gov\.uk/ofsted|ofsted\.gov\.uk)\b)?|(?:\bOfsted\s+)?\bPiccadilly\s+Gate\s+Store\s+St(?:reet)?\s+Manchester\s+M1\s+2WD",
    )
    .expect("static regex")
});

/// The bullet glyphs seen in Ofsted PDFs: private-use Wingdings/Symbol points and squares.
const BULLETS: &[char] = &[
    '\u{f06e}', '\u{f0a7}', '\u{f0b7}', '\u{f0d8}', '\u{f076}', '\u{f0fc}', '◼', '■', '▪', '●',
    '•', '◦', '○', '–', '-',
];

/// One line of cleaned text and its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub page: u32,
    /// A blank line (or a page break) came before this line.
    pub after_break: bool,
}

/// Removes page furniture and returns the remaining non-blank lines in reading order.
pub fn lines(pages: &[String]) -> Vec<Line> {
    let furniture = repeated_lines(pages);
    let mut out = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let mut after_break = true;
        for raw in page.lines() {
            let text = tidy(raw);
            if text.is_empty() || is_page_number(&text) {
                after_break = true;
                continue;
            }
            // The first page is exempt: its title is often the same words as later footers.
            if index > 0 && furniture.contains_key(&furniture_shape(&text)) {
                after_break = true;
                continue;
            }
            out.push(Line {
                text,
                page: index as u32 + 1,
                after_break,
            });
            after_break = false;
        }
    }
    out
}

/// Lines of the same shape (digits folded) on at least a third of the pages, and at least three.
fn repeated_lines(pages: &[String]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let mut seen: Vec<String> = page
            .lines()
            .map(tidy)
            .filter(|l| !l.is_empty() && l.chars().count() < 160)
            .map(|l| furniture_shape(&l))
            .collect();
        seen.sort();
        seen.dedup();
        for shape in seen {
            *counts.entry(shape).or_default() += 1;
        }
    }
    let threshold = (pages.len() / 3).max(3);
    counts.retain(|_, n| *n >= threshold);
    counts
}

/// A line with each run of digits as one `#`, so "… 2024 9" and "… 2024 10" are one shape.
fn furniture_shape(line: &str) -> String {
    let mut shape = String::with_capacity(line.len());
    for c in line.chars() {
        if !c.is_ascii_digit() {
            shape.push(c);
        } else if !shape.ends_with('#') {
            shape.push('#');
        }
    }
    shape
}

fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    (!t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit()))
        || t.strip_prefix("Page ").is_some_and(|rest| {
            rest.split_whitespace()
                .all(|w| w.chars().all(|c| c.is_ascii_digit()) || w == "of")
        })
}

/// Folds white space, bullet glyphs and markdown emphasis; returns the trimmed line.
fn tidy(raw: &str) -> String {
    let mut text = raw
        .replace('\t', "  ")
        .replace('\u{a0}', " ")
        .replace("**", "");
    let trimmed = text.trim_start();
    if let Some(first) = trimmed.chars().next() {
        let rest = &trimmed[first.len_utf8()..];
        // A dash counts as a bullet only when followed by a space ("- item"), not in "-2012".
        let is_dash = matches!(first, '-' | '–');
        if BULLETS.contains(&first) && (!is_dash || rest.starts_with(' ')) {
            text = format!("{BULLET}{}", rest.trim_start());
        }
    }
    // Private-use glyphs elsewhere in a line carry no meaning.
    let text: String = text
        .chars()
        .filter(|c| !('\u{e000}'..='\u{f8ff}').contains(c))
        .collect();
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

/// Joins wrapped lines: a line-end hyphen after a letter is a real hyphen and joins without space.
pub fn join_lines<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        if out.is_empty() {
            out.push_str(part);
            continue;
        }
        let hyphenated =
            out.ends_with('-') && out[..out.len() - 1].ends_with(|c: char| c.is_alphabetic());
        if !hyphenated {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Builds paragraphs from lines. A new paragraph starts after a blank line or at an item
/// marker; a paragraph broken by a page or blank line mid-sentence is joined again.
pub fn paragraphs(lines: &[Line]) -> Vec<Paragraph> {
    let mut out: Vec<(Vec<&str>, u32)> = Vec::new();
    for line in lines {
        let text = line.text.as_str();
        let continues = out.last().is_some_and(|(parts, _)| {
            let joined_tail = parts.last().copied().unwrap_or_default();
            // A bullet always starts an item; a number only where a sentence ended, since
            // "in 2014–" / "15. It has" is a wrapped year, not paragraph 15.
            if text.starts_with(BULLET)
                || (numbered_prefix(text).is_some()
                    && (line.after_break || ends_sentence(joined_tail)))
            {
                return false;
            }
            if !line.after_break {
                // A heading printed straight under a finished sentence starts anew.
                // Wrapped body lines are long, so only a short line counts.
                let short = text.len() < 50 && text.split_whitespace().count() <= 6;
                return !(short && ends_sentence(joined_tail) && is_heading(text));
            }
            // Across a break, continue only a sentence cut in the middle.
            let starts_lower = text.chars().next().is_some_and(|c| c.is_lowercase());
            starts_lower && !ends_sentence(joined_tail)
        });
        match out.last_mut() {
            Some((parts, _)) if continues => parts.push(text),
            _ => out.push((vec![text], line.page)),
        }
    }
    without_letterhead(out.into_iter().map(|(parts, page)| Paragraph {
        text: join_lines(parts),
        page,
    }))
}

/// Drops Ofsted's letterhead from paragraphs. Its lines ("Ofsted", "Piccadilly Gate", …) join
/// into a paragraph of their own, sometimes with the rest of a sentence cut by it: that rest
/// rejoins the paragraph it continues.
fn without_letterhead(paragraphs: impl Iterator<Item = Paragraph>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    for mut p in paragraphs {
        // One pass: a paragraph without the letterhead comes back borrowed, untouched.
        if let std::borrow::Cow::Owned(rest) = LETTERHEAD.replace_all(&p.text, " ") {
            p.text = crate::whitespace::fold(&rest);
            if p.text.is_empty() {
                continue;
            }
            let continues = p.text.starts_with(|c: char| c.is_lowercase());
            if let Some(previous) = out
                .last_mut()
                .filter(|q| continues && !ends_sentence(&q.text))
            {
                previous.text = join_lines([previous.text.as_str(), p.text.as_str()]);
                continue;
            }
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keeps_real_hyphens_and_rebuilds_paragraphs() {
        let lines = lines(&pages(&["First line of a multi-\nagency paragraph that goes\n\non to the next block.\n\n\u{f06e}  An item\nwrapped"]));
        let paras = paragraphs(&lines);
        assert_eq!(
            paras[0].text,
            "First line of a multi-agency paragraph that goes on to the next block."
        );
        assert_eq!(paras[1].text, "• An item wrapped");
    }

    #[test]
    fn drops_running_footers_and_page_numbers() {
        let page = |n: u32| {
            format!("Body text on page {n}.\n\nInspection of Kent local authority children’s services\n{n}\n")
        };
        let all: Vec<String> = (1..=6).map(page).collect();
        let lines = lines(&all);
        assert_eq!(
            lines
                .iter()
                .filter(|l| l.text.contains("Inspection of Kent"))
                .count(),
            1,
            "kept only on page 1"
        );
        assert!(lines.iter().all(|l| !is_page_number(&l.text)));
    }

    #[test]
    fn continues_a_sentence_across_a_page_break() {
        let lines = lines(&pages(&[
            "Children are supported to attend case",
            "conferences in good time.",
        ]));
        let paras = paragraphs(&lines);
        assert_eq!(paras.len(), 1);
        assert_eq!(paras[0].page, 1);
    }

    #[test]
    fn drops_ofsted_letterhead_and_rejoins_the_sentence_it_cut() {
        let lines = lines(&pages(&[
            "The service is not yet\n\nOfsted\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD\nT 0300 123 1231\nTextphone 0161 618 8524\nenquiries@ofsted.gov.uk\nwww.gov.uk/ofsted providing an efficient service.\n\nT: 0300 123 1231 Textphone: 0161 618 8524 E: enquiries@ofsted.gov.uk W: www.gov.uk/ofsted",
        ]));
        let paras = paragraphs(&lines);
        assert_eq!(paras.len(), 1, "{paras:?}");
        assert_eq!(
            paras[0].text,
            "The service is not yet providing an efficient service."
        );
    }

    #[test]
    fn numbered_prefixes() {
        assert_eq!(numbered_prefix("12. Text"), Some(4));
        assert_eq!(numbered_prefix("2.1 Adoption"), Some(4));
        assert_eq!(numbered_prefix("2015 was"), None);
        assert_eq!(numbered_prefix("3 months"), None);
    }
}
