//! Letters and joint reports: focused and monitoring visits, JTAIs and area SEND inspections.
//!
//! They carry no judgement table. What a reader follows an authority by is in their prose:
//! the letter's date, the visit's dates ("on 5 and 6 October 2021", "from 9 to 13 December
//! 2024"), the inspectors ("Her Majesty’s Inspectors for this visit were A and B"), what the
//! visit looked at, the improvement items and priority actions, and (area SEND) the outcome.

use super::clean::Line;
use super::text::ParagraphText;
use super::{dates, fold, recommendations};
use crate::model::{Date, Framework, ItemFacts};
use regex::Regex;
use std::sync::LazyLock;

/// What a letter or joint report says beyond its title.
#[derive(Debug, Default)]
pub struct LetterFacts {
    pub letter_date: Option<Date>,
    pub inspection: Option<(Date, Date)>,
    pub inspectors: Option<String>,
    pub focus: Option<String>,
    pub outcome: Option<String>,
    pub outcome_rank: Option<u8>,
}

/// "… on 22 and 23 June 2021", "from 9 to 13 December 2024", "Between 7 March 2016 and …",
/// in a sentence about the visit or inspection.
static PROSE_DATES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:on|from|between)\s+(?:the\s+)?").expect("static regex"));

/// The sentence that names the inspectors: "The inspectors were A, HMI, and B, HMI.",
/// "Her Majesty’s Inspectors for this visit were A and B.", "The visit was carried out by …".
static INSPECTORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:inspectors?(?:\s+\(HMI\))?(?:\s+for\s+(?:this|the)\s+(?:visit|inspection))?\s+(?:were|was)|(?:(?:visit|inspection)\s+was\s+)?(?:carried\s+out|conducted|undertaken|led)\s+by(?:\s+(?:Her|His)\s+Majesty['’`]?s\s+Inspectors?)?)\s+(?P<names>[^.]+?)(?:\.(?:\s|$)|$)",
    )
    .expect("static regex")
});

/// Titles and words that are not part of a name.
static NOT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(?\s*(?:senior\s+)?HMI\s*\)?|\b(?:her|his)\s+majesty['’`]?s\s+inspectors?\b|\bOfsted\s+inspectors?\b|\b(?:lead|social\s+care\s+regulatory)\s+inspectors?\b|\binspectors?\b")
        .expect("static regex")
});

/// What the visit looked at: "Inspectors looked at the local authority’s arrangements for …".
static FOCUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:during\s+this\s+visit,\s+)?(?:inspectors|the\s+visit|this\s+visit|this\s+inspection|the\s+inspection)\s+(?:looked\s+at|reviewed|considered|evaluated|focused\s+on|examined|assessed)\s+(?P<focus>[^.]+)")
        .expect("static regex")
});

/// A JTAI's theme in its opening sentence: "This letter summarises the findings of the joint
/// targeted area inspection (JTAI) of the multi-agency response to serious youth violence in
/// Barnsley."
static JTAI_THEME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:joint\s+targeted\s+area\s+inspection|JTAI)\)?\s+of\s+(?P<focus>the\s+multi-agency\s+response\s+to\s+[^.]+?)\s+in\s+(?-i:[A-Z])")
        .expect("static regex")
});

