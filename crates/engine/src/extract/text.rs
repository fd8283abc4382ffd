//! The cleaned paragraphs as one searchable text, with offsets back to paragraphs and pages.

use crate::model::{Evidence, Paragraph};

pub struct ParagraphText {
    pub paragraphs: Vec<Paragraph>,
    /// All paragraphs joined by newlines, for patterns that span table cells and rows.
    pub full: String,
    starts: Vec<usize>,
}

impl ParagraphText {
    pub fn new(paragraphs: Vec<Paragraph>) -> ParagraphText {
        let mut full = String::new();
        let mut starts = Vec::with_capacity(paragraphs.len());
        for p in &paragraphs {
            starts.push(full.len());
            full.push_str(&p.text);
            full.push('\n');
        }
        ParagraphText {
            paragraphs,
            full,
            starts,
        }
    }

    /// The paragraph containing byte `offset` of `full`.
    pub fn paragraph_at(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    pub fn evidence_at(&self, offset: usize) -> Evidence {
        let paragraph = self.paragraph_at(offset);
        Evidence {
            paragraph,
            page: self.paragraphs.get(paragraph).map_or(1, |p| p.page),
        }
    }

    pub fn offset_of(&self, paragraph: usize) -> usize {
        self.starts
            .get(paragraph)
            .copied()
            .unwrap_or(self.full.len())
    }

    /// Where page `page` starts (the end of the text if the report is shorter).
    pub fn offset_of_page(&self, page: u32) -> usize {
        let index = self.paragraphs.partition_point(|p| p.page < page);
        self.offset_of(index)
    }

    /// The last paragraph that is exactly this heading (case-insensitive).
    pub fn last_heading(&self, heading: &str) -> Option<usize> {
        self.paragraphs
            .iter()
            .rposition(|p| p.text.trim().eq_ignore_ascii_case(heading))
    }

    pub fn last_heading_offset(&self, heading: &str) -> Option<usize> {
        self.last_heading(heading).map(|i| self.offset_of(i))
    }
}
