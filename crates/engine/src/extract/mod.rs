//! Stage 2, extract: [`RawText`] → [`Report`].
//!
//! Cleaning turns pages into paragraphs; the front page gives title, framework, authority,
//! dates and lead inspector; each framework's headings give the judgements; the lists under
//! the recommendation headings give the recommendations.

pub mod authority;
pub mod clean;
pub mod dates;
pub mod judgements;
pub mod recommendations;
pub mod sections;
pub mod text;

use crate::error::Problem;
use crate::ingest::{RawText, SourceKind};
use crate::model::{Framework, Report};
use regex::Regex;
use std::sync::LazyLock;
use text::ParagraphText;

/// Bumped whenever extraction changes what it produces, so stored reports can be re-read.
pub const PARSER_VERSION: u32 = 1;

struct TitleRule {
    pattern: Regex,
    framework: Framework,
}

const APOS: &str = "['’`]";

static TITLES: LazyLock<Vec<TitleRule>> = LazyLock::new(|| {
    let sif = r"of\s+services\s+for\s+children\s+in\s+need\s+of\s+help\s+and\s+protection,?\s+children\s+looked\s+after\s+and\s+care\s+leavers";
    let lscb =
        r"review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding\s+children\s+board";
    let rule = |pattern: String, framework| TitleRule {
        pattern: Regex::new(&format!("(?i){pattern}")).expect("static regex"),
        framework,
    };
    vec![
        rule(format!(r"re-?\s*inspection\s+{sif}(?:\s+and\s+{lscb})?"), Framework::SifReinspection),
        rule(format!(r"inspection\s+{sif}(?:\s+and\s+{lscb})?"), Framework::Sif2013),
        rule(lscb.to_string(), Framework::LscbReview),
        rule(r"inspection\s+of\s+looked\s+after\s+children\s+services".into(), Framework::Lac2013),
        rule(r"inspection\s+of\s+local\s+authority\s+arrangements\s+for\s+the\s+protection\s+of\s+children".into(), Framework::Cp2012),
        rule(format!(r"focused\s+visit\s+to\s+(?P<la>(?s:.{{2,80}}?))\s+(?:local\s+authority\s+)?children{APOS}?s\s+services"), Framework::FocusedVisit),
        rule(format!(r"monitoring\s+visit\s+(?:to|of)\s+(?P<la>(?s:.{{2,80}}?))\s+(?:local\s+authority\s+)?children{APOS}?s\s+services"), Framework::MonitoringVisit),
        rule(format!(r"inspection\s+of\s+children{APOS}?s\s+social\s+care\s+services"), Framework::Ilacs2018),
        rule(format!(r"inspection\s+of\s+(?P<la>(?s:.{{2,80}}?))\s+(?:local\s+authority\s+)?children{APOS}s\s+services"), Framework::Ilacs2018),
    ]
});

static INSPECTION_DATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:inspection\s+dates?|dates?\s+of\s+inspection)\s*:?\s*")
        .expect("static regex")
});
static PUBLISHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:report\s+)?published\s*:?\s*").expect("static regex"));
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*(?:lead|reporting)\s+inspectors?\s*:?\s+(?P<who>.+)$")
        .expect("static regex")
});
/// Text a paragraph join can carry after the name ("Deputy lead inspector: ...").
static LEAD_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:deputy|team|inspectors?|quality|age group|inspection)\b.*$")
        .expect("static regex")
});
static INSPECTOR_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(?\s*(?:senior\s+)?HMI\s*\)?|\b(?:her|his)\s+majesty['’`]?s\s+inspector\b")
        .expect("static regex")
});

