//! The summary as a Word document, for committee papers (councils write them in Word).
//!
//! Written with **docx-rust**, which reads what it writes (the tests read every export back)
//! and marks a table's header row (`w:tblHeader`), which Word repeats on each page and
//! screen readers announce as column headers; bokuweb's `docx-rs` has no header rows.
//! Headings use Word's built-in style names ("heading 1", "heading 2", "Title") with outline
//! levels, so the navigation pane, a table of contents and accessibility checkers see them.
//!
//! Unlike the one-page PDF, a document is not cut to a page: every recommendation is listed
//! in full.

use super::summary::{RecommendationLists, Summary};
use super::RenderError;
use docx_rust::document::{Paragraph, Run, Table, TableCell, TableRow};
use docx_rust::formatting::{
    BorderStyle, BottomBorder, CharacterProperty, InsideHorizonBorder, OnOffOnlyType, OutlineLvl,
    ParagraphProperty, Spacing, TableBorders, TableProperty, TableRowProperty, TopBorder,
};
use docx_rust::styles::{Style, StyleType};
use docx_rust::Docx;
use std::io::Cursor;

/// Style ids as Word names its built-in styles, with their display names.
pub(crate) const TITLE: &str = "Title";
pub(crate) const HEADING_1: &str = "Heading1";
pub(crate) const HEADING_2: &str = "Heading2";

pub(super) fn render(s: &Summary) -> Result<Vec<u8>, RenderError> {
    let mut docx = Docx::default();
    // Space after each paragraph (in twentieths of a point), so lines of a list stand apart.
    let normal = ParagraphProperty {
        spacing: Some(Spacing {
            after: Some(100),
            ..Spacing::default()
        }),
        ..ParagraphProperty::default()
    };
    docx.styles.push(
        Style::new(StyleType::Paragraph, "Normal")
            .name("Normal")
            .paragraph(normal),
    );
    for (id, name, outline, half_points) in [
        (TITLE, "Title", None, 40isize),
        (HEADING_1, "heading 1", Some(0), 30),
        (HEADING_2, "heading 2", Some(1), 24),
    ] {
        let paragraph = ParagraphProperty {
            outline_lvl: outline.map(|value| OutlineLvl { value }),
            ..ParagraphProperty::default()
        };
        docx.styles.push(
            Style::new(StyleType::Paragraph, id)
                .name(name)
                .paragraph(paragraph)
                .character(CharacterProperty::default().bold(true).size(half_points)),
        );
    }
    let body = &mut docx.document;
    body.push(styled(TITLE, &s.title()));
    body.push(plain(&format!(
        "What changed between the {} and {} inspections",
        s.before.year, s.after.year
    )));

    body.push(styled(HEADING_1, "The two inspections"));
    for (label, side) in [("Before", &s.before), ("After", &s.after)] {
        body.push(styled(
            HEADING_2,
            &format!("{label}: {} inspection", side.year),
        ));
        for line in [
            side.framework.clone(),
            side.dates.clone(),
            format!("Lead inspector: {}", side.lead_inspector),
            format!("Overall effectiveness: {}", side.overall_text),
        ] {
            body.push(plain(&line));
        }
    }
    body.push(bold(&s.headline));
    for warning in &s.warnings {
        body.push(plain(&format!("Note: {warning}")));
    }

    body.push(styled(HEADING_1, "Judgements"));
    let header = [
        "Judgement".to_string(),
        format!("Before ({})", s.before.year),
        format!("After ({})", s.after.year),
        "Change".to_string(),
    ];
    // Grey rules between rows, as on the PDF (sizes in eighths of a point).
    let mut borders = TableBorders::default()
        .top(
            TopBorder::default()
                .style(BorderStyle::Single)
                .size(6isize)
                .color("191C21"),
        )
        .bottom(
            BottomBorder::default()
                .style(BorderStyle::Single)
                .size(4isize)
                .color("CDD2D9"),
        );
    borders.inside_horizon = Some(
        InsideHorizonBorder::default()
            .style(BorderStyle::Single)
            .size(4isize)
            .color("CDD2D9"),
    );
    let mut table = Table::default()
        .property(TableProperty::default().borders(borders))
        .push_row(
            row(header.iter().map(|h| bold(h)))
                .property(TableRowProperty::default().table_header(OnOffOnlyType::On)),
        );
    for line in &s.judgements {
        let change = format!("{} {}", line.symbol, line.change);
        table = table.push_row(row([
            plain(&line.judgement),
            plain(&line.before),
            plain(&line.after),
            if line.changed {
                bold(&change)
            } else {
                plain(&change)
            },
        ]));
    }
    body.push(table);

    body.push(styled(HEADING_1, "Recommendations"));
    let lists = RecommendationLists::TITLES
        .iter()
        .zip(&s.recommendations.complete);
    for (title, items) in lists {
        body.push(styled(HEADING_2, &format!("{title} ({})", items.len())));
        if items.is_empty() {
            body.push(plain("None."));
        }
        for (n, item) in items.iter().enumerate() {
            body.push(plain(&format!("{}. {item}", n + 1)));
        }
    }

    body.push(styled(HEADING_1, "The most significant text changes"));
    body.push(plain(&s.text_stats));
    for change in &s.text_changes {
        body.push(bold(&format!(
            "{} · {} · {}",
            change.section, change.kind, change.pages
        )));
        for (year, text) in [
            (&s.before.year, &change.before),
            (&s.after.year, &change.after),
        ] {
            if let Some(text) = text {
                body.push(plain(&format!("{year}: {text}")));
            }
        }
    }

    body.push(styled(HEADING_1, "Sources"));
    for source in &s.sources {
        body.push(plain(source));
    }
    body.push(plain(&format!(
        "Summary made {} with Inspection Compare. Ofsted reports are Crown copyright, reused under the Open Government Licence v3.0.",
        s.made
    )));

    let written = docx
        .write(Cursor::new(Vec::new()))
        .map_err(|e| RenderError::Docx(e.to_string()))?;
    Ok(written.into_inner())
}

fn plain(text: &str) -> Paragraph<'static> {
    Paragraph::default().push(Run::default().push_text(text.to_string()))
}

fn bold(text: &str) -> Paragraph<'static> {
    Paragraph::default().push(
        Run::default()
            .property(CharacterProperty::default().bold(true))
            .push_text(text.to_string()),
    )
}

fn styled(style: &'static str, text: &str) -> Paragraph<'static> {
    plain(text).property(ParagraphProperty::default().style_id(style))
}

fn row(cells: impl IntoIterator<Item = Paragraph<'static>>) -> TableRow<'static> {
    cells.into_iter().fold(TableRow::default(), |row, cell| {
        row.push_cell(TableCell::paragraph(cell))
    })
}