/// Leading words of a focus that say nothing of the subject.
static FOCUS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:the\s+)?(?:local\s+authority['’`]?s|council['’`]?s)\s+(?:arrangements|response|services|practice)\s+(?:for|to|with|in)\s+|the\s+(?:multi-agency\s+)?(?:response|arrangements|services|practice)\s+(?:for|to|with|in)\s+|how\s+the\s+local\s+authority\s+|the\s+progress\s+(?:made\s+)?(?:in|on|with)\s+)")
        .expect("static regex")
});

/// An area SEND outcome paragraph, with the rank its wording stands for.
static OUTCOMES: LazyLock<[(Regex, u8); 3]> = LazyLock::new(|| {
    let r = |p: &str| Regex::new(&format!("(?i){p}")).expect("static regex");
    [
        (r(r"typically\s+lead\s+to\s+positive\s+experiences"), 1),
        (r(r"lead\s+to\s+inconsistent\s+experiences"), 2),
        (r(r"widespread\s+and/or\s+systemic\s+failings"), 3),
    ]
});

/// The bodies that answer for an area SEND item, printed before its text in the table: the
/// item begins with them ("Bury Metropolitan Borough Council and NHS Greater Manchester ICB
/// Leaders across the partnership should …"), ending in an organisation's word.
static BODY_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Council|ICB|Board|Trust|Partnership|Authority)$").expect("static regex")
});

/// Organisations' names: capitalised words joined by a few small ones, no sentence's subject.
fn reads_as_names(body: &str) -> bool {
    const SMALL: &[&str] = &["and", "of", "the", "area", "upon", "on", "for", "in"];
    !body.contains('.')
        && body.split_whitespace().enumerate().all(|(i, w)| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            (w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || SMALL.contains(&w))
                && !(i > 0 && matches!(w, "Leaders" | "The" | "Area" | "Health"))
        })
}

/// Splits an item into its responsible body and its text, where it starts with a body. The
/// longest such start wins: "… Council and NHS Greater Manchester ICB", not "… Council".
/// A body is named by its organisations (a council is always one of them where the cell ends
/// in a place name, since the text layer can lose the cell's last line).
fn responsible_body(item: &str) -> Option<(String, String)> {
    // From the right: the longest body first.
    item.rmatch_indices(' ').find_map(|(at, _)| {
        let (body, text) = (&item[..at], &item[at + 1..]);
        let names_body = BODY_END.is_match(body)
            || body.contains("Council") && recommendations::is_body_only(body);
        (names_body
            && reads_as_names(body)
            && text.starts_with(|c: char| c.is_uppercase())
            && recommendations::ACTION.is_match(text))
        .then(|| (fold(body), text.to_string()))
    })
}

/// Reads a letter's or joint report's facts.
pub fn facts(framework: Framework, lines: &[Line], text: &ParagraphText) -> LetterFacts {
    let dated = letter_date(lines);
    let mut facts = LetterFacts {
        inspection: prose_dates(text, dated),
        letter_date: dated,
        inspectors: match framework {
            Framework::AreaSend => team_leads(text),
            Framework::Jtai => signatories(text).or_else(|| named_inspectors(text)),
            _ => named_inspectors(text),
        },
        focus: focus(text),
        ..LetterFacts::default()
    };
    if framework == Framework::AreaSend {
        if let Some((outcome, rank)) = send_outcome(text) {
            facts.outcome = Some(outcome);
            facts.outcome_rank = Some(rank);
        }
    }
    facts
}

/// A letter is dated on a line of its own on page 1 (at the top, though the PDF's reading
/// order can put it after the opening paragraphs).
fn letter_date(lines: &[Line]) -> Option<Date> {
    lines
        .iter()
        .take_while(|l| l.page == 1)
        .find_map(|l| dates::parse_date(&l.text))
}

/// The visit's dates, stated in the opening prose; a range printed without its year takes the
/// letter's.
fn prose_dates(text: &ParagraphText, letter_date: Option<Date>) -> Option<(Date, Date)> {
    text.paragraphs.iter().take(25).find_map(|p| {
        let lower = p.text.to_lowercase();
        if !(lower.contains("visit")
            || lower.contains("inspection")
            || lower.contains("took place")
            || lower.contains("inspected"))
        {
            return None;
        }
        PROSE_DATES.find_iter(&p.text).find_map(|m| {
            let rest = &p.text[m.end()..];
            dates::range_at_start(rest)
                .or_else(|| letter_date.and_then(|d| dates::range_at_start_before(rest, d)))
        })
    })
}

const HONORIFICS: &[&str] = &["Dr", "Mr", "Mrs", "Ms", "Miss", "Sir", "Dame"];

/// Names split at commas and "and", titles dropped, joined with " and ".
fn names(list: &str) -> Option<String> {
    let cleaned = NOT_NAME.replace_all(list, ",");
    // A name is the run of capitalised words a part starts with: a sentence that runs on
    // without its full stop ("… and B Inspectors looked at …") leaves the rest out.
    let names: Vec<String> = cleaned
        .split(',')
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" with "))
        .map(|part| {
            part.split_whitespace()
                .map(|w| w.trim_matches(|c: char| c == ',' || c == '.'))
                .skip_while(|w| HONORIFICS.contains(w))
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect::<Vec<_>>()
        })
        .filter(|words| (2..=5).contains(&words.len()))
        .map(|words| words.join(" "))
        .collect();
    (!names.is_empty()).then(|| names.join(" and "))
}

fn named_inspectors(text: &ParagraphText) -> Option<String> {
    text.paragraphs.iter().take(30).find_map(|p| {
        INSPECTORS
            .captures_iter(&p.text)
            .find_map(|c| names(c.name("names")?.as_str()))
    })
}

/// Area SEND reports list the team under "Inspection team": "Adam Sproston, Ofsted HMI, Lead
/// Inspector Claire Mason, CQC Lead Inspector Margaret Burke, Ofsted HMI …". The leads are
/// the inspectors named for the report.
fn team_leads(text: &ParagraphText) -> Option<String> {
    static ROLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i),\s+(?:(?:Ofsted|CQC)\s+)?(?:HMI|(?:lead\s+)?inspector)(?:,\s+(?:Ofsted\s+|CQC\s+)?lead\s+inspector)?")
            .expect("static regex")
    });
    let start = text
        .paragraphs
        .iter()
        .rposition(|p| p.text.trim().eq_ignore_ascii_case("inspection team"))?;
    let team: String = text.paragraphs[start + 1..]
        .iter()
        .take(4)
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
        .replace("Care Quality Commission", " ")
        .replace("Ofsted ", " ");
    let mut leads = Vec::new();
    let mut from = 0;
    for role in ROLE.find_iter(&team) {
        let name = team[from..role.start()]
            .trim()
            .trim_end_matches(" HMI")
            .trim();
        if role.as_str().to_lowercase().contains("lead") {
            if let Some(name) = names(name) {
                leads.push(name);
            }
        }
        from = role.end();
    }
    (!leads.is_empty()).then(|| leads.join(" and "))
}

/// A JTAI letter is signed by each inspectorate's lead: the names after "Yours sincerely".
fn signatories(text: &ParagraphText) -> Option<String> {
    const TITLE_WORDS: &[&str] = &[
        "National",
        "Regional",
        "Director",
        "Deputy",
        "Assistant",
        "Chief",
        "Inspector",
        "Interim",
        "Head",
        "Her",
        "His",
        "Ofsted",
        "Care",
        "Quality",
        "Commission",
        "HMI",
        "Constabulary",
        "Probation",
        "Senior",
        "Lead",
        "For",
        "On",
    ];
    let start = text
        .paragraphs
        .iter()
        .rposition(|p| p.text.trim().to_lowercase().starts_with("yours sincerely"))?;
    let mut found = Vec::new();
    for p in text.paragraphs[start + 1..].iter().take(16) {
        // A footnote or the back page ends the signatures.
        if p.text.starts_with(|c: char| c.is_ascii_digit()) || p.text.len() > 300 {
            break;
        }
        for piece in p.text.split(',') {
            let mut words = Vec::new();
            for word in piece.split_whitespace() {
                let w = word.trim_matches(|c: char| c == ',' || c == '.');
                if HONORIFICS.contains(&w) && words.is_empty() {
                    continue;
                }
                let namey = w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .skip(1)
                        .all(|c| c.is_lowercase() || "’'-".contains(c))
                    || is_apostrophe_name(w);
                if !namey || TITLE_WORDS.contains(&w) {
                    break;
                }
                words.push(w);
            }
            if (2..=4).contains(&words.len()) {
                found.push(words.join(" "));
            }
        }
    }
    (!found.is_empty()).then(|| found.join(" and "))
}

/// "O’Kelly", "McMillan": a capital after an apostrophe or "Mc".
fn is_apostrophe_name(word: &str) -> bool {
    let rest = word
        .strip_prefix("O’")
        .or_else(|| word.strip_prefix("O'"))
        .or_else(|| word.strip_prefix("Mc"))
        .or_else(|| word.strip_prefix("Mac"));
    rest.is_some_and(|r| {
        r.chars().next().is_some_and(char::is_uppercase)
            && r.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
    })
}

/// What the visit or inspection looked at, one line: what inspectors looked at, else a JTAI's
/// theme, else (2020–21 visits) the pandemic context the visit was about.
fn focus(text: &ParagraphText) -> Option<String> {
    [&*FOCUS, &*JTAI_THEME, &*PANDEMIC]
        .into_iter()
        .find_map(|pattern| {
            text.paragraphs
                .iter()
                .take(30)
                .find_map(|p| focus_words(pattern.captures(p.text.trim())?.name("focus")?.as_str()))
        })
}

/// A focus as one line, without the leading words that say nothing of the subject ("the local
/// authority’s arrangements for", "the multi-agency response to").
pub fn focus_words(focus: &str) -> Option<String> {
    let focus = FOCUS_LEAD.replace(focus.trim(), "");
    let focus = fold(focus.trim_end_matches(['.', ',', ';', ':']));
    (!focus.is_empty()).then_some(focus)
}

/// "… is leading Ofsted’s work into how England’s social care system has delivered
/// child-centred practice and care within the context of the restrictions …" (2020–21).
static PANDEMIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)leading\s+Ofsted['’`]?s\s+work\s+into\s+how\s+(?P<focus>[^.]+)")
        .expect("static regex")
});

