//! Stage 2, extract: [`RawText`] → [`Report`].
//!
//! Cleaning turns pages into paragraphs; the front page gives title, framework, authority,
//! dates and lead inspector; each framework's headings give the judgements; the lists under
//! the recommendation headings give the recommendations.

pub(crate) mod authority;
pub(crate) mod clean;
pub(crate) mod dates;
pub(crate) mod judgements;
pub(crate) mod letters;
pub(crate) mod recommendations;
pub(crate) mod sections;
pub(crate) mod shapes;
pub(crate) mod text;

use crate::error::Problem;
use crate::ingest::{RawText, SourceKind};
use crate::model::{Date, Framework, JudgementKey, Report};
use regex::Regex;
use std::sync::LazyLock;
use text::ParagraphText;

/// The key two spellings of one authority's name share ("Hertfordshire County Council",
/// "HERTFORDSHIRE").
pub use authority::name_key;
/// Headings and the paragraphs under them, for paragraphs made elsewhere (tests, fuzzing).
pub use sections::split as sections_of;

/// Bumped whenever extraction changes what it produces, so stored reports can be re-read.
pub const PARSER_VERSION: u32 = 3;

struct TitleRule {
    pattern: Regex,
    framework: Framework,
}

const APOS: &str = "['’`]";

/// A trust that runs an authority's children's services: "Sandwell Children's Trust",
/// "Bradford Children and Families Trust".
const TRUST: &str = r"children(?:['’`]?s)?\s+(?:and\s+families\s+|services\s+)?trust\b";

/// ILACS inspections from this date, the April 2026 reform's start, are under the 2026
/// framework (no overall grade).
fn ilacs_reform() -> Date {
    Date::from_ymd(2026, 4, 1).expect("the reform's start is a date")
}

static TITLES: LazyLock<Vec<TitleRule>> = LazyLock::new(|| {
    let sif = r"of\s+services\s+for\s+children\s+in\s+need\s+of\s+help\s+and\s+protection,?\s+children\s+looked\s+after\s+and\s+care\s+leavers";
    let lscb =
        r"review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding\s+children\s+board";
    // What a visit letter's title says it visited: the children's services, or their trust.
    let services =
        format!(r"(?:local\s+authority\s+)?(?:children(?:{APOS}?s)?\s+services\b|{TRUST})");
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
        rule(format!(r"focused\s+visit\s+to\s+(?P<la>(?s:.{{2,80}}?))\s+{services}"), Framework::FocusedVisit),
        rule(format!(r"monitoring\s+visit\s+(?:to|of)\s+(?P<la>(?s:.{{2,80}}?))\s+{services}"), Framework::MonitoringVisit),
        rule(r"joint\s+targeted\s+area\s+inspection\s+(?:\(JTAI\)\s+)?of\s+(?P<jtai>[^\n]+(?:\n[^\n]+){0,3})".into(), Framework::Jtai),
        rule(r"area\s+SEND\s+(?:full\s+|monitoring\s+)?(?:re-?)?inspection\s+of\s+(?P<la>(?s:.{2,80}?))\s+local\s+area\s+partnership".into(), Framework::AreaSend),
        rule(r"joint\s+local\s+area\s+SEND\s+(?:re-?)?inspection\s+in\s+(?P<la>[^\n]{2,80})".into(), Framework::AreaSend),
        rule(format!(r"inspection\s+of\s+children{APOS}?s\s+social\s+care\s+services"), Framework::Ilacs2018),
        // Authorities whose services a trust runs: "Inspection of Bradford Children and Families Trust".
        rule(format!(r"inspection\s+of\s+(?P<la>(?s:.{{2,80}}?))\s+{TRUST}"), Framework::Ilacs2018),
        rule(format!(r"inspection\s+of\s+(?P<la>(?s:.{{2,80}}?))\s+(?:local\s+authority\s+)?children{APOS}s\s+services"), Framework::Ilacs2018),
    ]
});

