//! Recommendations: the numbered or bulleted list under "Recommendations", "What needs to
//! improve", "What does the local authority need to improve?" or "Areas for improvement".
//! Group headings ("Immediately:", "Within three months:", topic sub-headings) are skipped and
//! nested sub-bullets are folded into their parent item.

use super::clean::{join_lines, Line};
use super::shapes::{is_heading, numbered_prefix, BULLET};
use super::text::ParagraphText;
use crate::model::Paragraph;
use regex::Regex;
use std::sync::LazyLock;

static LIST_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:recommendations|areas for improvement|what needs to improve(?: in this (?:local authority|area of (?:social work )?practice))?\??\d?|what does the (?:local authority|lscb|local safeguarding children board) need to improve\??|what the lscb needs to improve)[.:]?$",
    )
    .expect("static regex")
});

static GROUP_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:immediately|within (?:\w+ )?(?:days|weeks|months?|(?:one|two|three|four|five|six|nine|twelve) months)|priority and immediate action|areas for (?:improvement|priority action)|priority actions?)\s*[:.]?$")
        .expect("static regex")
});

static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d+\.\s+)?(?:in order to improve\b.*|[^.]*\bthe following(?: actions?| steps| areas?)?\s*[.:])$")
        .expect("static regex")
});

static LSCB_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:section 2:?\s*)?(?:the\s+)?(?:review of\s+the\s+)?(?:effectiveness of\s+the\s+)?local safeguarding children board(?:\s*\(lscb\))?$")
        .expect("static regex")
});

/// Headings of the report's own sections, which end a list even when numbered paragraphs follow.
static NEXT_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)strengths|summary|findings|progress since|information about|about this|inspection|judgement|^the local authority|^contents")
        .expect("static regex")
});

/// The LSCB's part of a SIF report, which ends the authority's numbered list; in a JTAI
/// letter's bulleted list the board heads its own items.
static LSCB_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)safeguarding children board").expect("static regex"));

#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Bullet,
    Number,
}

fn marker(text: &str) -> Option<(Marker, &str)> {
    if let Some(rest) = text.strip_prefix(BULLET) {
        return Some((Marker::Bullet, rest));
    }
    numbered_prefix(text).map(|n| (Marker::Number, text[n..].trim_start()))
}

static PRIORITY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:areas?\s+for\s+priority\s+actions?|priority\s+actions?)\b")
        .expect("static regex")
});

/// Items under "Areas for priority action": bulleted in letters; in area SEND reports
/// (`tables`) a table whose rows are paragraphs (the heading cells run into the first row).
pub fn priority_list(text: &ParagraphText, lines: &[Line], tables: bool) -> Vec<String> {
    let Some(heading) = text
        .paragraphs
        .iter()
        .position(|p| PRIORITY_HEADING.is_match(p.text.trim()))
    else {
        return Vec::new();
    };
    if tables {
        table_rows(text, lines, heading)
    } else {
        items_after(&text.paragraphs, heading)
    }
}