/// The area SEND outcome paragraph (after "Inspection outcome") and its rank.
fn send_outcome(text: &ParagraphText) -> Option<(String, u8)> {
    text.paragraphs.iter().take(20).find_map(|p| {
        OUTCOMES
            .iter()
            .find(|(pattern, _)| pattern.is_match(&p.text))
            .map(|(_, rank)| (fold(&p.text), *rank))
    })
}

/// The national framework reference of an item: "(Outcome 3, national framework)" →
/// ("Outcome 3", Some(3)); "(Enabler 3, national framework)" → ("Enabler 3", None).
pub fn national_framework_ref(item: &str) -> Option<(String, Option<u8>)> {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\(\s*(?P<kind>outcome|enabler|principle)\s+(?P<n>\d{1,2})\s*,\s*(?:the\s+)?national\s+framework\s*\)")
            .expect("static regex")
    });
    let c = TAG.captures(item)?;
    let kind = c.name("kind")?.as_str();
    let n: u8 = c.name("n")?.as_str().parse().ok()?;
    let mut label = kind.to_lowercase();
    label[..1].make_ascii_uppercase();
    let outcome = kind.eq_ignore_ascii_case("outcome").then_some(n);
    Some((format!("{label} {n}"), outcome))
}

/// Facts of each item: its national framework outcome and, for area SEND tables, the
/// responsible body printed before it (taken off the item's text).
pub fn item_facts(items: &mut [String], with_bodies: bool) -> Vec<ItemFacts> {
    items
        .iter_mut()
        .map(|item| {
            let reference = national_framework_ref(item);
            let mut facts = ItemFacts {
                national_framework_outcome: reference.as_ref().and_then(|r| r.1),
                national_framework_ref: reference.map(|r| r.0),
                responsible_body: None,
            };
            if with_bodies {
                if let Some((body, text)) = responsible_body(item) {
                    facts.responsible_body = Some(body);
                    *item = text;
                }
            }
            facts
        })
        .collect()
}

