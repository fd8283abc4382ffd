//! Each format from a hand-made summary (no report text in the repository).

use super::*;

fn summary(items: usize) -> Summary {
    let side = |year: &str, grade: &str| SummarySide {
        year: year.into(),
        framework: "ILACS inspection (2018–23)".into(),
        dates: format!("15–19 October {year}"),
        lead_inspector: "A. Inspector".into(),
        overall: Some(grade.into()),
        overall_text: grade.into(),
        title: "Inspection of children's social care services".into(),
    };
    let line = |judgement: &str, before: &str, after: &str, symbol, change: &str| JudgementLine {
        judgement: judgement.into(),
        before: before.into(),
        after: after.into(),
        symbol,
        change: change.into(),
        changed: change != "Unchanged",
    };
    let item = |i: usize| {
        format!("Recommendation {i}: <b onclick=\"x()\">improve</b> supervision & oversight of practice.")
    };
    Summary {
        authority: "Hertfordshire".into(),
        before: side("2013", "Adequate"),
        after: side("2018", "Good"),
        headline: "Overall effectiveness: Adequate (2013) → Good (2018): improved.".into(),
        warnings: vec!["The inspections used different frameworks.".into()],
        judgements: vec![
            line("Overall effectiveness", "Adequate", "Good", "▲", "Improved"),
            line("Leadership", "Adequate", "Outstanding", "▲", "Improved"),
            line("Care leavers", "—", "Good", "+", "New judgement"),
        ],
        recommendations: RecommendationLists {
            recurring: (0..items).map(item).collect(),
            resolved: (0..items).map(item).collect(),
            new: vec![],
            more: [0, 2, 0],
            complete: [
                (0..items).map(item).collect(),
                (0..items + 2).map(item).collect(),
                vec![],
            ],
        },
        text_changes: vec![TextChange {
            section: "Leadership".into(),
            kind: "Reworded",
            pages: "p. 4 → p. 6".into(),
            before: Some("Managers <script>alert(1)</script> are visible.".into()),
            after: Some("Senior managers are highly visible.".into()),
        }],
        text_stats: "1 paragraphs reworded, 0 new, 0 removed, 0 moved, 0 unchanged".into(),
        sources: vec!["Ofsted, “Inspection”, Hertfordshire, inspection 15–19 October 2018.".into()],
        made: "23 November 2026 at 14:05 UTC".into(),
    }
}

#[test]
fn csv_has_a_row_per_judgement_domain() {
    let csv = String::from_utf8(render(&summary(2), Format::Csv).unwrap()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 3, "{csv}");
    assert_eq!(
        lines[1],
        "Hertfordshire,Overall effectiveness,2013,Adequate,2018,Good,improved"
    );
    assert_eq!(
        lines[3],
        "Hertfordshire,Care leavers,2013,,2018,Good,new judgement"
    );
}