/// Ofsted documents this app does not read, by their title, and what to tell the user.
static OTHER_DOCUMENTS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    // Multi-line: a title starts a line and may wrap onto the next.
    let r = |p: &str| Regex::new(&format!("(?im){p}")).expect("static regex");
    vec![
        (
            r(r"^\s*(?:joint\s+area\s+review|inspection\s+of\s+progress\s+made\s+in\s+the\s+provision\s+of\s+safeguarding\s+services)"),
            "it is a joint area review (the 2005–09 framework), which has no judgements or items this app can follow",
        ),
        (
            r(r"^\s*(?:annual\s+performance\s+assessment|children['’`]?s\s+services\s+assessment)"),
            "it is an annual assessment of children's services (before 2012), which this app does not read",
        ),
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
        .ok_or_else(|| refusal(&head, &text))?;
    // A JTAI title wraps over up to four lines; the lines after the first belong to it only
    // while they continue it (see `title_lines`).
    let jtai = title_match.name("jtai").map(|m| title_lines(m.as_str()));
    let title = match (&jtai, title_match.name("jtai")) {
        (Some(kept), Some(m)) => fold(&format!(
            "{}{kept}",
            &title_match
                .get(0)
                .map_or("", |t| &t.as_str()[..m.start() - t.start()])
        )),
        _ => fold(title_match.get(0).map_or("", |m| m.as_str())),
    };
    let includes_lscb_review = rule.framework == Framework::Sif2013
        && title.to_lowercase().contains("safeguarding children board")
        || rule.framework == Framework::SifReinspection
            && title.to_lowercase().contains("safeguarding children board");

    // A JTAI's title names its theme and then the area: "… of the multi-agency response to
    // abuse and neglect in Oxfordshire", or only the area: "… of Norfolk".
    let (jtai_area, jtai_theme) = match jtai.as_deref().map(|t| t.rsplit_once(" in ")) {
        Some(Some((theme, area))) => (Some(area.to_string()), Some(theme.to_string())),
        Some(None) => (jtai.clone(), None),
        None => (None, None),
    };
    let local_authority = authority_name(
        &head,
        title_match.get(0).map_or(0..0, |m| m.range()),
        title_match
            .name("la")
            .map(|m| m.as_str())
            .or(jtai_area.as_deref()),
    );

    let mut framework = rule.framework;
    let mut judgements = judgements::find(framework, &text, includes_lscb_review);
    if framework == Framework::Ilacs2018
        && judgements
            .iter()
            .any(|j| matches!(j.key, JudgementKey::InCare | JudgementKey::CareLeavers))
    {
        // The 2023 framework judges children in care and care leavers separately.
        framework = Framework::Ilacs2023;
        judgements.retain(|j| j.key != JudgementKey::InCareAndCareLeavers);
        let order = framework.expected_keys(false);
        judgements.sort_by_key(|j| order.iter().position(|k| *k == j.key));
    }

    let (mut inspection_start, mut inspection_end) = inspection_dates(&head, &text);
    if framework == Framework::Ilacs2023
        && !judgements.iter().any(|j| j.key == JudgementKey::Overall)
        && inspection_start.is_none_or(|start| start >= ilacs_reform())
    {
        // Since the April 2026 reform the table has four judgements and no overall grade.
        framework = Framework::Ilacs2026;
    }

    let letter = framework
        .is_letter_or_joint()
        .then(|| letters::facts(framework, &lines, &text));
    if let Some((start, end)) = letter
        .as_ref()
        .filter(|_| inspection_start.is_none())
        .and_then(|l| l.inspection)
    {
        inspection_start = Some(start);
        inspection_end = Some(end);
    }
    // A letter without visit dates is still one when it is dated as a letter.
    let dated_letter = letter.as_ref().is_some_and(|l| l.letter_date.is_some());
    if judgements.is_empty() && inspection_start.is_none() && !dated_letter {
        return Err(Problem::NotAReport(
            "it has an inspection title but no inspection dates or judgements; it may be an article or minutes about a report".into(),
        ));
    }
    let published_in_report = PUBLISHED
        .find(&head)
        .and_then(|m| dates::date_at_start(&head[m.end()..]));

    let (mut recommendations, lscb_recommendations, mut priority_actions) = match letter {
        Some(_) => {
            let (improve, priority) = letters::lists(framework, &lines, &text);
            (improve, Vec::new(), priority)
        }
        None => {
            let (own, lscb) = recommendation_lists(framework, includes_lscb_review, &text);
            (own, lscb, Vec::new())
        }
    };
    let with_bodies = framework == Framework::AreaSend;
    let recommendation_facts = letters::item_facts(&mut recommendations, with_bodies);
    let priority_action_facts = letters::item_facts(&mut priority_actions, with_bodies);

    let mut warnings = Vec::new();
    for key in framework.expected_keys(includes_lscb_review) {
        if !judgements.iter().any(|j| j.key == key) {
            warnings.push(format!("the {} judgement was not found", key.id()));
        }
    }
    if inspection_start.is_none() {
        warnings.push("the inspection dates were not found".into());
    }
    if framework == Framework::Ilacs2026 {
        warnings.push(
            "no overall effectiveness grade: ILACS inspections have not given one since the April 2026 reform"
                .into(),
        );
    }

    let authority = authority::matched(&local_authority);
    let sections = sections::split(&text.paragraphs);
    let letter = letter.unwrap_or_default();
    let focus = letter
        .focus
        .or_else(|| jtai_theme.as_deref().and_then(letters::focus_words));
    // A letter names its inspectors in prose; a report (no letter facts) by its lead line.
    let lead_inspector = letter.inspectors.or_else(|| lead_inspector(&text));
    Ok(Report {
        local_authority,
        authority,
        framework,
        includes_lscb_review,
        title,
        inspection_start,
        inspection_end,
        published_in_report,
        lead_inspector,
        letter_date: letter.letter_date,
        focus,
        outcome: letter.outcome,
        outcome_rank: letter.outcome_rank,
        judgements,
        recommendations,
        recommendation_facts,
        lscb_recommendations,
        priority_actions,
        priority_action_facts,
        sections,
        page_count: raw.pages.len() as u32,
        paragraphs: text.paragraphs,
        warnings,
    })
}