/// The lists of a letter or joint report: improvement items and priority actions.
pub fn lists(
    framework: Framework,
    lines: &[Line],
    text: &ParagraphText,
) -> (Vec<String>, Vec<String>) {
    // Area SEND reports print their items in tables; letters in bulleted lists.
    let tables = framework == Framework::AreaSend;
    let improve = if tables {
        recommendations::improvement_table(text, lines)
    } else {
        recommendations::list_in(text, 0, text.paragraphs.len())
    };
    (improve, recommendations::priority_list(text, lines, tables))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_titles_and_run_on_words() {
        assert_eq!(
            names("A Person, HMI, and B Other, HMI").as_deref(),
            Some("A Person and B Other")
        );
        assert_eq!(
            names("Ann Example and Bob Sample Inspectors looked at the front door").as_deref(),
            Some("Ann Example and Bob Sample")
        );
        assert_eq!(
            names("Mr Carl Test, with Dee Trial, HMI designate").as_deref(),
            Some("Carl Test and Dee Trial")
        );
        assert_eq!(names("three of Her Majesty’s Inspectors"), None);
    }

    #[test]
    fn national_framework_references() {
        assert_eq!(
            national_framework_ref("The quality of plans. (Outcome 3, national framework)"),
            Some(("Outcome 3".into(), Some(3)))
        );
        assert_eq!(
            national_framework_ref("Caseloads. (Enabler 1, national framework)"),
            Some(("Enabler 1".into(), None))
        );
        assert_eq!(national_framework_ref("No tag here."), None);
    }

    #[test]
    fn responsible_bodies_are_the_longest_run_of_names() {
        let (body, text) = responsible_body(
            "Exampleshire County Council and NHS Example Integrated Care Board Leaders should act.",
        )
        .unwrap();
        assert_eq!(
            body,
            "Exampleshire County Council and NHS Example Integrated Care Board"
        );
        assert_eq!(text, "Leaders should act.");
        assert!(responsible_body("Leaders at NHS Example ICB should act.").is_none());
    }
}