/// Reads a report from its raw text.
pub fn extract(raw: &RawText) -> Result<Report, Problem> {
    let lines = clean::lines(&raw.pages);
    let text = ParagraphText::new(clean::paragraphs(&lines));
    if text.paragraphs.is_empty() {
        return Err(match raw.kind {
            SourceKind::Pdf => Problem::NoTextLayer,
            _ => Problem::Empty,
        });
    }

    let head = front_matter(&lines);
    // A title starts a line; an article that mentions "the inspection of X children's
    // services" mid-sentence is not a report.
    let (rule, title_match) = TITLES
        .iter()
        .find_map(|rule| {
            rule.pattern
                .captures_iter(&head)
                .find(|c| {
                    c.get(0)
                        .is_some_and(|m| m.start() == 0 || head[..m.start()].ends_with('\n'))
                })
                .map(|c| (rule, c))
        })
        .ok_or_else(|| Problem::NotAReport(not_a_report_reason(&text)))?;
    let title = fold(title_match.get(0).map_or("", |m| m.as_str()));
    let includes_lscb_review = rule.framework == Framework::Sif2013
        && title.to_lowercase().contains("safeguarding children board")
        || rule.framework == Framework::SifReinspection
            && title.to_lowercase().contains("safeguarding children board");

    let local_authority = authority_name(
        &head,
        title_match.get(0).map_or(0..0, |m| m.range()),
        title_match.name("la").map(|m| m.as_str()),
    );

    let mut framework = rule.framework;
    let mut judgements = judgements::find(framework, &text, includes_lscb_review);
    if framework == Framework::Ilacs2018
        && judgements.iter().any(|j| {
            matches!(
                j.key,
                crate::model::JudgementKey::InCare | crate::model::JudgementKey::CareLeavers
            )
        })
    {
        // The 2023 framework judges children in care and care leavers separately.
        framework = Framework::Ilacs2023;
        judgements.retain(|j| j.key != crate::model::JudgementKey::InCareAndCareLeavers);
        let order = framework.expected_keys(false);
        judgements.sort_by_key(|j| order.iter().position(|k| *k == j.key));
    }

    let (inspection_start, inspection_end) = inspection_dates(&head, &text);
    if judgements.is_empty() && inspection_start.is_none() {
        return Err(Problem::NotAReport(
            "it has an inspection title but no inspection dates or judgements; it may be an article or minutes about a report".into(),
        ));
    }
    let published_in_report = PUBLISHED
        .find(&head)
        .and_then(|m| dates::date_at_start(&head[m.end()..]));

    let (recommendations, lscb_recommendations) =
        recommendation_lists(framework, includes_lscb_review, &text);

    let mut warnings = Vec::new();
    for key in framework.expected_keys(includes_lscb_review) {
        if !judgements.iter().any(|j| j.key == key) {
            warnings.push(format!("the {} judgement was not found", key.id()));
        }
    }
    if inspection_start.is_none() {
        warnings.push("the inspection dates were not found".into());
    }

    let authority = authority::matched(&local_authority);
    let sections = sections::split(&text.paragraphs);
    Ok(Report {
        local_authority,
        authority,
        framework,
        includes_lscb_review,
        title,
        inspection_start,
        inspection_end,
        published_in_report,
        lead_inspector: lead_inspector(&text),
        judgements,
        recommendations,
        lscb_recommendations,
        sections,
        page_count: raw.pages.len() as u32,
        paragraphs: text.paragraphs,
        warnings,
    })
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The front page up to the inspection dates: title, authority and (for PDFs) dates.
fn front_matter(lines: &[clean::Line]) -> String {
    let first_page: Vec<&str> = lines
        .iter()
        .take_while(|l| l.page <= 2)
        .take(40)
        .map(|l| l.text.as_str())
        .collect();
    first_page.join("\n")
}

fn not_a_report_reason(text: &ParagraphText) -> String {
    let start = text.full.chars().take(80).collect::<String>();
    let start = fold(&start);
    if start.to_lowercase().contains("not found") {
        format!("it is a web page that says \"{start}\"; download the report again from Ofsted")
    } else {
        "no Ofsted inspection title was found on its first page; check that it is a children's services inspection report".into()
    }
}

fn authority_name(head: &str, title: std::ops::Range<usize>, in_title: Option<&str>) -> String {
    if let Some(la) = in_title {
        return fold(la);
    }
    // The authority is printed just before or just after the title, ahead of the dates.
    let before = head[..title.start].trim();
    let after = &head[title.end..];
    let after = INSPECTION_DATES
        .find(after)
        .map_or(after, |m| &after[..m.start()]);
    let candidate = if before.split_whitespace().count() >= 1
        && !before.to_lowercase().contains("inspection")
    {
        before
    } else {
        after
    };
    fold(
        candidate.trim_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_digit() || c == ',' || c == '.'
        }),
    )
}

fn inspection_dates(head: &str, text: &ParagraphText) -> (Option<String>, Option<String>) {
    let search = |hay: &str| {
        INSPECTION_DATES
            .find_iter(hay)
            .find_map(|m| dates::range_at_start(&hay[m.end()..]))
    };
    match search(head).or_else(|| search(&text.full)) {
        Some((start, end)) => (Some(start), Some(end)),
        None => (None, None),
    }
}

fn lead_inspector(text: &ParagraphText) -> Option<String> {
    let lines: Vec<&str> = text.full.lines().collect();
    for (index, line) in lines.iter().enumerate() {
        let Some(c) = LEAD.captures(line) else {
            continue;
        };
        let mut who = c["who"].to_string();
        // "Lead inspectors: A, His Majesty’s Inspector, and B," continues on the next line.
        if who.trim_end().ends_with(',') || who.trim_end().ends_with(" and") {
            if let Some(next) = lines.get(index + 1) {
                who = format!("{who} {next}");
            }
        }
        let who = INSPECTOR_TITLE.replace_all(&who, "");
        // Paragraph joins can carry the next line ("Deputy lead inspector: ...").
        let who = who.split('\n').next().unwrap_or_default();
        let who = LEAD_TAIL.replace(who, "");
        let names: Vec<String> = who
            .split(',')
            .flat_map(|part| part.split(" and "))
            .map(|n| fold(n.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '.')))
            .filter(|n| !n.is_empty())
            .collect();
        if !names.is_empty() {
            return Some(names.join(" and "));
        }
    }
    None
}

fn recommendation_lists(
    framework: Framework,
    with_lscb: bool,
    text: &ParagraphText,
) -> (Vec<String>, Vec<String>) {
    let all = text.paragraphs.len();
    if framework == Framework::LscbReview {
        return (recommendations::list_in(text, 0, all), Vec::new());
    }
    match recommendations::lscb_part_start(text).filter(|_| with_lscb) {
        Some(lscb) => (
            recommendations::list_in(text, 0, lscb),
            recommendations::list_in(text, lscb, all),
        ),
        None => (recommendations::list_in(text, 0, all), Vec::new()),
    }
}
