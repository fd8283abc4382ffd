//! Sections: headings and the paragraphs under them.

use super::clean::starts_item;
use crate::model::{Paragraph, Section};

/// The name of the section holding what comes before the first heading.
pub const FRONT_PAGE: &str = "Front page";

/// Whether a paragraph reads as a heading: short, not a sentence, not a list item.
pub fn is_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next();
    // ILACS section headings carry their grade: "The experiences and progress of children who
    // need help and protection: requires improvement to be good".
    let graded = text.split_once(": ").is_some_and(|(_, grade)| {
        super::judgements::scale_rank(grade).is_some() && grade.split_whitespace().count() <= 6
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
    let lower = super::fold(text).to_lowercase();
    GRADES.iter().any(|g| lower.ends_with(g))
}

pub fn split(paragraphs: &[Paragraph]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for (index, p) in paragraphs.iter().enumerate() {
        if starts_section(&p.text) && index > 0 {
            sections.push(Section {
                heading: p.text.clone(),
                page: p.page,
                paragraphs: Vec::new(),
            });
            continue;
        }
        match sections.last_mut() {
            Some(section) => section.paragraphs.push(index),
            None => sections.push(Section {
                heading: FRONT_PAGE.into(),
                page: p.page,
                paragraphs: vec![index],
            }),
        }
    }
    sections
}
