//! The summary as Markdown, for pasting into papers and issue trackers.

use super::summary::{RecommendationLists, Summary};
use std::fmt::Write;

/// Report text must stay text when the Markdown is rendered: characters Markdown (and the HTML
/// it allows) would read as markup are escaped. Hand-written because it is one table of
/// characters; the Markdown crates parse, they do not escape.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '{' | '}' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn render(s: &Summary) -> String {
    let mut md = String::new();
    // Writing to a String cannot fail.
    let _ = write_summary(&mut md, s);
    md
}

fn write_summary(md: &mut String, s: &Summary) -> std::fmt::Result {
    writeln!(md, "# {}", escape(&s.title()))?;
    writeln!(md)?;
    for (label, side) in [("Before", &s.before), ("After", &s.after)] {
        writeln!(
            md,
            "- **{label} ({})**: {}, {}; lead inspector {}; overall effectiveness {}.",
            side.year,
            escape(&side.framework),
            side.dates,
            escape(&side.lead_inspector),
            escape(&side.overall_text)
        )?;
    }
    writeln!(md)?;
    writeln!(md, "**{}**", escape(&s.headline))?;
    for warning in &s.warnings {
        writeln!(md, "\n> Note: {}", escape(warning))?;
    }

    writeln!(md, "\n## Judgements\n")?;
    writeln!(
        md,
        "| Judgement | Before ({}) | After ({}) | Change |",
        s.before.year, s.after.year
    )?;
    writeln!(md, "| --- | --- | --- | --- |")?;
    for line in &s.judgements {
        writeln!(
            md,
            "| {} | {} | {} | {} {} |",
            escape(&line.judgement),
            escape(&line.before),
            escape(&line.after),
            line.symbol,
            line.change
        )?;
    }

    writeln!(md, "\n## Recommendations")?;
    for (title, items, more) in s.recommendations.titled() {
        writeln!(md, "\n### {title} ({})\n", items.len() + more)?;
        if items.is_empty() {
            writeln!(md, "None.")?;
        }
        for item in items {
            writeln!(md, "- {}", escape(item))?;
        }
        if more > 0 {
            writeln!(
                md,
                "- {}",
                RecommendationLists::more_note(more, items.len())
            )?;
        }
    }

    writeln!(md, "\n## The most significant text changes\n")?;
    writeln!(md, "{}", s.text_stats)?;
    for change in &s.text_changes {
        writeln!(
            md,
            "\n**{} · {} · {}**\n",
            escape(&change.section),
            change.kind,
            change.pages
        )?;
        if let Some(before) = &change.before {
            writeln!(md, "- {}: {}", s.before.year, escape(before))?;
        }
        if let Some(after) = &change.after {
            writeln!(md, "- {}: {}", s.after.year, escape(after))?;
        }
    }

    if let Some(lists) = s.recommendations.appendix() {
        writeln!(md, "\n## {}", RecommendationLists::APPENDIX_TITLE)?;
        for (title, items) in lists {
            writeln!(md, "\n### {title} ({})\n", items.len())?;
            if items.is_empty() {
                writeln!(md, "None.")?;
            }
            for (n, item) in items.iter().enumerate() {
                writeln!(md, "{}. {}", n + 1, escape(item))?;
            }
        }
    }

    writeln!(md, "\n---\n")?;
    writeln!(md, "Sources:\n")?;
    for source in &s.sources {
        writeln!(md, "- {}", escape(source))?;
    }
    writeln!(
        md,
        "\nSummary made {} with Inspection Compare. Ofsted reports are Crown copyright, reused under the Open Government Licence v3.0.",
        s.made
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_in_report_text_is_escaped() {
        assert_eq!(
            super::escape("<img src=x onerror=alert(1)> *bold* [link](x)"),
            "\\<img src=x onerror=alert(1)\\> \\*bold\\* \\[link\\](x)"
        );
    }
}
