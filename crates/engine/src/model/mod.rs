//! The report model: the hand-off type between `extract` and every later stage.
//!
//! Field names follow the corpus's `expected.json`, so `extract --json` output can be
//! checked against hand-made answers and read by other tools without translation.

use serde::{Deserialize, Serialize};

mod date;
mod vocabulary;
pub use date::Date;
pub use vocabulary::{Domain, Grade, Round, Topic, TrackerStatus};

/// An inspection framework, detected from the report's own title and judgement table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub enum Framework {
    /// Inspection of looked after children services (2012–13).
    #[serde(rename = "lac-2013")]
    Lac2013,
    /// Inspection of local authority arrangements for the protection of children (2012–13).
    #[serde(rename = "cp-2012")]
    Cp2012,
    /// Single inspection framework (2013–18), with or without the LSCB review.
    #[serde(rename = "sif-2013")]
    Sif2013,
    /// Re-inspection under the single inspection framework (2016–18).
    #[serde(rename = "sif-reinspection")]
    SifReinspection,
    /// Stand-alone review of the Local Safeguarding Children Board (2015).
    #[serde(rename = "lscb-review")]
    LscbReview,
    /// Inspection of local authority children's services, four judgements (2018–23).
    #[serde(rename = "ilacs-2018")]
    Ilacs2018,
    /// Inspection of local authority children's services, five judgements (2023–26).
    #[serde(rename = "ilacs-2023")]
    Ilacs2023,
    /// Inspection of local authority children's services after the April 2026 reform: four
    /// judgements and no overall effectiveness grade.
    #[serde(rename = "ilacs-2026")]
    Ilacs2026,
    /// An ILACS focused visit: findings, no grades.
    #[serde(rename = "focused-visit")]
    FocusedVisit,
    /// A monitoring visit to an authority judged inadequate: findings, no grades.
    #[serde(rename = "monitoring-visit")]
    MonitoringVisit,
    /// A joint targeted area inspection (Ofsted with CQC, HMICFRS and HMIP): a letter on one
    /// theme, no grades.
    #[serde(rename = "jtai")]
    Jtai,
    /// An area SEND inspection (2023 framework): one of three inspection outcomes, no grades.
    #[serde(rename = "area-send")]
    AreaSend,
}

impl Framework {
    pub const ALL: [Framework; 12] = [
        Framework::Lac2013,
        Framework::Cp2012,
        Framework::Sif2013,
        Framework::SifReinspection,
        Framework::LscbReview,
        Framework::Ilacs2018,
        Framework::Ilacs2023,
        Framework::Ilacs2026,
        Framework::FocusedVisit,
        Framework::MonitoringVisit,
        Framework::Jtai,
        Framework::AreaSend,
    ];

