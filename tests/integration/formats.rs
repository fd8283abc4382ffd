//! The format is decided by content: text in UTF-8, UTF-16 and Windows-1252, HTML pages, and
//! files whose extension lies. Inputs are made at test time from the corpus seed text.

use crate::support::{corpus, extract_json};
use serde_json::Value;

fn seed_text() -> String {
    std::fs::read_to_string(corpus().join("seeds/004_f6169653f68880f1.txt")).unwrap()
}

fn grades(report: &Value) -> Vec<(String, String)> {
    report["judgements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| {
            (
                j["key"].as_str().unwrap().to_string(),
                j["grade"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn reference() -> Value {
    extract_json(&corpus().join("seeds/004_f6169653f68880f1.txt")).unwrap()
}

#[test]
fn utf16_and_windows_1252_text_read_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let text = seed_text();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let utf16_path = dir.path().join("utf16.txt");
    std::fs::write(&utf16_path, utf16).unwrap();
    // Windows-1252 cannot hold every character; the seed's are all in it.
    let cp1252: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '’' => 0x92,
            '‘' => 0x91,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            c if (c as u32) < 0x100 => c as u8,
            _ => b'?',
        })
        .collect();
    let cp_path = dir.path().join("cp1252.txt");
    std::fs::write(&cp_path, cp1252).unwrap();
    let want = reference();
    for path in [&utf16_path, &cp_path] {
        let got = extract_json(path).unwrap();
        assert_eq!(got["framework"], "cp-2012");
        assert_eq!(grades(&got), grades(&want), "{}", path.display());
        assert_eq!(got["recommendations"], want["recommendations"]);
    }
}

#[test]
fn saved_web_page_drops_scripts_styles_and_navigation() {
    let dir = tempfile::tempdir().unwrap();
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>Ofsted report</title><style>p{color:red}</style>\
         <script>window.trackVisit('nav-menu-secret')</script></head><body>\
         <nav><a href='/'>Home</a> <a href='/find'>NAVIGATION-MENU-TEXT</a></nav><main>",
    );
    for line in seed_text().lines() {
        let escaped = line
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        match line.strip_prefix("- ") {
            Some(item) => html.push_str(&format!(
                "<ul><li>{}</li></ul>\n",
                item.replace('&', "&amp;").replace('<', "&lt;")
            )),
            None => html.push_str(&format!("<p>{escaped}</p>\n")),
        }
    }
    html.push_str("</main><footer>FOOTER-LINKS</footer></body></html>");
    // Named .pdf on purpose: the content decides.
    let path = dir.path().join("saved-page.pdf");
    std::fs::write(&path, html).unwrap();
    let got = extract_json(&path).unwrap();
    assert_eq!(got["framework"], "cp-2012");
    assert_eq!(grades(&got), grades(&reference()));
    let all_text: String = got["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    for hidden in [
        "NAVIGATION-MENU-TEXT",
        "trackVisit",
        "color:red",
        "FOOTER-LINKS",
    ] {
        assert!(!all_text.contains(hidden), "{hidden} leaked into the text");
    }
}

#[test]
fn a_pdf_named_txt_is_read_as_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    std::fs::copy(corpus().join("reports/hertfordshire_2018-11-19.pdf"), &path).unwrap();
    let got = extract_json(&path).unwrap();
    assert_eq!(got["framework"], "ilacs-2018");
    assert_eq!(got["local_authority"], "Hertfordshire");
}

#[test]
fn pages_are_remembered_and_furniture_dropped() {
    let report =
        inspection_engine::read_report(&corpus().join("reports/norfolk_2013-08-16.pdf")).unwrap();
    assert_eq!(report.page_count, 23);
    assert!(report.paragraphs.iter().any(|p| p.page == 23));
    // The running header is printed on every page but belongs to none of the paragraphs.
    let header = "Norfolk County Council Inspection of looked after children services";
    assert!(
        report.paragraphs.iter().all(|p| !p.text.contains(header)),
        "running header kept"
    );
    // Real hyphens survive line ends.
    assert!(report
        .paragraphs
        .iter()
        .any(|p| p.text.contains("multi-agency")));
    // Bullet glyphs are folded.
    assert!(report
        .paragraphs
        .iter()
        .all(|p| !p.text.contains('\u{f0a7}') && !p.text.contains('\u{f06e}')));
}
