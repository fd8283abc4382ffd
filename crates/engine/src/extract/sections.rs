//! Sections: headings and the paragraphs under them.

use super::shapes::starts_section;
use crate::model::{Paragraph, Section};

/// The name of the section holding what comes before the first heading.
pub const FRONT_PAGE: &str = "Front page";

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