    /// The id used in JSON and on the command line, e.g. `"sif-2013"`.
    pub fn id(self) -> &'static str {
        match self {
            Framework::Lac2013 => "lac-2013",
            Framework::Cp2012 => "cp-2012",
            Framework::Sif2013 => "sif-2013",
            Framework::SifReinspection => "sif-reinspection",
            Framework::LscbReview => "lscb-review",
            Framework::Ilacs2018 => "ilacs-2018",
            Framework::Ilacs2023 => "ilacs-2023",
            Framework::Ilacs2026 => "ilacs-2026",
            Framework::FocusedVisit => "focused-visit",
            Framework::MonitoringVisit => "monitoring-visit",
            Framework::Jtai => "jtai",
            Framework::AreaSend => "area-send",
        }
    }

    /// A name for people, e.g. "Single inspection framework (2013–18)".
    pub fn label(self) -> &'static str {
        match self {
            Framework::Lac2013 => "Looked after children inspection (2012–13)",
            Framework::Cp2012 => "Child protection inspection (2012–13)",
            Framework::Sif2013 => "Single inspection framework (2013–18)",
            Framework::SifReinspection => "Single inspection framework re-inspection (2016–18)",
            Framework::LscbReview => "LSCB review (2015)",
            Framework::Ilacs2018 => "ILACS inspection (2018–23)",
            Framework::Ilacs2023 => "ILACS inspection (2023–26)",
            Framework::Ilacs2026 => "ILACS inspection (from the 2026 reform, no overall grade)",
            Framework::FocusedVisit => "ILACS focused visit (ungraded)",
            Framework::MonitoringVisit => "Monitoring visit (ungraded)",
            Framework::Jtai => "Joint targeted area inspection (ungraded)",
            Framework::AreaSend => "Area SEND inspection (outcome, not graded)",
        }
    }

    pub fn from_id(id: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.id() == id)
    }

    /// What to say where a graded inspection shows no overall effectiveness grade.
    pub fn no_overall_reason(self) -> &'static str {
        match self {
            Framework::Ilacs2026 => "No overall grade: not given since the 2026 reform",
            _ => "No overall judgement",
        }
    }

    /// What follows "Overall effectiveness: " where a report of this framework shows none.
    pub fn overall_absent(self) -> &'static str {
        match self {
            Framework::Ilacs2026 => "not given since the 2026 reform",
            _ => "not judged",
        }
    }

    /// Whether its inspections give an overall effectiveness grade (not since the 2026 reform).
    pub fn gives_overall(self) -> bool {
        self.expected_keys(false).contains(&JudgementKey::Overall)
    }

    /// The inspection round it belongs to; `None` for letters, joint reports and the
    /// stand-alone LSCB review (no round of the authority's services).
    pub fn round(self) -> Option<Round> {
        match self {
            Framework::Lac2013 | Framework::Cp2012 => Some(Round::Separate2012),
            Framework::Sif2013 | Framework::SifReinspection => Some(Round::Sif),
            Framework::Ilacs2018 => Some(Round::Ilacs2018),
            Framework::Ilacs2023 => Some(Round::Ilacs2023),
            Framework::Ilacs2026 => Some(Round::Ilacs2026),
            Framework::LscbReview
            | Framework::FocusedVisit
            | Framework::MonitoringVisit
            | Framework::Jtai
            | Framework::AreaSend => None,
        }
    }

    /// Whether reports of this framework carry graded judgements at all.
    pub fn is_graded(self) -> bool {
        !self.is_letter_or_joint()
    }

    /// Letters and joint reports: ungraded documents between full inspections.
    pub fn is_letter_or_joint(self) -> bool {
        matches!(
            self,
            Framework::FocusedVisit
                | Framework::MonitoringVisit
                | Framework::Jtai
                | Framework::AreaSend
        )
    }

    /// The judgement keys a complete report of this framework grades.
    /// `with_lscb` applies to `sif-2013`, which may or may not include the LSCB review.
    pub fn expected_keys(self, with_lscb: bool) -> Vec<JudgementKey> {
        use JudgementKey::*;
        match self {
            Framework::Lac2013 => vec![
                Overall,
                CapacityToImprove,
                Outcomes,
                QualityOfProvision,
                Leadership,
            ],
            Framework::Cp2012 => vec![Overall, HelpProtection, QualityOfPractice, Leadership],
            Framework::Sif2013 | Framework::SifReinspection => {
                let mut keys = vec![
                    Overall,
                    HelpProtection,
                    LookedAfter,
                    Adoption,
                    CareLeavers,
                    Leadership,
                ];
                if with_lscb {
                    keys.push(Lscb);
                }
                keys
            }
            Framework::LscbReview => vec![Lscb],
            Framework::Ilacs2018 => vec![Leadership, HelpProtection, InCareAndCareLeavers, Overall],
            Framework::Ilacs2023 => vec![Leadership, HelpProtection, InCare, CareLeavers, Overall],
            // The 2026 reform removed the overall effectiveness grade.
            Framework::Ilacs2026 => vec![Leadership, HelpProtection, InCare, CareLeavers],
            Framework::FocusedVisit
            | Framework::MonitoringVisit
            | Framework::Jtai
            | Framework::AreaSend => vec![],
        }
    }
}

impl std::fmt::Display for Framework {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// The canonical id of a judgement, for comparing across frameworks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum JudgementKey {
    Overall,
    Leadership,
    HelpProtection,
    InCareAndCareLeavers,
    InCare,
    LookedAfter,
    CareLeavers,
    Adoption,
    Lscb,
    CapacityToImprove,
    Outcomes,
    QualityOfProvision,
    QualityOfPractice,
}

impl JudgementKey {
    pub const ALL: [JudgementKey; 13] = [
        JudgementKey::Overall,
        JudgementKey::Leadership,
        JudgementKey::HelpProtection,
        JudgementKey::InCareAndCareLeavers,
        JudgementKey::InCare,
        JudgementKey::LookedAfter,
        JudgementKey::CareLeavers,
        JudgementKey::Adoption,
        JudgementKey::Lscb,
        JudgementKey::CapacityToImprove,
        JudgementKey::Outcomes,
        JudgementKey::QualityOfProvision,
        JudgementKey::QualityOfPractice,
    ];

    pub fn from_id(id: &str) -> Option<JudgementKey> {
        JudgementKey::ALL.into_iter().find(|k| k.id() == id)
    }

