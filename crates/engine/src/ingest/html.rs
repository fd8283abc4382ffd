//! HTML: a saved web page. Scripts, styles, navigation and page chrome are dropped; block
//! elements become line breaks so paragraphs and list items survive.

use super::find;
use crate::error::Problem;
use scraper::{Html, Node};

/// How deep a page may nest its elements. Ofsted's pages nest about twenty deep; the HTML
/// parser checks the open elements at every tag, so 200,000 nested `<div>`s would take it
/// hours, and the text walk below recurses once per level.
pub const MAX_DEPTH: usize = 256;

/// How many elements a page may have. A report's page has a few thousand; a million `<li>`s
/// took seconds and hundreds of megabytes to parse.
pub const MAX_ELEMENTS: usize = 100_000;

/// Elements that never hold others (void), and ones a sibling of the same kind closes (`<p>`,
/// `<li>`, table cells): neither deepens the page however often they stand unclosed.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
];

/// Refuses a page over the depth or element budget before the parser sees it, from a quick
/// scan of its tags (hand-written: the point is not to run the parser; the scan need only
/// bound what the parser will meet, not agree with it exactly).
pub(super) fn check_budget(source: &str) -> Result<(), Problem> {
    let bytes = source.as_bytes();
    let (mut depth, mut deepest, mut elements) = (0usize, 0usize, 0usize);
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset + 1;
        at = start;
        let rest = &bytes[start..];
        if rest.starts_with(b"!--") {
            // A comment: skip to its end.
            at = find(rest, b"-->").map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name: Vec<u8> = rest[usize::from(closing)..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .map(u8::to_ascii_lowercase)
            .collect();
        if name.is_empty() || !name[0].is_ascii_alphabetic() {
            continue;
        }
        let flat = FLAT.iter().any(|f| f.as_bytes() == name.as_slice());
        if closing {
            if !flat {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        elements += 1;
        if elements > MAX_ELEMENTS {
            return Err(Problem::HtmlTooLarge {
                limit: MAX_ELEMENTS,
            });
        }
        let end = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
        let self_closed = end > 0 && rest[end - 1] == b'/';
        if !flat && !self_closed {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > MAX_DEPTH {
                return Err(Problem::HtmlTooDeep { limit: MAX_DEPTH });
            }
        }
    }
    Ok(())
}

pub(super) fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html")
        || head.contains("<body")
}

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "svg", "form", "button",
    "iframe", "head",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "table",
    "ul",
    "ol",
    "br",
    "blockquote",
    "dd",
    "dt",
    "title",
    "aside",
];

/// The page's text, once it is within the budgets ([`check_budget`]).
pub(super) fn to_text(source: &str) -> Result<String, Problem> {
    check_budget(source)?;
    let document = Html::parse_document(source);
    let mut out = String::new();
    // The document title is kept: a saved "Report not found" page says so only there.
    if let Some(title) = document
        .select(&scraper::Selector::parse("title").expect("static selector"))
        .next()
    {
        out.push_str(title.text().collect::<String>().trim());
        out.push('\n');
    }
    walk(document.tree.root(), &mut out);
    Ok(out)
}

fn walk(node: ego_tree::NodeRef<'_, Node>, out: &mut String) {
    for child in node.children() {
        match child.value() {
            Node::Text(text) => {
                let collapsed = crate::whitespace::fold(text);
                if !collapsed.is_empty() {
                    if !out.is_empty()
                        && !out.ends_with(['\n', ' '])
                        && text.starts_with(char::is_whitespace)
                    {
                        out.push(' ');
                    }
                    out.push_str(&collapsed);
                    if text.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
            }
            Node::Element(element) => {
                let name = element.name();
                if SKIPPED.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    newline(out);
                }
                if name == "li" {
                    out.push_str("• ");
                }
                if name == "td" || name == "th" {
                    out.push('\t');
                }
                walk(child, out);
                if block {
                    newline(out);
                }
            }
            _ => {}
        }
    }
}

fn newline(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_scripts_and_navigation() {
        let page =
            "<!DOCTYPE html><html><head><title>Report</title><script>alert(1)</script></head>\
            <body><nav>Home | Menu</nav><h1>Inspection of Kent</h1><p>Leaders are <b>good</b>.</p>\
            <ul><li>one</li><li>two</li></ul></body></html>";
        let text = to_text(page).unwrap();
        assert!(!text.contains("alert"));
        assert!(!text.contains("Menu"));
        assert!(
            text.contains("Inspection of Kent\nLeaders are good.\n• one\n• two"),
            "{text:?}"
        );
    }

    #[test]
    fn pages_over_the_depth_or_element_budget_are_refused_before_parsing() {
        let deep = format!(
            "<html><body>{}</body></html>",
            "<div>".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(
            check_budget(&deep),
            Err(Problem::HtmlTooDeep { limit: MAX_DEPTH })
        );
        let wide = format!(
            "<html><body><ul>{}</ul></body></html>",
            "<li>x".repeat(MAX_ELEMENTS)
        );
        assert_eq!(
            check_budget(&wide),
            Err(Problem::HtmlTooLarge {
                limit: MAX_ELEMENTS
            })
        );
        // Unclosed paragraphs and list items, void elements and comments do not deepen a page.
        let flat = format!(
            "<html><body>{}<!-- <div><div> --><div><img src=x><br/></div></body></html>",
            "<p>para<li>item".repeat(1000)
        );
        assert_eq!(check_budget(&flat), Ok(()));
    }
}