/// The rows of an area SEND table of items, as paragraphs: from the heading (its cells
/// "Areas for improvement", "Responsible body" dropped) to the next section. Bullets fold
/// into the row above; a paragraph starting in lower case continues it.
pub fn table_rows(text: &ParagraphText, lines: &[Line], heading: usize) -> Vec<String> {
    // The header cells, however many times the text layer repeats them.
    static CELLS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:\s*(?:areas?\s+for\s+(?:priority\s+actions?|improvement)|responsible\s+bod(?:y|ies))\s*)+").expect("static regex")
    });
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:areas?\s+for\s+(?:priority\s+actions?|improvement)|local\s+area\s+partnership\s+details|information\s+about\s+this\s+inspection|inspection\s+team)\b").expect("static regex")
    });
    let first = CELLS.replace(text.paragraphs[heading].text.trim(), "");
    let mut items: Vec<Vec<String>> = Vec::new();
    if !first.trim().is_empty() {
        items.push(vec![first.trim().to_string()]);
    }
    for p in &text.paragraphs[heading + 1..] {
        let t = p.text.trim();
        if END.is_match(t) {
            break;
        }
        if let Some(body) = t.strip_prefix(BULLET) {
            match items.last_mut() {
                Some(last) => last.push(body.to_string()),
                None => items.push(vec![body.to_string()]),
            }
        } else if let Some(last) = items.last_mut().filter(|last| {
            // More of the row above: lower case, referring back, after a row cut mid-sentence
            // (a page break), or after a responsible body printed in a cell of its own.
            let before = last.last().map_or("", String::as_str);
            t.starts_with(|c: char| c.is_lowercase())
                || REFERS_BACK.is_match(t)
                || !before.trim_end().ends_with(['.', ':'])
                || is_body_only(before) && last.len() == 1
        }) {
            last.push(t.to_string());
        } else {
            items.push(vec![t.to_string()]);
        }
    }
    let rows: Vec<String> = items
        .into_iter()
        .map(|parts| join_lines(parts.iter().map(String::as_str)))
        .collect();
    // Where the text layer kept the rows apart (blank lines between them), they are the
    // items; where it ran the whole table into one paragraph, the sentences tell the rows.
    match rows.as_slice() {
        [only] => split_rows(only, lines),
        _ => rows,
    }
}

/// A table cell naming who answers for a row ("Oxfordshire County Council and NHS
/// Buckinghamshire, Oxfordshire, and Berkshire"): short, an organisation's words, no action.
pub fn is_body_only(text: &str) -> bool {
    static ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:Council|ICB|NHS|Integrated\s+Care\s+Board|Trust)\b")
            .expect("static regex")
    });
    text.split_whitespace().count() <= 25
        && ORGANISATION.is_match(text)
        && !ACTION.is_match(text)
        && !text.trim_end().ends_with('.')
}

/// A sentence that says who should act: "Leaders should …", "Health leaders need to …".
pub static ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?-i:[A-Z])[^.]{0,120}?\b(?:should|must|needs?\s+to)\b").expect("static regex")
});

/// A sentence that continues the action before it: "They should …", "… should also …".
static REFERS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:they|this|these|it|in\s+particular|in\s+addition|additionally|also)\b|\b(?:should|must)\s+also\b").expect("static regex")
});

/// The text layer runs a table's rows together with nothing between them. A row is an action
/// that starts a printed line ("Leaders should …", "The partnership must …") after a line that
/// ended a sentence; an action sentence that starts mid-line, or refers back ("They should …",
/// "… should also …"), is more of the same row.
fn split_rows(text: &str, lines: &[Line]) -> Vec<String> {
    let mut cuts: Vec<usize> = lines
        .windows(2)
        .filter(|pair| {
            let (before, line) = (&pair[0].text, &pair[1].text);
            before.trim_end().ends_with('.') && ACTION.is_match(line) && !REFERS_BACK.is_match(line)
        })
        .filter_map(|pair| text.find(pair[1].text.as_str()))
        .filter(|&at| at > 0)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut rows = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain([text.len()]) {
        let row = text[from..cut].trim();
        if !row.is_empty() {
            rows.push(row.to_string());
        }
        from = cut;
    }
    rows
}

/// An area SEND report's "Areas for improvement" table (rows as paragraphs, no bullets).
pub fn improvement_table(text: &ParagraphText, lines: &[Line]) -> Vec<String> {
    static HEADING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^areas?\s+for\s+improvement\b").expect("static regex"));
    // The heading printed alone (a contents line or the page's title) comes before the table's.
    match text
        .paragraphs
        .iter()
        .rposition(|p| HEADING.is_match(p.text.trim()))
    {
        Some(heading) => table_rows(text, lines, heading),
        None => Vec::new(),
    }
}

/// Where the LSCB part of a combined report begins (a heading after page 1).
pub fn lscb_part_start(text: &ParagraphText) -> Option<usize> {
    text.paragraphs
        .iter()
        .position(|p| p.page > 1 && LSCB_PART.is_match(p.text.trim()))
}