    /// A short name for people: printed headings run to twenty words.
    pub fn label(self) -> &'static str {
        match self {
            JudgementKey::Overall => "Overall effectiveness",
            JudgementKey::Leadership => "Leadership",
            JudgementKey::HelpProtection => "Help and protection",
            JudgementKey::InCareAndCareLeavers => "Children in care and care leavers",
            JudgementKey::InCare => "Children in care",
            JudgementKey::LookedAfter => "Children looked after",
            JudgementKey::CareLeavers => "Care leavers",
            JudgementKey::Adoption => "Adoption",
            JudgementKey::Lscb => "Safeguarding board (LSCB)",
            JudgementKey::CapacityToImprove => "Capacity to improve",
            JudgementKey::Outcomes => "Outcomes",
            JudgementKey::QualityOfProvision => "Quality of provision",
            JudgementKey::QualityOfPractice => "Quality of practice",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            JudgementKey::Overall => "overall",
            JudgementKey::Leadership => "leadership",
            JudgementKey::HelpProtection => "help_protection",
            JudgementKey::InCareAndCareLeavers => "in_care_and_care_leavers",
            JudgementKey::InCare => "in_care",
            JudgementKey::LookedAfter => "looked_after",
            JudgementKey::CareLeavers => "care_leavers",
            JudgementKey::Adoption => "adoption",
            JudgementKey::Lscb => "lscb",
            JudgementKey::CapacityToImprove => "capacity_to_improve",
            JudgementKey::Outcomes => "outcomes",
            JudgementKey::QualityOfProvision => "quality_of_provision",
            JudgementKey::QualityOfPractice => "quality_of_practice",
        }
    }
}

/// One graded judgement as printed, with where the report states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Judgement {
    /// The heading as printed, lines joined with single spaces.
    pub area: String,
    /// The grade as printed ("Requires improvement to be good", "Not Judged", ...).
    pub grade: String,
    /// 1 Outstanding, 2 Good, 3 Requires improvement / Adequate, 4 Inadequate; `None` when not judged.
    pub scale_rank: Option<u8>,
    /// The grade in standard wording (`Grade::of(grade)`).
    pub standard: Grade,
    pub key: JudgementKey,
    /// The sentence that gives the grade, where it is given in a sentence rather than a table.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub statement: Option<String>,
    /// Where the judgement is stated: the paragraph (index into `paragraphs`) and its page.
    pub evidence: Option<Evidence>,
}

/// A place in the report: paragraph index and 1-based page number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Evidence {
    pub paragraph: usize,
    pub page: u32,
}

/// Facts printed with a recommendation or priority action, beside its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ItemFacts {
    /// The part of the Children's Social Care National Framework an ILACS item is
    /// cross-referenced to since 2025, as printed: "Outcome 3", "Enabler 1", "Principle 2".
    pub national_framework_ref: Option<String>,
    /// Its number when it is an outcome: "(Outcome 3, national framework)" → 3.
    pub national_framework_outcome: Option<u8>,
    /// Who must act on an area SEND item ("Bury Metropolitan Borough Council and NHS Greater
    /// Manchester ICB").
    pub responsible_body: Option<String>,
}

/// A paragraph of cleaned text and the page it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Paragraph {
    pub text: String,
    pub page: u32,
}

/// A section: a heading and the paragraphs under it (indices into `Report::paragraphs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Section {
    pub heading: String,
    pub page: u32,
    pub paragraphs: Vec<usize>,
}

/// The authority a report is about, matched to the project's authority list where possible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct AuthorityMatch {
    /// The canonical name from the authority list.
    pub name: String,
    /// Ofsted's URN for the authority.
    pub urn: String,
    /// The new-style local authority code (e.g. E10000015).
    pub code: String,
}

/// Everything extracted from one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Report {
    /// The authority as the report names it.
    pub local_authority: String,
    /// The authority matched against the authority list, if it matched.
    pub authority: Option<AuthorityMatch>,
    pub framework: Framework,
    /// Whether a `sif-2013` report includes the review of the LSCB.
    pub includes_lscb_review: bool,
    pub title: String,
    pub inspection_start: Option<Date>,
    pub inspection_end: Option<Date>,
    /// The printed "Report published" / "Published" date, where there is one.
    pub published_in_report: Option<Date>,
    pub lead_inspector: Option<String>,
    /// The date a letter is dated (focused and monitoring visits, JTAIs), where printed.
    #[serde(default)]
    pub letter_date: Option<Date>,
    /// What a visit or joint inspection looked at, one line ("children in care").
    #[serde(default)]
    pub focus: Option<String>,
    /// An area SEND inspection's outcome as printed, and its rank: 1 positive experiences,
    /// 2 inconsistent, 3 widespread or systemic failings.
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub outcome_rank: Option<u8>,
    pub judgements: Vec<Judgement>,
    pub recommendations: Vec<String>,
    /// What the document says of each recommendation, in the same order (same length).
    #[serde(default)]
    pub recommendation_facts: Vec<ItemFacts>,
    pub lscb_recommendations: Vec<String>,
    /// Items under "Areas for priority action": kept apart, since they call for an action plan.
    #[serde(default)]
    pub priority_actions: Vec<String>,
    /// What the document says of each priority action, in the same order (same length).
    #[serde(default)]
    pub priority_action_facts: Vec<ItemFacts>,
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Paragraph>,
    pub page_count: u32,
    /// Things a reader should know about this extraction (e.g. a judgement not found).
    pub warnings: Vec<String>,
}

impl Report {
    pub fn judgement(&self, key: JudgementKey) -> Option<&Judgement> {
        self.judgements.iter().find(|j| j.key == key)
    }
}
