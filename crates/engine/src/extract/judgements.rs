//! Judgements: each framework's headings, found with their grades in tables (however the cells
//! wrap) or in sentences ("Children’s services in X require improvement to be good").

use super::fold;
use super::text::ParagraphText;
use crate::model::{Evidence, Framework, Grade, Judgement, JudgementKey};
use regex::Regex;
use std::sync::LazyLock;

/// Grade words as printed, longest alternatives first.
const GRADE: &str = r"(?:requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate|adequate|not\s+judged)";

/// A heading pattern: words separated by any white space, apostrophes in either form. A word
/// in brackets may be missing ("[social] [work]"); `[#]` is an optional item number ("3.",
/// "2.1"), since some reports number the same heading differently.
fn heading(words: &str) -> String {
    let mut pattern = String::new();
    // Optional words before the first required one carry their own trailing space; every
    // word after it is preceded by one.
    let mut started = false;
    for word in words.split_whitespace() {
        let optional = word.strip_prefix('[').and_then(|w| w.strip_suffix(']'));
        let exact = match optional.unwrap_or(word) {
            "#" => r"\d(?:\.\d)?\.?".to_string(),
            w => regex::escape(w).replace(['’', '\''], "['’`]"),
        };
        let piece = match (optional.is_some(), started) {
            (true, false) => format!(r"(?:{exact}\s+)?"),
            (true, true) => format!(r"(?:\s+{exact})?"),
            (false, false) => exact,
            (false, true) => format!(r"\s+{exact}"),
        };
        started |= optional.is_none();
        pattern.push_str(&piece);
    }
    pattern
}

struct Row {
    key: JudgementKey,
    pattern: Regex,
}

fn rows(spec: &[(JudgementKey, &str)]) -> Vec<Row> {
    spec.iter()
        .map(|(key, words)| Row {
            key: *key,
            // The grade must follow the heading directly (a footnote digit or a stray full stop
            // may sit between).
            pattern: Regex::new(&format!(
                r"(?i)(?P<area>{})\.?\s+(?:\d\s+)?(?P<grade>{GRADE})\b",
                heading(words)
            ))
            .expect("static regex"),
        })
        .collect()
}

static ILACS: LazyLock<Vec<Row>> = LazyLock::new(|| {
    use JudgementKey::*;
    rows(&[
        (
            Leadership,
            // "social work" is missing from some 2026 reports' tables.
            "The impact of leaders on [social] [work] practice with children and families",
        ),
        (
            HelpProtection,
            "The experiences and progress of children who need help and protection",
        ),
        (
            InCareAndCareLeavers,
            "The experiences and progress of children in care and care leavers",
        ),
        (InCare, "The experiences and progress of children in care"),
        // Some 2025–26 tables print "children care leavers".
        (
            CareLeavers,
            "The experiences and progress of [children] care leavers",
        ),
        (Overall, "Overall effectiveness"),
    ])
});

static SIF: LazyLock<Vec<Row>> = LazyLock::new(|| {
    use JudgementKey::*;
    rows(&[
        (HelpProtection, "[#] Children who need help and protection"),
        (
            LookedAfter,
            "[#] Children looked after and achieving permanence",
        ),
        (Adoption, "[#] Adoption performance"),
        (CareLeavers, "[#] Experiences and progress of care leavers"),
        (Leadership, "[#] Leadership, management and governance"),
    ])
});

static LAC: LazyLock<Vec<Row>> = LazyLock::new(|| {
    use JudgementKey::*;
    rows(&[
        (Overall, "Overall effectiveness"),
        (CapacityToImprove, "Capacity to improve"),
        (
            Outcomes,
            "Outcomes for looked after children and young people",
        ),
        (QualityOfProvision, "Quality of provision"),
        (Leadership, "Leadership and management"),
    ])
});

static CP: LazyLock<Vec<Row>> = LazyLock::new(|| {
    use JudgementKey::*;
    rows(&[
        (Overall, "Overall effectiveness"),
        (HelpProtection, "The effectiveness of the help and protection provided to children, young people, families and carers"),
        (QualityOfPractice, "The quality of practice"),
        (Leadership, "Leadership and governance"),
    ])
});

