//! HTML: a saved web page. Scripts, styles, navigation and page chrome are dropped; block
//! elements become line breaks so paragraphs and list items survive.

use scraper::{Html, Node};

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

pub(super) fn to_text(source: &str) -> String {
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
    out
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
        let text = to_text(page);
        assert!(!text.contains("alert"));
        assert!(!text.contains("Menu"));
        assert!(
            text.contains("Inspection of Kent\nLeaders are good.\n• one\n• two"),
            "{text:?}"
        );
    }
}
