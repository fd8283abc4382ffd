//! The summary as an A4 PDF, written in Rust with krilla: DejaVu Sans embedded (subset by
//! krilla), so the text is selectable and reads back with `pdftotext`.
//!
//! krilla draws glyphs but does not break lines, so this module lays the page out itself:
//! words are measured with the font's advance widths (ttf-parser) and wrapped greedily. The
//! layout is first made as a list of drawing operations per page, then drawn, because the
//! footer needs the page count.

use super::summary::{RecommendationLists, Summary};
use super::RenderError;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::text::{Font, TextDirection};
use krilla::Document;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 46.0;
const TOP: f32 = 44.0;
/// The footer's last line (the page number) sits here; its other lines stack above.
const FOOTER_BASE: f32 = PAGE_H - 22.0;
const FOOTER_SIZE: f32 = 7.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN_X;

const INK: (u8, u8, u8) = (25, 28, 33);
const GREY: (u8, u8, u8) = (92, 99, 110);
const RULE: (u8, u8, u8) = (205, 210, 217);
const BAND: (u8, u8, u8) = (237, 241, 246);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Weight {
    Regular,
    Bold,
}

#[derive(Clone)]
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        colour: (u8, u8, u8),
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        colour: (u8, u8, u8),
    },
}

/// Glyph widths for line breaking.
struct Metrics {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Metrics {
    fn new() -> Result<Metrics, RenderError> {
        let parse = |data: &'static [u8]| {
            ttf_parser::Face::parse(data, 0)
                .map_err(|e| RenderError::Pdf(format!("the built-in font is unreadable: {e}")))
        };
        Ok(Metrics {
            regular: parse(REGULAR)?,
            bold: parse(BOLD)?,
        })
    }

    fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let face = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        let units: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .unwrap_or(face.units_per_em() / 2) as u32
            })
            .sum();
        units as f32 * size / face.units_per_em() as f32
    }

    /// Greedy line breaking at spaces; a word wider than the line is split by characters.
    fn wrap(&self, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size, weight) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if self.width(word, size, weight) <= width {
                line = word.to_string();
            } else {
                for c in word.chars() {
                    if self.width(&format!("{line}{c}"), size, weight) > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                    }
                    line.push(c);
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// Lays the page out top to bottom, starting a new page when the next block would not fit.
struct Layout {
    metrics: Metrics,
    pages: Vec<Vec<Op>>,
    y: f32,
    /// Content stops here; the footer sits below.
    bottom: f32,
    /// Pages the summary itself takes, before any appendix.
    summary_pages: usize,
    footer: Vec<String>,
}

impl Layout {
    fn new(s: &Summary) -> Result<Layout, RenderError> {
        let made = format!(
            "Summary made {} with Inspection Compare. Ofsted reports are Crown copyright, reused under the Open Government Licence v3.0.",
            s.made
        );
        let texts: Vec<&str> = s
            .sources
            .iter()
            .map(String::as_str)
            .chain([made.as_str()])
            .collect();
        Layout::with_footer(&texts)
    }

    /// A layout whose every page ends with these lines (wrapped) and its page number.
    fn with_footer(texts: &[&str]) -> Result<Layout, RenderError> {
        let metrics = Metrics::new()?;
        let footer = texts
            .iter()
            .flat_map(|text| metrics.wrap(text, FOOTER_SIZE, Weight::Regular, WIDTH))
            .collect::<Vec<_>>();
        Ok(Layout {
            bottom: footer_top(footer.len()) - 14.0,
            footer,
            metrics,
            pages: vec![Vec::new()],
            y: TOP,
            summary_pages: 1,
        })
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("there is always a page")
    }

    /// Makes room for `height`, on a new page when this one is full.
    fn room(&mut self, height: f32) {
        if self.y + height > self.bottom && self.y > TOP {
            self.new_page();
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    fn gap(&mut self, height: f32) {
        self.y += height;
    }

    fn line_height(size: f32) -> f32 {
        size * 1.35
    }

    /// Wrapped text at `x`, `width` wide; returns the height used.
    #[allow(clippy::too_many_arguments)]
    fn text_at(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        text: &str,
        size: f32,
        weight: Weight,
        colour: (u8, u8, u8),
    ) -> f32 {
        let lines = self.metrics.wrap(text, size, weight, width);
        let lh = Self::line_height(size);
        for (i, line) in lines.iter().enumerate() {
            self.ops().push(Op::Text {
                x,
                // The baseline sits about 0.8 em below the top of the line.
                y: y + i as f32 * lh + size * 0.95,
                size,
                weight,
                colour,
                text: line.clone(),
            });
        }
        lines.len() as f32 * lh
    }

    fn height_of(&self, text: &str, size: f32, weight: Weight, width: f32) -> f32 {
        self.metrics.wrap(text, size, weight, width).len() as f32 * Self::line_height(size)
    }

    /// A paragraph across the content width, kept on one page.
    fn paragraph(&mut self, text: &str, size: f32, weight: Weight, colour: (u8, u8, u8)) {
        self.indented(0.0, text, size, weight, colour);
    }

    fn indented(
        &mut self,
        indent: f32,
        text: &str,
        size: f32,
        weight: Weight,
        colour: (u8, u8, u8),
    ) {
        let width = WIDTH - indent;
        let h = self.height_of(text, size, weight, width);
        self.room(h);
        let y = self.y;
        self.y += self.text_at(MARGIN_X + indent, y, width, text, size, weight, colour);
    }

    fn bullet(&mut self, text: &str, size: f32) {
        let h = self.height_of(text, size, Weight::Regular, WIDTH - 14.0);
        self.room(h);
        let y = self.y;
        self.text_at(MARGIN_X + 3.0, y, 10.0, "•", size, Weight::Regular, GREY);
        self.y += self.text_at(
            MARGIN_X + 14.0,
            y,
            WIDTH - 14.0,
            text,
            size,
            Weight::Regular,
            INK,
        );
        self.y += 2.0;
    }

    fn heading(&mut self, text: &str) {
        // A heading never ends a page: keep room for a few lines after it.
        self.room(60.0);
        self.gap(10.0);
        let y = self.y;
        self.y += self.text_at(MARGIN_X, y, WIDTH, text, 12.5, Weight::Bold, INK);
        self.rule(0.8, INK);
        self.gap(5.0);
    }

    fn rule(&mut self, thickness: f32, colour: (u8, u8, u8)) {
        let y = self.y;
        self.ops().push(Op::Rect {
            x: MARGIN_X,
            y,
            w: WIDTH,
            h: thickness,
            colour,
        });
        self.y += thickness;
    }

    /// A row of cells (x offset, width, text, weight); every cell wraps, the row is as tall as
    /// its tallest cell, and it stays on one page.
    fn row(&mut self, cells: &[(f32, f32, &str, Weight)], size: f32, colour: (u8, u8, u8)) {
        let h = cells
            .iter()
            .map(|(_, w, t, weight)| self.height_of(t, size, *weight, *w))
            .fold(0.0, f32::max);
        self.room(h + 8.0);
        let y = self.y + 4.0;
        for (x, w, text, weight) in cells {
            self.text_at(MARGIN_X + x, y, *w, text, size, *weight, colour);
        }
        self.y = y + h + 4.0;
    }
}

/// Renders the summary as PDF bytes, on one page when it can be: when it overflows, items are
/// left off (and counted) until it fits; when even the shortest does not fit, it is kept whole.
/// Recommendations left off the page follow on an appendix page, every one in full.
pub(super) fn render(s: &Summary) -> Result<Vec<u8>, RenderError> {
    let full = lay_out(s)?;
    let mut shortened = s.clone();
    while full.summary_pages > 1 && shortened.shorten() {
        let layout = lay_out(&shortened)?;
        if layout.summary_pages == 1 {
            return draw(&shortened.title(), layout);
        }
    }
    // It fits as it is, or needs more pages however short: then nothing more is left off.
    draw(&s.title(), full)
}

fn lay_out(s: &Summary) -> Result<Layout, RenderError> {
    let mut l = Layout::new(s)?;
    summary_page(&mut l, s);
    l.summary_pages = l.pages.len();
    if let Some(lists) = s.recommendations.appendix() {
        l.new_page();
        l.paragraph(RecommendationLists::APPENDIX_TITLE, 14.0, Weight::Bold, INK);
        l.rule(0.8, INK);
        for (title, items) in lists {
            l.gap(8.0);
            l.paragraph(
                &format!("{title} ({})", items.len()),
                10.5,
                Weight::Bold,
                INK,
            );
            l.gap(3.0);
            if items.is_empty() {
                l.indented(14.0, "None.", 9.0, Weight::Regular, GREY);
            }
            for item in items {
                l.bullet(item, 9.0);
            }
        }
    }
    Ok(l)
}

fn summary_page(l: &mut Layout, s: &Summary) {
    // Title block.
    l.paragraph("OFSTED INSPECTIONS COMPARED", 8.0, Weight::Bold, GREY);
    l.gap(2.0);
    l.paragraph(&s.authority, 21.0, Weight::Bold, INK);
    l.paragraph(
        &format!(
            "What changed between the {} and {} inspections",
            s.before.year, s.after.year
        ),
        11.0,
        Weight::Regular,
        GREY,
    );
    l.gap(10.0);

    // The two inspections side by side.
    let half = (WIDTH - 16.0) / 2.0;
    let describe = |label: &str, side: &super::summary::SummarySide| {
        vec![
            (format!("{label} · {}", side.year), 8.5, Weight::Bold, GREY),
            (side.framework.clone(), 10.0, Weight::Bold, INK),
            (side.dates.clone(), 9.5, Weight::Regular, INK),
            (
                format!("Lead inspector: {}", side.lead_inspector),
                9.5,
                Weight::Regular,
                INK,
            ),
            (
                format!("Overall effectiveness: {}", side.overall_text),
                9.5,
                Weight::Bold,
                INK,
            ),
        ]
    };
    let columns = [describe("BEFORE", &s.before), describe("AFTER", &s.after)];
    let heights: Vec<f32> = columns
        .iter()
        .map(|lines| {
            lines
                .iter()
                .map(|(t, size, w, _)| l.height_of(t, *size, *w, half - 16.0))
                .sum::<f32>()
        })
        .collect();
    let box_h = heights.iter().copied().fold(0.0, f32::max) + 16.0;
    l.room(box_h);
    let top = l.y;
    for (i, lines) in columns.iter().enumerate() {
        let x = MARGIN_X + i as f32 * (half + 16.0);
        l.ops().push(Op::Rect {
            x,
            y: top,
            w: half,
            h: box_h,
            colour: BAND,
        });
        l.ops().push(Op::Rect {
            x,
            y: top,
            w: 3.0,
            h: box_h,
            colour: GREY,
        });
        let mut y = top + 8.0;
        for (text, size, weight, colour) in lines {
            y += l.text_at(x + 12.0, y, half - 16.0, text, *size, *weight, *colour);
        }
    }
    l.y = top + box_h + 12.0;

    l.paragraph(&s.headline, 11.5, Weight::Bold, INK);
    for warning in &s.warnings {
        l.gap(3.0);
        l.paragraph(&format!("Note: {warning}"), 8.5, Weight::Regular, GREY);
    }

    // Judgements.
    l.heading("Judgements");
    let cols = [0.0, WIDTH * 0.29, WIDTH * 0.53, WIDTH * 0.77];
    let widths = [
        cols[1] - cols[0] - 8.0,
        cols[2] - cols[1] - 8.0,
        cols[3] - cols[2] - 8.0,
        WIDTH - cols[3],
    ];
    let before_head = format!("Before ({})", s.before.year);
    let after_head = format!("After ({})", s.after.year);
    l.row(
        &[
            (cols[0], widths[0], "Judgement", Weight::Bold),
            (cols[1], widths[1], &before_head, Weight::Bold),
            (cols[2], widths[2], &after_head, Weight::Bold),
            (cols[3], widths[3], "Change", Weight::Bold),
        ],
        8.5,
        GREY,
    );
    l.rule(0.6, RULE);
    for line in &s.judgements {
        let change = format!("{} {}", line.symbol, line.change);
        let weight = if line.changed {
            Weight::Bold
        } else {
            Weight::Regular
        };
        l.row(
            &[
                (cols[0], widths[0], &line.judgement, Weight::Regular),
                (cols[1], widths[1], &line.before, Weight::Regular),
                (cols[2], widths[2], &line.after, Weight::Regular),
                (cols[3], widths[3], &change, weight),
            ],
            9.0,
            INK,
        );
        l.rule(0.4, RULE);
    }

    // Recommendations.
    l.heading("Recommendations");
    for (title, items, more) in s.recommendations.titled() {
        let total = items.len() + more;
        l.gap(2.0);
        l.paragraph(&format!("{title} ({total})"), 9.5, Weight::Bold, INK);
        l.gap(2.0);
        if items.is_empty() && more == 0 {
            l.indented(14.0, "None.", 9.0, Weight::Regular, GREY);
        }
        for item in items.iter() {
            l.bullet(item, 9.0);
        }
        if more > 0 {
            l.indented(
                14.0,
                &RecommendationLists::more_note(more, items.len()),
                8.5,
                Weight::Regular,
                GREY,
            );
        }
    }

    // Text.
    l.heading("The most significant text changes");
    l.paragraph(&s.text_stats, 8.5, Weight::Regular, GREY);
    for change in &s.text_changes {
        l.gap(5.0);
        let heading = format!("{} · {} · {}", change.section, change.kind, change.pages);
        let quotes: Vec<(String, (u8, u8, u8))> = [
            (&s.before.year, &change.before, GREY),
            (&s.after.year, &change.after, INK),
        ]
        .into_iter()
        .filter_map(|(year, text, colour)| Some((format!("{year}: {}", text.as_ref()?), colour)))
        .collect();
        // A change stays whole on one page: its heading never ends a page.
        let h = l.height_of(&heading, 9.0, Weight::Bold, WIDTH)
            + quotes
                .iter()
                .map(|(q, _)| l.height_of(q, 8.5, Weight::Regular, WIDTH - 10.0))
                .sum::<f32>();
        l.room(h);
        l.paragraph(&heading, 9.0, Weight::Bold, INK);
        for (quote, colour) in &quotes {
            l.indented(10.0, quote, 8.5, Weight::Regular, *colour);
        }
    }
}

/// Draws the laid-out pages and their footers.
fn draw(title: &str, l: Layout) -> Result<Vec<u8>, RenderError> {
    let regular = Font::new(REGULAR.into(), 0)
        .ok_or_else(|| RenderError::Pdf("the built-in font cannot be embedded".into()))?;
    let bold = Font::new(BOLD.into(), 0)
        .ok_or_else(|| RenderError::Pdf("the built-in font cannot be embedded".into()))?;
    let count = l.pages.len();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .creator("Inspection Compare".into())
            .language("en-GB".into()),
    );
    let footer = footer_ops(&l.footer);
    for (index, ops) in l.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| RenderError::Pdf("the page size is invalid".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let page_number = Op::Text {
            x: MARGIN_X,
            y: FOOTER_BASE,
            size: 7.5,
            weight: Weight::Regular,
            colour: GREY,
            text: format!("Page {} of {count}", index + 1),
        };
        for op in ops
            .iter()
            .chain(&footer)
            .chain(std::iter::once(&page_number))
        {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    weight,
                    colour,
                    text,
                } => {
                    surface.set_fill(Some(fill(*colour)));
                    let font = match weight {
                        Weight::Regular => regular.clone(),
                        Weight::Bold => bold.clone(),
                    };
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        font,
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Op::Rect { x, y, w, h, colour } => {
                    let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                        continue;
                    };
                    let mut path = PathBuilder::new();
                    path.push_rect(rect);
                    if let Some(path) = path.finish() {
                        surface.set_fill(Some(fill(*colour)));
                        surface.draw_path(&path);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| RenderError::Pdf(format!("{e:?}")))
}

/// Where a footer of `lines` lines (above the page number) starts.
fn footer_top(lines: usize) -> f32 {
    FOOTER_BASE - 8.0 - lines as f32 * Layout::line_height(FOOTER_SIZE)
}

fn footer_ops(lines: &[String]) -> Vec<Op> {
    let top = footer_top(lines.len());
    let lh = Layout::line_height(FOOTER_SIZE);
    let mut ops = vec![Op::Rect {
        x: MARGIN_X,
        y: top - 6.0,
        w: WIDTH,
        h: 0.5,
        colour: RULE,
    }];
    for (i, line) in lines.iter().enumerate() {
        ops.push(Op::Text {
            x: MARGIN_X,
            y: top + i as f32 * lh + FOOTER_SIZE,
            size: FOOTER_SIZE,
            weight: Weight::Regular,
            colour: GREY,
            text: line.clone(),
        });
    }
    ops
}

fn fill((r, g, b): (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::default(),
    }
}

/// The recommendation tracker as PDF: by document, each item with what later documents show,
/// its status and note, in words (it prints in black and white).
pub(super) fn render_tracker(
    authority: &str,
    title: &str,
    intro: &str,
    documents: &[(String, Vec<super::tracker::ItemLines>)],
    made: &str,
) -> Result<Vec<u8>, RenderError> {
    let footer = format!("Tracker made {made} with Inspection Compare.");
    let mut l = Layout::with_footer(&[footer.as_str()])?;
    l.paragraph("RECOMMENDATION TRACKER", 8.0, Weight::Bold, GREY);
    l.gap(2.0);
    l.paragraph(authority, 21.0, Weight::Bold, INK);
    l.paragraph(intro, 9.0, Weight::Regular, GREY);
    for (document, items) in documents {
        l.heading(document);
        if items.is_empty() {
            l.indented(
                0.0,
                "No recommendations or areas for improvement.",
                9.0,
                Weight::Regular,
                GREY,
            );
        }
        for item in items {
            l.gap(3.0);
            l.paragraph(&item.heading, 9.5, Weight::Bold, INK);
            l.indented(14.0, &item.status, 9.0, Weight::Regular, INK);
            for line in &item.later {
                l.bullet(line, 8.5);
            }
        }
    }
    draw(title, l)
}
