//! Judgement changes: pairing by domain across frameworks.

use crate::model::{Domain, Framework, Grade, Judgement, JudgementKey, Report};
use serde::Serialize;

/// How a judgement changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Improved,
    Declined,
    Unchanged,
    Added,
    Removed,
    /// The after report's framework does not give this judgement at all (the 2026 ILACS gives no overall
    /// effectiveness grade): not a judgement the authority lost.
    NotGiven,
    NotComparable,
}

impl Change {
    pub const ALL: [Change; 7] = [
        Change::Improved,
        Change::Declined,
        Change::Unchanged,
        Change::Added,
        Change::Removed,
        Change::NotGiven,
        Change::NotComparable,
    ];

    /// A word for people: reads the same in black and white.
    pub fn label(self) -> &'static str {
        match self {
            Change::Improved => "improved",
            Change::Declined => "declined",
            Change::Unchanged => "unchanged",
            Change::Added => "new judgement",
            Change::Removed => "no longer judged",
            Change::NotGiven => "not given by the other framework",
            Change::NotComparable => "not comparable",
        }
    }

    /// A mark that says the direction without colour: ▲ better, ▼ worse.
    pub fn symbol(self) -> &'static str {
        match self {
            Change::Improved => "▲",
            Change::Declined => "▼",
            Change::Unchanged => "=",
            Change::Added => "+",
            Change::Removed => "−",
            Change::NotGiven => "·",
            Change::NotComparable => "?",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct JudgementSide {
    pub key: JudgementKey,
    pub area: String,
    pub grade: String,
    pub scale_rank: Option<u8>,
    pub standard: Grade,
    /// Where the report states it (paragraph index and page).
    pub paragraph: Option<usize>,
    pub page: Option<u32>,
}

impl From<&Judgement> for JudgementSide {
    fn from(j: &Judgement) -> Self {
        JudgementSide {
            key: j.key,
            area: j.area.clone(),
            grade: j.grade.clone(),
            scale_rank: j.scale_rank,
            standard: j.standard,
            paragraph: j.evidence.map(|e| e.paragraph),
            page: j.evidence.map(|e| e.page),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct JudgementRow {
    pub domain: Domain,
    /// The domain for people ("Children in care"): `domain`'s label.
    pub label: &'static str,
    pub before: Option<JudgementSide>,
    pub after: Option<JudgementSide>,
    pub change: Change,
    pub note: Option<String>,
}

fn find<'a>(report: &'a Report, keys: &[JudgementKey]) -> Option<&'a Judgement> {
    // The most specific key wins: a separate judgement before a combined one.
    keys.iter().find_map(|k| report.judgement(*k))
}

/// Frameworks graded on the 2012–13 scale, where rank 3 was "Adequate".
fn adequate_scale(framework: Framework) -> bool {
    matches!(framework, Framework::Lac2013 | Framework::Cp2012)
}

/// Whether the later report's framework gives a judgement of this domain at all.
fn after_gives(after: &Report, domain: Domain) -> bool {
    let keys = after.framework.expected_keys(true);
    domain.keys().iter().any(|k| keys.contains(k))
}

pub fn pair(before: &Report, after: &Report) -> Vec<JudgementRow> {
    let mut rows = Vec::new();
    // A letter or joint report judges nothing: a table would show every judgement "no longer
    // judged" (or "new") when the letter simply gives none.
    if before.framework.is_letter_or_joint() || after.framework.is_letter_or_joint() {
        return rows;
    }
    for domain in Domain::ALL {
        let (b, a) = (find(before, domain.keys()), find(after, domain.keys()));
        if b.is_none() && a.is_none() {
            continue;
        }
        let change = match (b, a) {
            (None, Some(_)) => Change::Added,
            (Some(_), None) if !after_gives(after, domain) => Change::NotGiven,
            (Some(_), None) => Change::Removed,
            (Some(b), Some(a)) => match (b.scale_rank, a.scale_rank) {
                (Some(x), Some(y)) if y < x => Change::Improved,
                (Some(x), Some(y)) if y > x => Change::Declined,
                (Some(_), Some(_)) => Change::Unchanged,
                _ => Change::NotComparable,
            },
            (None, None) => unreachable!("skipped above"),
        };
        let mut notes = Vec::new();
        if let (Some(b), Some(a)) = (b, a) {
            if adequate_scale(before.framework) != adequate_scale(after.framework)
                && (b.scale_rank == Some(3) || a.scale_rank == Some(3) || domain == Domain::Overall)
            {
                notes.push("Before 2014 the third grade was Adequate; since then it is Requires improvement (to be good), a higher bar: both are rank 3.".to_string());
            }
            let combined = |j: &Judgement| j.key == JudgementKey::InCareAndCareLeavers;
            if combined(b) != combined(a) {
                notes.push("One inspection judged children in care and care leavers together and the other separately; the combined grade is compared with each separate one.".to_string());
            }
            if domain == Domain::Overall
                && (before.framework == Framework::Lac2013)
                    != (after.framework == Framework::Lac2013)
            {
                notes.push("The looked after children inspection's overall effectiveness covers children in care only, not the whole service.".to_string());
            }
            if domain == Domain::Overall
                && (before.framework == Framework::Cp2012) != (after.framework == Framework::Cp2012)
            {
                notes.push("The child protection inspection's overall effectiveness covers help and protection only, not the whole service.".to_string());
            }
            if b.scale_rank.is_none() || a.scale_rank.is_none() {
                notes.push("Not judged in one of the inspections.".to_string());
            }
        } else if domain == Domain::Overall && a.is_none() && !after.framework.gives_overall() {
            // Not a judgement the authority lost: the later framework gives none.
            notes.push(format!("{}.", after.framework.no_overall_reason()));
        } else if let Some(j) = a.or(b) {
            if j.key == JudgementKey::InCareAndCareLeavers {
                notes
                    .push("A combined judgement of children in care and care leavers.".to_string());
            }
        }
        rows.push(JudgementRow {
            domain,
            label: domain.label(),
            before: b.map(JudgementSide::from),
            after: a.map(JudgementSide::from),
            change,
            note: (!notes.is_empty()).then(|| notes.join(" ")),
        });
    }
    rows
}