/// SIF overall sentence: "Children’s services in X are good", "The overall judgement is that
/// children’s services are inadequate", "… is that children’s services require improvement",
/// "The overall judgement is requires improvement." The sentence may run on into the next one
/// where the paragraph join missed its full stop.
static OVERALL_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?P<area>children['’`]?s\s+services\s+in\s+.+?|the\s+overall\s+judgement)\s+(?:is\s+that\s+children['’`]?s\s+services\s+(?:are\s+)?|are\s+|is\s+)?(?P<grade>{GRADE}){SENTENCE_END}"
    ))
    .expect("static regex")
});

/// The end of a judgement sentence: the paragraph's end, or a full stop or a capital starting
/// the next sentence.
const SENTENCE_END: &str = r"(?:\s*\.?\s*$|(?-i:\s*\.?\s+[A-Z]))";

/// LSCB sentence: "The Local Safeguarding Children Board is good", "The effectiveness of the
/// Local Safeguarding Children Board (LSCB) is inadequate".
static LSCB_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?P<area>the\s+(?:judgement\s+for\s+the\s+)?(?:effectiveness\s+of\s+the\s+)?local\s+safeguarding\s+children\s+board(?:\s*\(LSCB\))?)\s+(?:(?:are|is)\s+)?(?P<grade>{GRADE}){SENTENCE_END}"
    ))
    .expect("static regex")
});

/// Finds every judgement of `framework` in the text.
pub fn find(framework: Framework, text: &ParagraphText, with_lscb: bool) -> Vec<Judgement> {
    let mut found = Vec::new();
    match framework {
        Framework::Ilacs2018 | Framework::Ilacs2023 | Framework::Ilacs2026 => {
            // The table is on the first page; later mentions are prose.
            table(&ILACS, text, text.offset_of_page(3), &mut found);
        }
        Framework::Sif2013 | Framework::SifReinspection => {
            if let Some(j) = sentence(&OVERALL_SENTENCE, JudgementKey::Overall, text) {
                found.push(j);
            }
            table(&SIF, text, text.offset_of_page(3), &mut found);
            if with_lscb {
                found.extend(sentence(&LSCB_SENTENCE, JudgementKey::Lscb, text));
            }
        }
        Framework::LscbReview => found.extend(sentence(&LSCB_SENTENCE, JudgementKey::Lscb, text)),
        Framework::Lac2013 | Framework::Cp2012 => {
            let rows: &[Row] = if framework == Framework::Lac2013 {
                &LAC
            } else {
                &CP
            };
            // Graded in the "Record of main findings" table at the end; the contents page
            // names it too, so the last mention is the table.
            let start = text
                .last_heading_offset("Record of main findings")
                .unwrap_or(0);
            table_from(rows, text, start, text.full.len(), &mut found);
        }
        Framework::FocusedVisit
        | Framework::MonitoringVisit
        | Framework::Jtai
        | Framework::AreaSend => {}
    }
    let order = framework.expected_keys(true);
    found.sort_by_key(|j| order.iter().position(|k| *k == j.key).unwrap_or(usize::MAX));
    found
}

fn table(rows: &[Row], text: &ParagraphText, end: usize, found: &mut Vec<Judgement>) {
    table_from(rows, text, 0, end, found)
}

fn table_from(
    rows: &[Row],
    text: &ParagraphText,
    start: usize,
    end: usize,
    found: &mut Vec<Judgement>,
) {
    let region = &text.full[start..end];
    for row in rows {
        if found.iter().any(|j| j.key == row.key) {
            continue;
        }
        let hit = row.pattern.captures(region);
        if let Some(c) = hit {
            let area = c.name("area").map_or("", |m| m.as_str());
            let grade = c.name("grade").map_or("", |m| m.as_str());
            let at = start + c.get(0).map_or(0, |m| m.start());
            found.push(Judgement {
                area: fold(area),
                grade: fold(grade),
                scale_rank: Grade::of(grade).rank(),
                standard: Grade::of(grade),
                key: row.key,
                statement: None,
                evidence: Some(text.evidence_at(at)),
            });
        }
    }
}

fn sentence(pattern: &Regex, key: JudgementKey, text: &ParagraphText) -> Option<Judgement> {
    let paragraphs = &text.paragraphs;
    paragraphs.iter().enumerate().find_map(|(index, p)| {
        let own = p.text.trim_end_matches(|c: char| c.is_ascii_digit());
        // The grade can be printed on a line of its own under the heading
        // ("The effectiveness of the LSCB" / "Requires improvement.").
        let joined = paragraphs
            .get(index + 1)
            .filter(|next| next.text.split_whitespace().count() <= 6)
            .map(|next| format!("{own} {}", next.text));
        let (candidate, area, grade_range) = std::iter::once(own.to_string())
            .chain(joined)
            .find_map(|candidate| {
                let c = pattern.captures(&candidate)?;
                let (area, grade) = (c.name("area")?.range(), c.name("grade")?.range());
                Some((candidate, area, grade))
            })?;
        let grade = fold(&candidate[grade_range.clone()]);
        Some(Judgement {
            scale_rank: Grade::of(&grade).rank(),
            standard: Grade::of(&grade),
            // The sentence up to its grade: a run-on next sentence is not part of it.
            statement: Some(fold(&candidate[..grade_range.end])),
            area: fold(&candidate[area]),
            grade,
            key,
            evidence: Some(Evidence {
                paragraph: index,
                page: p.page,
            }),
        })
    })
}