/// A list's heading, alone or (where the text layer ran it into the paragraph above, after a
/// finished sentence) ending a paragraph: "… management oversight. What needs to improve in
/// this area of social work practice".
fn is_list_heading(text: &str) -> bool {
    LIST_HEADING.is_match(text)
        || text
            .rsplit_once(". ")
            .is_some_and(|(_, last)| LIST_HEADING.is_match(last.trim()))
}

/// The recommendation list whose heading is the first one in `from..to`.
pub fn list_in(text: &ParagraphText, from: usize, to: usize) -> Vec<String> {
    let paragraphs = &text.paragraphs[..to.min(text.paragraphs.len())];
    match (from..paragraphs.len()).find(|&i| is_list_heading(paragraphs[i].text.trim())) {
        Some(heading) => items_after(paragraphs, heading),
        None => Vec::new(),
    }
}

/// The numbered or bulleted items under the heading at `heading`.
fn items_after(paragraphs: &[Paragraph], heading: usize) -> Vec<String> {
    let mut items: Vec<Vec<String>> = Vec::new();
    let mut kind: Option<Marker> = None;
    let mut last_number: Option<u32> = None;
    let mut first_number: Option<u32> = None;
    // After a sub-heading only a sibling item may follow; anything else is the next section.
    let mut after_sub_heading = false;
    let mut index = heading + 1;
    while index < paragraphs.len() {
        let text = paragraphs[index].text.trim();
        index += 1;
        if INTRO.is_match(text) || GROUP_HEADING.is_match(text) {
            continue;
        }
        let sub_heading_before = std::mem::take(&mut after_sub_heading);
        match marker(text) {
            Some((found, body)) if kind.is_none() || kind == Some(found) => {
                if found == Marker::Number {
                    // Numbered lists count 1, 2, 3...; a jump is the report's numbered paragraphs.
                    let number = leading_number(text);
                    if last_number.is_some_and(|n| Some(n + 1) != number) {
                        break;
                    }
                    last_number = number;
                    first_number = first_number.or(number);
                }
                kind = Some(found);
                items.push(vec![body.to_string()]);
            }
            // A bullet inside a numbered list is a sub-item of the item above.
            Some((Marker::Bullet, body)) if kind == Some(Marker::Number) && !sub_heading_before => {
                if let Some(last) = items.last_mut() {
                    last.push(body.to_string());
                }
            }
            Some(_) => break,
            None => {
                let next_is_item = paragraphs
                    .get(index)
                    .is_some_and(|p| marker(p.text.trim()).is_some());
                // An item cut by a page break goes on at the top of the next page, as prose
                // with no heading before it.
                let page = paragraphs[index - 1].page;
                let over_page =
                    index >= 2 && paragraphs[index - 2].page + 1 == page && !is_heading(text);
                let continues = over_page
                    || text
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase() || c == '(');
                if continues && !items.is_empty() {
                    if let Some(last) = items.last_mut() {
                        last.push(text.to_string());
                    }
                } else if next_is_item
                    && !numbered_from_body(first_number)
                    && is_sub_heading(text, kind == Some(Marker::Bullet))
                {
                    // A topic sub-heading such as "Care leavers" is not part of any item.
                    after_sub_heading = true;
                } else if items.is_empty() && next_is_item {
                    // Words that lead into the list ("The local authority needs to address
                    // the following areas of practice:") are not an item.
                } else {
                    break;
                }
            }
        }
    }
    items
        .into_iter()
        .map(|parts| join_lines(parts.iter().map(String::as_str)))
        .collect()
}

/// Lists numbered on from the report's paragraph numbers (e.g. 112, 113) have no topic
/// sub-headings: a heading there is the next section.
fn numbered_from_body(first_number: Option<u32>) -> bool {
    first_number.is_some_and(|n| n > 1)
}

fn leading_number(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// A topic sub-heading inside a list; words of the report's own sections end the list. A
/// JTAI letter heads its bulleted items by agency, the LSCB among them.
fn is_sub_heading(text: &str, between_bullets: bool) -> bool {
    text.split_whitespace().count() <= 10
        && !text.ends_with('.')
        && !NEXT_SECTION.is_match(text)
        && (between_bullets || !LSCB_HEADING.is_match(text))
}
