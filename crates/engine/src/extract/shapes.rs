//! Line shapes: what a line or paragraph looks like (an item, a heading, a sentence's end),
//! read the same way by cleaning, sections and lists. A leaf: it imports nothing of `extract`,
//! so the stages that use it do not import each other.

use crate::model::Grade;

/// Marks a paragraph that began with a bullet glyph, after folding.
pub const BULLET: &str = "• ";

/// Whether a line starts a new item: a bullet or a number such as "12." or "2.1".
pub fn starts_item(line: &str) -> bool {
    line.starts_with(BULLET) || numbered_prefix(line).is_some()
}

/// The length of a leading paragraph number like "12. " or "2.1 ", if any.
pub fn numbered_prefix(line: &str) -> Option<usize> {
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &line[digits..];
    let after = rest.strip_prefix('.').unwrap_or(rest);
    let sub = after.chars().take_while(|c| c.is_ascii_digit()).count();
    let after = &after[sub..];
    if after.len() == rest.len() || !after.starts_with(' ') {
        return None;
    }
    Some(line.len() - after.len() + 1)
}

/// Whether a text ends a sentence (closing quotes, brackets and footnote digits aside).
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c == '"' || c == '’' || c == '”' || c == ')' || c.is_ascii_digit()
    });
    t.ends_with(['.', '?', '!', ':', ';'])
}

/// Whether a paragraph reads as a heading: short, not a sentence, not a list item.
pub fn is_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next();
    // ILACS section headings carry their grade: "The experiences and progress of children who
    // need help and protection: requires improvement to be good".
    let graded = text.split_once(": ").is_some_and(|(_, grade)| {
        Grade::of(grade) != Grade::NotJudged && grade.split_whitespace().count() <= 6
    });
    let (max_words, max_len) = if graded { (24, 180) } else { (14, 100) };
    (1..=max_words).contains(&words)
        && text.len() <= max_len
        && !text.ends_with(['.', ',', ';'])
        && first.is_some_and(|c| c.is_uppercase())
        && !starts_item(text)
        && !text.chars().any(|c| c == '©' || c == '@')
}

/// Whether a paragraph starts a section: a heading that is not a judgement table's row.
pub fn starts_section(text: &str) -> bool {
    is_heading(text) && !is_table_row(text)
}

/// A judgement table's row read as a line ("The experiences and progress of children in care
/// and care leavers Good"): its grade ends it with no colon. Such rows do not start sections:
/// the text after an ILACS judgement table is the report's summary, not that judgement's.
fn is_table_row(text: &str) -> bool {
    if text.contains(": ") {
        return false;
    }
    const GRADES: [&str; 6] = [
        " outstanding",
        " good",
        " adequate",
        " inadequate",
        " requires improvement",
        " requires improvement to be good",
    ];
    let lower = crate::whitespace::fold(text).to_lowercase();
    GRADES.iter().any(|g| lower.ends_with(g))
}