/// The lines of a wrapped title: the first, and each next one while it continues the title
/// (starts in lower case, or the line before ends with a word that needs more: "… in").
fn title_lines(text: &str) -> String {
    let mut lines = text.lines();
    let mut kept = lines.next().unwrap_or_default().trim().to_string();
    for line in lines {
        let line = line.trim();
        let open_end = ["in", "of", "and", "to", "the", "for", "with"]
            .iter()
            .any(|w| kept.to_lowercase().ends_with(&format!(" {w}")));
        if !(open_end || line.starts_with(|c: char| c.is_lowercase())) {
            break;
        }
        kept = format!("{kept} {line}");
    }
    kept
}

pub(crate) use crate::whitespace::fold;

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

/// Why a file with no known title is refused, saying what the file is.
fn refusal(head: &str, text: &ParagraphText) -> Problem {
    if let Some((_, what)) = OTHER_DOCUMENTS
        .iter()
        .find(|(pattern, _)| pattern.is_match(head))
    {
        return Problem::OtherOfstedDocument((*what).to_string());
    }
    let start = fold(&text.full.chars().take(80).collect::<String>());
    let lower = text.full.to_lowercase();
    Problem::NotAReport(if start.to_lowercase().contains("not found") {
        format!("it is a web page that says \"{start}\"; download the report again from Ofsted")
    } else if lower.contains("ofsted") {
        "it mentions Ofsted, but its first page has no title of an inspection, visit or joint inspection of children's services; check that it is the report itself".into()
    } else {
        "it does not look like an Ofsted document: no inspection title and no mention of Ofsted"
            .into()
    })
}

fn authority_name(head: &str, title: std::ops::Range<usize>, in_title: Option<&str>) -> String {
    // "Inspection of local authority children's services" names no authority: it is printed
    // above the title instead.
    if let Some(la) = in_title.filter(|la| !authority::name_key(la).is_empty()) {
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

fn inspection_dates(head: &str, text: &ParagraphText) -> (Option<Date>, Option<Date>) {
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
