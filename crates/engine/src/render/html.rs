//! The summary as one self-contained HTML file: styles inline, no scripts, no external
//! references, laid out for an A4 page when printed.

use super::summary::{RecommendationLists, Summary};
use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values. Hand-written because it
/// is five characters; everything from a report passes through it.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub(super) const STYLE: &str = "
@page { size: A4; margin: 16mm 16mm 18mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.4 system-ui, sans-serif; color: #191c21; margin: 0 auto; max-width: 180mm; padding: 8mm 0; }
.kicker { font-size: 8pt; font-weight: 700; letter-spacing: .08em; color: #5c636e; margin: 0; }
h1 { font-size: 21pt; margin: 2pt 0 0; }
.sub { color: #5c636e; margin: 0 0 10pt; font-size: 11pt; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 12pt; margin-bottom: 10pt; }
.side { background: #edf1f6; border-left: 3px solid #5c636e; padding: 7pt 10pt; }
.side p { margin: 0; }
.side .label { font-size: 8.5pt; font-weight: 700; color: #5c636e; }
.side .framework { font-weight: 700; }
.headline { font-weight: 700; font-size: 11.5pt; margin: 8pt 0; }
.note { color: #5c636e; font-size: 8.5pt; margin: 3pt 0; }
h2 { font-size: 12.5pt; border-bottom: 1px solid #191c21; padding-bottom: 2pt; margin: 14pt 0 6pt; }
h3 { font-size: 9.5pt; margin: 8pt 0 3pt; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: 8.5pt; color: #5c636e; border-bottom: 1px solid #cdd2d9; padding: 3pt 4pt; }
td { border-bottom: 1px solid #cdd2d9; padding: 4pt; vertical-align: top; }
td.changed { font-weight: 700; }
ul, ol { margin: 0; padding-left: 14pt; }
.appendix { break-before: page; }
li { margin: 0 0 2pt; }
.none, .more, .stats { color: #5c636e; font-size: 8.5pt; }
.change { margin: 6pt 0 0; }
.change .where { font-weight: 700; font-size: 9pt; margin: 0; }
.change p { margin: 1pt 0 0 10pt; font-size: 8.5pt; }
.change .before { color: #5c636e; }
footer { border-top: 1px solid #cdd2d9; margin-top: 14pt; padding-top: 4pt; color: #5c636e; font-size: 7.5pt; }
footer p { margin: 0 0 2pt; }
";

pub(super) fn render(s: &Summary) -> String {
    let mut html = String::new();
    // Writing to a String cannot fail.
    let _ = write_summary(&mut html, s);
    html
}

fn write_summary(h: &mut String, s: &Summary) -> std::fmt::Result {
    writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        escape(&s.title())
    )?;
    writeln!(h, "<p class=\"kicker\">OFSTED INSPECTIONS COMPARED</p>")?;
    writeln!(h, "<h1>{}</h1>", escape(&s.authority))?;
    writeln!(
        h,
        "<p class=\"sub\">What changed between the {} and {} inspections</p>",
        escape(&s.before.year),
        escape(&s.after.year)
    )?;
    writeln!(h, "<div class=\"sides\">")?;
    for (label, side) in [("BEFORE", &s.before), ("AFTER", &s.after)] {
        writeln!(
            h,
            "<div class=\"side\"><p class=\"label\">{label} · {}</p><p class=\"framework\">{}</p>\
             <p>{}</p><p>Lead inspector: {}</p><p><strong>Overall effectiveness: {}</strong></p></div>",
            escape(&side.year),
            escape(&side.framework),
            escape(&side.dates),
            escape(&side.lead_inspector),
            escape(&side.overall_text)
        )?;
    }
    writeln!(h, "</div>")?;
    writeln!(h, "<p class=\"headline\">{}</p>", escape(&s.headline))?;
    for warning in &s.warnings {
        writeln!(h, "<p class=\"note\">Note: {}</p>", escape(warning))?;
    }

    writeln!(h, "<h2>Judgements</h2>\n<table>")?;
    writeln!(
        h,
        "<thead><tr><th scope=\"col\">Judgement</th><th scope=\"col\">Before ({})</th>\
         <th scope=\"col\">After ({})</th><th scope=\"col\">Change</th></tr></thead><tbody>",
        escape(&s.before.year),
        escape(&s.after.year)
    )?;
    for line in &s.judgements {
        writeln!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td{}>{} {}</td></tr>",
            escape(&line.judgement),
            escape(&line.before),
            escape(&line.after),
            if line.changed {
                " class=\"changed\""
            } else {
                ""
            },
            line.symbol,
            escape(&line.change)
        )?;
    }
    writeln!(h, "</tbody></table>")?;

    writeln!(h, "<h2>Recommendations</h2>")?;
    for (title, items, more) in s.recommendations.titled() {
        writeln!(h, "<h3>{title} ({})</h3>", items.len() + more)?;
        if items.is_empty() {
            writeln!(h, "<p class=\"none\">None.</p>")?;
            continue;
        }
        writeln!(h, "<ul>")?;
        for item in items {
            writeln!(h, "<li>{}</li>", escape(item))?;
        }
        if more > 0 {
            writeln!(
                h,
                "<li class=\"more\">{}</li>",
                RecommendationLists::more_note(more, items.len())
            )?;
        }
        writeln!(h, "</ul>")?;
    }

    writeln!(h, "<h2>The most significant text changes</h2>")?;
    writeln!(h, "<p class=\"stats\">{}</p>", escape(&s.text_stats))?;
    for change in &s.text_changes {
        writeln!(
            h,
            "<div class=\"change\"><p class=\"where\">{} · {} · {}</p>",
            escape(&change.section),
            change.kind,
            escape(&change.pages)
        )?;
        if let Some(before) = &change.before {
            writeln!(
                h,
                "<p class=\"before\">{}: {}</p>",
                escape(&s.before.year),
                escape(before)
            )?;
        }
        if let Some(after) = &change.after {
            writeln!(h, "<p>{}: {}</p>", escape(&s.after.year), escape(after))?;
        }
        writeln!(h, "</div>")?;
    }

    if let Some(lists) = s.recommendations.appendix() {
        writeln!(
            h,
            "<section class=\"appendix\"><h2>{}</h2>",
            RecommendationLists::APPENDIX_TITLE
        )?;
        for (title, items) in lists {
            writeln!(h, "<h3>{title} ({})</h3>", items.len())?;
            if items.is_empty() {
                writeln!(h, "<p class=\"none\">None.</p>")?;
                continue;
            }
            writeln!(h, "<ol>")?;
            for item in items {
                writeln!(h, "<li>{}</li>", escape(item))?;
            }
            writeln!(h, "</ol>")?;
        }
        writeln!(h, "</section>")?;
    }

    writeln!(h, "<footer>")?;
    for source in &s.sources {
        writeln!(h, "<p>{}</p>", escape(source))?;
    }
    writeln!(
        h,
        "<p>Summary made {} with Inspection Compare. Ofsted reports are Crown copyright, reused under the Open Government Licence v3.0.</p>",
        escape(&s.made)
    )?;
    writeln!(h, "</footer>\n</body>\n</html>")
}

#[cfg(test)]
mod tests {
    #[test]
    fn report_text_cannot_become_markup() {
        assert_eq!(
            super::escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
