//! Turns fuzz input into what the engine's stages take, shared by the fuzz targets and by the
//! regression test (`tests/integration/fuzz_regressions.rs`) that replays the kept corpus.

use inspection_engine::model::{Evidence, Judgement, Paragraph};
use inspection_engine::{Framework, JudgementKey, Report};

const KEYS: [&str; 13] = [
    "overall",
    "leadership",
    "help_protection",
    "in_care_and_care_leavers",
    "in_care",
    "looked_after",
    "care_leavers",
    "adoption",
    "lscb",
    "capacity_to_improve",
    "outcomes",
    "quality_of_provision",
    "quality_of_practice",
];

/// Reads any bytes as the body of a web page (the `html` target): the fuzzer's bytes decide the
/// tags and text, the wrapper makes sure the HTML path is taken.
pub fn read_as_web_page(data: &[u8]) {
    let mut page = b"<!DOCTYPE html><html><head><title>Inspection</title></head><body>".to_vec();
    page.extend_from_slice(data);
    page.extend_from_slice(b"</body></html>");
    let _ = inspection_engine::read_report_bytes(&page);
}

/// One report from text in a small line format, so that every input is a report and the fuzzer
/// spends its time in compare, not in being refused by extraction:
/// `J<k> <grade>` is a judgement (key number k, grade as printed, ranked as the engine ranks
/// it), `R <text>` a recommendation, `P <text>` a priority action, a form feed starts a page, any other line a paragraph.
/// The first byte picks the framework.
pub fn report_from(data: &[u8]) -> Report {
    let text = String::from_utf8_lossy(data);
    let framework = Framework::ALL[data.first().map_or(0, |b| *b as usize) % Framework::ALL.len()];
    let mut report = Report {
        local_authority: "Fuzzshire".into(),
        authority: None,
        framework,
        includes_lscb_review: data.len() % 2 == 0,
        title: "Fuzzed".into(),
        inspection_start: inspection_engine::model::Date::from_ymd(2018, 1, 1),
        inspection_end: None,
        published_in_report: None,
        lead_inspector: None,
        letter_date: None,
        focus: None,
        outcome: None,
        outcome_rank: None,
        judgements: Vec::new(),
        recommendations: Vec::new(),
        recommendation_facts: Vec::new(),
        lscb_recommendations: Vec::new(),
        priority_actions: Vec::new(),
        priority_action_facts: Vec::new(),
        sections: Vec::new(),
        paragraphs: Vec::new(),
        page_count: 1,
        warnings: Vec::new(),
    };
    let mut page = 1;
    for line in text.split('\n') {
        page += line.matches('\u{c}').count() as u32;
        let line = line.replace('\u{c}', "");
        if let Some(rest) = line.strip_prefix('J') {
            let (number, grade) = rest.split_once(' ').unwrap_or((rest, ""));
            let index = number.parse::<usize>().unwrap_or(0) % KEYS.len();
            let key: JudgementKey =
                serde_json::from_value(serde_json::Value::String(KEYS[index].into()))
                    .expect("every key name is known");
            report.judgements.push(Judgement {
                area: KEYS[index].replace('_', " "),
                grade: grade.to_string(),
                scale_rank: inspection_engine::model::Grade::of(grade).rank(),
                standard: inspection_engine::model::Grade::of(grade),
                key,
                statement: None,
                evidence: (!report.paragraphs.is_empty()).then(|| Evidence {
                    paragraph: report.paragraphs.len() - 1,
                    page,
                }),
            });
        } else if let Some(rest) = line.strip_prefix("R ") {
            report.recommendations.push(rest.to_string());
        } else if let Some(rest) = line.strip_prefix("P ") {
            report.priority_actions.push(rest.to_string());
        } else {
            report.paragraphs.push(Paragraph { text: line, page });
        }
    }
    report.page_count = page;
    report.sections = inspection_engine::extract::sections_of(&report.paragraphs);
    report
}

/// Two reports from one input: split at the first zero byte (or in the middle).
pub fn reports_from(data: &[u8]) -> (Report, Report) {
    let at = data.iter().position(|b| *b == 0).unwrap_or(data.len() / 2);
    let (a, b) = data.split_at(at);
    (report_from(a), report_from(b.get(1..).unwrap_or_default()))
}

/// Everything the compare target exercises: the comparison and the export formats. The PDF,
/// a hundred times slower to make than the rest, is made for one input length in eight, so
/// the fuzzer's time goes mostly to the comparison.
pub fn compare_and_render(data: &[u8]) {
    use inspection_engine::render::{render, Format, Summary};
    let (a, b) = reports_from(data);
    let comparison = inspection_engine::compare::compare(&a, &b);
    let summary = Summary::new(&comparison, "1 January 2026");
    for format in Format::ALL {
        if format != Format::Pdf || data.len() % 8 == 0 {
            let _ = render(&summary, format);
        }
    }
}