#[test]
fn html_is_self_contained_and_report_text_stays_text() {
    let html = String::from_utf8(render(&summary(2), Format::Html).unwrap()).unwrap();
    for external in [
        "src=", "href=", "url(", "@import", "http:", "https:", "<script", "<link",
    ] {
        assert!(!html.contains(external), "{external} in the HTML");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;b onclick=&quot;x()&quot;&gt;improve&lt;/b&gt;"));
    assert!(html.contains("▲ Improved"));
}

#[test]
fn markdown_has_the_table_and_escapes_markup() {
    let md = String::from_utf8(render(&summary(2), Format::Markdown).unwrap()).unwrap();
    assert!(md.contains("| Overall effectiveness | Adequate | Good | ▲ Improved |"));
    assert!(md.contains("\\<script\\>"));
    assert!(md.contains("… and 2 more, listed in full in the appendix."));
    // The appendix lists every recommendation, the two left off the list included.
    let appendix = md
        .split("## Appendix: every recommendation")
        .nth(1)
        .unwrap();
    assert!(appendix.contains("### Not raised again (4)"), "{appendix}");
    assert!(appendix.contains("4. Recommendation 3:"), "{appendix}");
}

#[test]
fn pdf_text_reads_back_and_pages_grow_only_when_needed() {
    let mut all_listed = summary(2);
    all_listed.recommendations.more = [0; 3];
    let short = render(&all_listed, Format::Pdf).unwrap();
    assert!(short.starts_with(b"%PDF-"));
    // Read back with the engine's own PDF reader: the text is real text, not drawn shapes.
    let read = crate::ingest::read_bytes(&short).expect("the PDF reads back");
    assert_eq!(read.pages.len(), 1, "a short summary fits one page");
    let page = read.pages[0].replace('\n', " ");
    for needle in [
        "Hertfordshire",
        "Overall effectiveness",
        "Adequate",
        "Outstanding",
        "Improved",
        "2013",
        "2018",
        "Crown copyright",
    ] {
        assert!(page.contains(needle), "{needle} on page 1:\n{page}");
    }
    // Items left off even a short page are in an appendix, on a page of its own.
    let read = crate::ingest::read_bytes(&render(&summary(2), Format::Pdf).unwrap()).unwrap();
    assert_eq!(read.pages.len(), 2);
    assert!(read.pages[1]
        .trim_start()
        .starts_with("Appendix: every recommendation"));
    // Long lists are shortened to fit the page, the rest counted there and every one of them
    // listed in full on the appendix pages that follow.
    let shortened = render(&summary(60), Format::Pdf).unwrap();
    let read = crate::ingest::read_bytes(&shortened).expect("the PDF reads back");
    let first = read.pages[0].replace('\n', " ");
    assert!(
        first.contains("more, listed in full in the appendix."),
        "{first}"
    );
    assert!(!first.contains("Appendix: every recommendation"), "{first}");
    let appendix = read.pages[1..].join(" ").replace('\n', " ");
    assert!(appendix
        .trim_start()
        .starts_with("Appendix: every recommendation"));
    for needle in [
        "Raised again (60)",
        "Not raised again (62)",
        "New (0)",
        "Recommendation 61:",
    ] {
        assert!(appendix.contains(needle), "{needle} in the appendix");
    }
    assert_eq!(appendix.matches("Recommendation 59:").count(), 2);
    // Content that cannot be left off (the judgement table) takes the pages it needs.
    let mut long = summary(2);
    long.judgements = (0..60).map(|_| long.judgements[0].clone()).collect();
    let long = render(&long, Format::Pdf).unwrap();
    let read = crate::ingest::read_bytes(&long).expect("the PDF reads back");
    assert!(read.pages.len() > 1, "sixty judgements need more pages");
    assert!(
        read.pages.iter().all(|p| p.contains("Page ")),
        "every page has its footer"
    );
}

/// The Word document read back with the crate that wrote it: real headings (Word's heading
/// styles, with outline levels), the judgement table with a header row, every recommendation.
#[test]
fn docx_reads_back_with_headings_a_header_row_and_every_recommendation() {
    use docx_rust::document::{BodyContent, TableRowContent};
    let bytes = render(&summary(2), Format::Docx).unwrap();
    let file = docx_rust::DocxFile::from_reader(std::io::Cursor::new(bytes)).unwrap();
    let docx = file.parse().unwrap();

    let mut headings = Vec::new();
    let mut texts = Vec::new();
    let mut tables = Vec::new();
    for content in &docx.document.body.content {
        match content {
            BodyContent::Paragraph(p) => {
                let style = p.property.as_ref().and_then(|p| p.style_id.as_ref());
                match style.map(|s| s.value.as_ref()) {
                    Some(id) => headings.push((id.to_string(), p.text())),
                    None => texts.push(p.text()),
                }
            }
            BodyContent::Table(t) => tables.push(t),
            _ => {}
        }
    }
    let heading = |id: &str| -> Vec<&str> {
        headings
            .iter()
            .filter(|(style, _)| style == id)
            .map(|(_, text)| text.as_str())
            .collect()
    };
    assert_eq!(
        heading("Title"),
        ["Hertfordshire: 2013 and 2018 inspections compared"]
    );
    assert_eq!(
        heading("Heading1"),
        [
            "The two inspections",
            "Judgements",
            "Recommendations",
            "The most significant text changes",
            "Sources"
        ]
    );
    // The lists in full: two "more" on the page are here (4 not raised again).
    assert_eq!(
        heading("Heading2")[2..],
        ["Raised again (2)", "Not raised again (4)", "New (0)"]
    );
    for style in &docx.styles.styles {
        let outline = style
            .paragraph
            .as_ref()
            .and_then(|p| p.outline_lvl.as_ref())
            .map(|o| o.value);
        match style.style_id.as_ref() {
            "Heading1" => assert_eq!(outline, Some(0)),
            "Heading2" => assert_eq!(outline, Some(1)),
            _ => {}
        }
    }

    assert_eq!(tables.len(), 1);
    let rows: Vec<(bool, Vec<String>)> = tables[0]
        .rows
        .iter()
        .map(|row| {
            let header = row.property.table_header.is_some();
            let cells = row
                .cells
                .iter()
                .map(|cell| match cell {
                    TableRowContent::TableCell(c) => {
                        c.iter_text().map(|t| t.as_ref()).collect::<String>()
                    }
                    TableRowContent::SDT(_) => String::new(),
                })
                .collect();
            (header, cells)
        })
        .collect();
    assert_eq!(
        rows[0],
        (
            true,
            vec![
                "Judgement".into(),
                "Before (2013)".into(),
                "After (2018)".into(),
                "Change".into()
            ]
        )
    );
    assert_eq!(
        rows[1],
        (
            false,
            vec![
                "Overall effectiveness".into(),
                "Adequate".into(),
                "Good".into(),
                "▲ Improved".into()
            ]
        )
    );
    assert_eq!(rows.len(), 4);

    // Report text stays text: markup in it is written as characters, not as Word markup.
    assert!(texts.iter().any(|t| t == "4. Recommendation 3: <b onclick=\"x()\">improve</b> supervision & oversight of practice."));
    assert!(texts
        .iter()
        .any(|t| t.starts_with("Summary made 23 November 2026")));
}

#[test]
fn files_are_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("summary.md");
    write_file(&path, b"first").unwrap();
    write_file(&path, b"second").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary left"
    );
    let err = write_file(&dir.path().join("missing/summary.md"), b"x").unwrap_err();
    assert!(err
        .to_string()
        .contains("missing/summary.md: cannot write the file"));
}

#[test]
fn formats_from_extensions() {
    for format in Format::ALL {
        assert_eq!(Format::from_extension(format.extension()), Some(format));
    }
    assert_eq!(Format::from_extension("MARKDOWN"), Some(Format::Markdown));
    assert_eq!(Format::from_extension("DOCX"), Some(Format::Docx));
    assert_eq!(Format::from_extension("doc"), None);
}
