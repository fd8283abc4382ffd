//! The recommendation tracker for a committee: every item of an authority's documents, what
//! each later document shows about it (the engine's suggestion, said as such), and the status
//! and note people recorded. CSV for spreadsheets; PDF, Markdown and HTML that read well
//! printed in black and white (words, never colour alone).

use super::{Format, RenderError};
use crate::compare::{LaterEvidence, TrackedDocument, Tracker};
use std::fmt::Write;

/// "ILACS focused visit (ungraded), 7 December 2021 (id 7)": the id is the one `status`
/// takes.
fn document_name(d: &TrackedDocument) -> String {
    match d.inspection_start {
        Some(date) => format!(
            "{}, {} {} {} (id {})",
            d.framework_label,
            date.day(),
            date.month_name(),
            date.year(),
            d.id
        ),
        None => format!("{} (id {})", d.framework_label, d.id),
    }
}

/// A cell a spreadsheet would read as a formula (report text and notes are not trusted)
/// starts with an apostrophe, which spreadsheets show as text.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// What one later document shows, in words.
fn shows(t: &Tracker, e: &LaterEvidence) -> String {
    let year = t.documents[e.document]
        .inspection_start
        .map_or_else(|| "undated".to_string(), |d| d.year().to_string());
    let name = format!("{year} {}", t.documents[e.document].framework_label);
    match (&e.raised_again, e.discussed.as_slice()) {
        (Some(again), _) => format!("{name}: raised again — “{again}”"),
        (None, []) => format!("{name}: no paragraph found that speaks to it"),
        (None, discussed) => {
            let quotes: Vec<String> = discussed
                .iter()
                .map(|d| format!("p. {}: “{}”", d.page, d.quote))
                .collect();
            format!("{name}: discussed (suggested) — {}", quotes.join("; "))
        }
    }
}

/// One item as the PDF lays it out.
pub(super) struct ItemLines {
    pub heading: String,
    pub status: String,
    pub later: Vec<String>,
}

const NOTE: &str = "What later documents show is the engine's suggestion from matching items and paragraphs: read them. Statuses and notes are the committee's own.";

/// Writes the tracker in a format: PDF, CSV, Markdown or HTML.
pub fn render_tracker(
    authority: &str,
    t: &Tracker,
    format: Format,
    made: &str,
) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Csv => csv(authority, t),
        Format::Markdown => Ok(markdown(authority, t, made).into_bytes()),
        Format::Html => Ok(html(authority, t, made).into_bytes()),
        Format::Pdf => super::pdf::render_tracker(
            authority,
            &format!("{authority}: recommendation tracker"),
            NOTE,
            &t.documents
                .iter()
                .enumerate()
                .map(|(d, document)| {
                    let items = t
                        .items
                        .iter()
                        .filter(|i| i.document == d)
                        .map(|item| ItemLines {
                            heading: format!(
                                "{}. {} ({})",
                                item.index + 1,
                                item.text,
                                item.kind.label()
                            ),
                            status: if item.note.is_empty() {
                                format!("Status: {}", status_of(item))
                            } else {
                                format!("Status: {}. Note: {}", status_of(item), item.note)
                            },
                            later: item.later.iter().map(|e| shows(t, e)).collect(),
                        })
                        .collect();
                    (document_name(document), items)
                })
                .collect::<Vec<_>>(),
            made,
        ),
        Format::Docx => Err(RenderError::Unsupported(
            "the tracker is written as PDF, CSV, Markdown or HTML, not as a Word document".into(),
        )),
    }
}

fn status_of(t: &crate::compare::TrackedItem) -> &'static str {
    t.status.map_or("No status recorded", |s| s.label())
}

fn csv(authority: &str, t: &Tracker) -> Result<Vec<u8>, RenderError> {
    let error = |e: csv::Error| RenderError::Csv(e.to_string());
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "local_authority",
        "document",
        "item",
        "kind",
        "text",
        "later_documents_show",
        "status",
        "note",
    ])
    .map_err(error)?;
    for item in &t.items {
        let later: Vec<String> = item.later.iter().map(|e| shows(t, e)).collect();
        out.write_record([
            cell(authority).as_str(),
            &document_name(&t.documents[item.document]),
            &(item.index + 1).to_string(),
            item.kind.label(),
            &cell(&item.text),
            &cell(&later.join(" | ")),
            item.status.map_or("", |s| s.label()),
            &cell(&item.note),
        ])
        .map_err(error)?;
    }
    out.into_inner()
        .map_err(|e| RenderError::Csv(e.to_string()))
}

fn markdown(authority: &str, t: &Tracker, made: &str) -> String {
    let escape = super::markdown::escape;
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# {}: recommendation tracker\n\n{NOTE}",
        escape(authority)
    );
    for (d, document) in t.documents.iter().enumerate() {
        let items: Vec<_> = t.items.iter().filter(|i| i.document == d).collect();
        let _ = writeln!(md, "\n## {}\n", escape(&document_name(document)));
        if items.is_empty() {
            let _ = writeln!(md, "No recommendations or areas for improvement.");
        }
        for item in items {
            let _ = writeln!(
                md,
                "{}. **{}** ({}) — Status: {}{}",
                item.index + 1,
                escape(&item.text),
                item.kind.label(),
                status_of(item),
                if item.note.is_empty() {
                    String::new()
                } else {
                    // One line: a blank line in a note would end the Markdown list.
                    format!(". Note: {}", escape(&crate::whitespace::fold(&item.note)))
                }
            );
            for e in &item.later {
                let _ = writeln!(md, "    - {}", escape(&shows(t, e)));
            }
        }
    }
    let _ = writeln!(md, "\n---\n\nTracker made {made} with Inspection Compare.");
    md
}

fn html(authority: &str, t: &Tracker, made: &str) -> String {
    let escape = super::html::escape;
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}: recommendation tracker</title>\n<style>{}</style>\n</head>\n<body>",
        escape(authority),
        super::html::STYLE
    );
    let _ = writeln!(
        h,
        "<h1>{}: recommendation tracker</h1>\n<p class=\"stats\">{NOTE}</p>",
        escape(authority)
    );
    for (d, document) in t.documents.iter().enumerate() {
        let items: Vec<_> = t.items.iter().filter(|i| i.document == d).collect();
        let _ = writeln!(h, "<h2>{}</h2>", escape(&document_name(document)));
        if items.is_empty() {
            let _ = writeln!(
                h,
                "<p class=\"none\">No recommendations or areas for improvement.</p>"
            );
            continue;
        }
        let _ = writeln!(
            h,
            "<table><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">What later documents show</th>\
             <th scope=\"col\">Status</th><th scope=\"col\">Note</th></tr></thead><tbody>"
        );
        for item in items {
            let later: Vec<String> = item
                .later
                .iter()
                .map(|e| format!("<li>{}</li>", escape(&shows(t, e))))
                .collect();
            let _ = writeln!(
                h,
                "<tr><th scope=\"row\">{}. {} <span class=\"stats\">({})</span></th><td><ul>{}</ul></td><td>{}</td><td>{}</td></tr>",
                item.index + 1,
                escape(&item.text),
                item.kind.label(),
                later.join(""),
                status_of(item),
                escape(&item.note)
            );
        }
        let _ = writeln!(h, "</tbody></table>");
    }
    let _ = writeln!(
        h,
        "<footer><p>Tracker made {} with Inspection Compare.</p></footer>\n</body>\n</html>",
        escape(made)
    );
    h
}
