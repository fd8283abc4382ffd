//! Recommendations: the numbered or bulleted list under "Recommendations", "What needs to
//! improve", "What does the local authority need to improve?" or "Areas for improvement".
//! Group headings ("Immediately:", "Within three months:", topic sub-headings) are skipped and
//! nested sub-bullets are folded into their parent item.

use super::clean::{join_lines, numbered_prefix, BULLET};
use super::text::ParagraphText;
use regex::Regex;
use std::sync::LazyLock;

static LIST_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:recommendations|areas for improvement|what needs to improve(?: in this local authority)?\??|what does the (?:local authority|lscb|local safeguarding children board) need to improve\??|what the lscb needs to improve)[.:]?$",
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
    Regex::new(r"(?i)strengths|summary|findings|progress since|information about|about this|inspection|judgement|^the local authority|safeguarding children board|^contents")
        .expect("static regex")
});

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

/// Where the LSCB part of a combined report begins (a heading after page 1).
pub fn lscb_part_start(text: &ParagraphText) -> Option<usize> {
    text.paragraphs
        .iter()
        .position(|p| p.page > 1 && LSCB_PART.is_match(p.text.trim()))
}

/// The recommendation list whose heading is the first one in `from..to`.
pub fn list_in(text: &ParagraphText, from: usize, to: usize) -> Vec<String> {
    let paragraphs = &text.paragraphs[..to.min(text.paragraphs.len())];
    let Some(heading) =
        (from..paragraphs.len()).find(|&i| LIST_HEADING.is_match(paragraphs[i].text.trim()))
    else {
        return Vec::new();
    };
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
                let continues = text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || c == '(');
                if continues && !items.is_empty() {
                    if let Some(last) = items.last_mut() {
                        last.push(text.to_string());
                    }
                } else if is_sub_heading(text) && next_is_item && !numbered_from_body(first_number)
                {
                    // A topic sub-heading such as "Care leavers" is not part of any item.
                    after_sub_heading = true;
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

fn is_sub_heading(text: &str) -> bool {
    text.split_whitespace().count() <= 10 && !text.ends_with('.') && !NEXT_SECTION.is_match(text)
}
