//! The words the product speaks in, as types: a grade in standard wording, the domains
//! judgements are compared by, and the topics sections are aligned by. Each enum words its own
//! labels here, once; the UI receives them generated (`crate::labels`), never retyped.

use super::JudgementKey;
use serde::{Deserialize, Serialize};

/// A grade in standard wording. Reports print grades in many cases and spellings ("require
/// improvement to be Good", "Not Judged"); the 2012–13 "Adequate" stays distinct from the later
/// "Requires improvement", though both are third on the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Outstanding,
    Good,
    /// Printed "Requires improvement to be good" (the wording from 2014).
    RequiresImprovementToBeGood,
    RequiresImprovement,
    /// The 2012–13 third grade, a lower bar than "Requires improvement".
    Adequate,
    Inadequate,
    NotJudged,
}

impl Grade {
    pub const ALL: [Grade; 7] = [
        Grade::Outstanding,
        Grade::Good,
        Grade::RequiresImprovementToBeGood,
        Grade::RequiresImprovement,
        Grade::Adequate,
        Grade::Inadequate,
        Grade::NotJudged,
    ];

    /// The grade a report prints as `printed` ("requires improvement to be Good", "Not
    /// Judged"): read from how it starts, so a grade run into the next words still reads.
    pub fn of(printed: &str) -> Grade {
        let g = printed.to_lowercase();
        if g.starts_with("outstanding") {
            Grade::Outstanding
        } else if g.starts_with("good") {
            Grade::Good
        } else if g.starts_with("require") {
            if g.contains("to be good") {
                Grade::RequiresImprovementToBeGood
            } else {
                Grade::RequiresImprovement
            }
        } else if g.starts_with("adequate") {
            Grade::Adequate
        } else if g.starts_with("inadequate") {
            Grade::Inadequate
        } else {
            Grade::NotJudged
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::RequiresImprovementToBeGood => "Requires improvement to be good",
            Grade::RequiresImprovement => "Requires improvement",
            Grade::Adequate => "Adequate",
            Grade::Inadequate => "Inadequate",
            Grade::NotJudged => "Not judged",
        }
    }

    /// Its place on the four-point scale: 1 best, 4 worst; `None` when not judged.
    pub fn rank(self) -> Option<u8> {
        match self {
            Grade::Outstanding => Some(1),
            Grade::Good => Some(2),
            Grade::RequiresImprovementToBeGood | Grade::RequiresImprovement | Grade::Adequate => {
                Some(3)
            }
            Grade::Inadequate => Some(4),
            Grade::NotJudged => None,
        }
    }

    /// The label for tight spaces ("Requires improvement" for "... to be good").
    pub fn short_label(self) -> &'static str {
        match self {
            Grade::RequiresImprovementToBeGood => Grade::RequiresImprovement.label(),
            other => other.label(),
        }
    }
}

/// What a judgement covers, for pairing judgements across frameworks: the rows of the
/// judgement comparison, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    Overall,
    Leadership,
    HelpProtection,
    ChildrenInCare,
    CareLeavers,
    Adoption,
    Lscb,
    CapacityToImprove,
    Outcomes,
    QualityOfProvision,
    QualityOfPractice,
}

impl Domain {
    /// Display order.
    pub const ALL: [Domain; 11] = [
        Domain::Overall,
        Domain::Leadership,
        Domain::HelpProtection,
        Domain::ChildrenInCare,
        Domain::CareLeavers,
        Domain::Adoption,
        Domain::Lscb,
        Domain::CapacityToImprove,
        Domain::Outcomes,
        Domain::QualityOfProvision,
        Domain::QualityOfPractice,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Domain::Overall => "Overall effectiveness",
            Domain::Leadership => "Leadership",
            Domain::HelpProtection => "Help and protection",
            Domain::ChildrenInCare => "Children in care",
            Domain::CareLeavers => "Care leavers",
            Domain::Adoption => "Adoption",
            Domain::Lscb => "Local Safeguarding Children Board",
            Domain::CapacityToImprove => "Capacity to improve",
            Domain::Outcomes => "Outcomes for looked after children",
            Domain::QualityOfProvision => "Quality of provision",
            Domain::QualityOfPractice => "Quality of practice",
        }
    }

    /// The judgement keys this domain pairs, the most specific first: a separate judgement
    /// is preferred to a combined one.
    pub fn keys(self) -> &'static [JudgementKey] {
        use JudgementKey::*;
        match self {
            Domain::Overall => &[Overall],
            Domain::Leadership => &[Leadership],
            Domain::HelpProtection => &[HelpProtection],
            Domain::ChildrenInCare => &[LookedAfter, InCare, InCareAndCareLeavers],
            Domain::CareLeavers => &[CareLeavers, InCareAndCareLeavers],
            Domain::Adoption => &[Adoption],
            Domain::Lscb => &[Lscb],
            Domain::CapacityToImprove => &[CapacityToImprove],
            Domain::Outcomes => &[Outcomes],
            Domain::QualityOfProvision => &[QualityOfProvision],
            Domain::QualityOfPractice => &[QualityOfPractice],
        }
    }
}

/// What a section of text is about, recognised from its heading, for aligning the two
/// reports' sections whatever the framework calls them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    HelpProtection,
    CareLeavers,
    ChildrenInCare,
    Adoption,
    Leadership,
    Lscb,
    Recommendations,
    Summary,
    Context,
}

impl Topic {
    /// In the order headings are tried: the first whose marks a heading contains wins.
    pub const ALL: [Topic; 9] = [
        Topic::HelpProtection,
        Topic::CareLeavers,
        Topic::ChildrenInCare,
        Topic::Adoption,
        Topic::Leadership,
        Topic::Lscb,
        Topic::Recommendations,
        Topic::Summary,
        Topic::Context,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Topic::HelpProtection => "Help and protection",
            Topic::CareLeavers => "Care leavers",
            Topic::ChildrenInCare => "Children in care",
            Topic::Adoption => "Adoption",
            Topic::Leadership => "Leadership",
            Topic::Lscb => "Safeguarding board",
            Topic::Recommendations => "Recommendations",
            Topic::Summary => "Summary",
            Topic::Context => "Context",
        }
    }

    /// Lower-case words that mark a heading as about this topic.
    pub fn marks(self) -> &'static [&'static str] {
        match self {
            Topic::HelpProtection => &["help and protection"],
            Topic::CareLeavers => &["care leavers", "leaving care"],
            Topic::ChildrenInCare => &["children in care", "looked after", "achieving permanence"],
            Topic::Adoption => &["adoption"],
            Topic::Leadership => &["leadership", "impact of leaders", "governance"],
            Topic::Lscb => &["safeguarding children board", "lscb"],
            Topic::Recommendations => &[
                "recommendations",
                "what needs to improve",
                "need to improve",
                "areas for improvement",
            ],
            Topic::Summary => &["summary", "overall effectiveness", "key findings"],
            Topic::Context => &[
                "information about",
                "about this inspection",
                "service information",
                "local authority area",
                "previous",
            ],
        }
    }

    /// The topic of a heading, if it names one.
    pub fn of_heading(heading: &str) -> Option<Topic> {
        let lower = heading.to_lowercase();
        // "children in care and care leavers" is about care; "care leavers" alone is its own topic.
        if lower.contains("children in care and care leavers") {
            return Some(Topic::ChildrenInCare);
        }
        Topic::ALL
            .into_iter()
            .find(|t| t.marks().iter().any(|m| lower.contains(m)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_are_read_from_their_wording() {
        assert_eq!(Grade::of("Adequate"), Grade::Adequate);
        assert_eq!(
            Grade::of("requires improvement to be Good"),
            Grade::RequiresImprovementToBeGood
        );
        assert_eq!(
            Grade::of("Requires improvement"),
            Grade::RequiresImprovement
        );
        assert_eq!(Grade::of("Not Judged"), Grade::NotJudged);
        assert_eq!(
            Grade::RequiresImprovementToBeGood.short_label(),
            "Requires improvement"
        );
    }

    #[test]
    fn every_domain_pairs_keys_and_every_key_has_a_domain() {
        for key in JudgementKey::ALL {
            assert!(
                Domain::ALL.iter().any(|d| d.keys().contains(&key)),
                "{key:?} is in no domain, so it would never be compared"
            );
        }
    }
}

/// Where a committee says an area for improvement stands: recorded by people in the tracker,
/// never inferred by the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum TrackerStatus {
    NotStarted,
    InProgress,
    Addressed,
    NotAgreed,
}

impl TrackerStatus {
    pub const ALL: [TrackerStatus; 4] = [
        TrackerStatus::NotStarted,
        TrackerStatus::InProgress,
        TrackerStatus::Addressed,
        TrackerStatus::NotAgreed,
    ];

    /// The id in the library, on the command line and across IPC.
    pub fn id(self) -> &'static str {
        match self {
            TrackerStatus::NotStarted => "not_started",
            TrackerStatus::InProgress => "in_progress",
            TrackerStatus::Addressed => "addressed",
            TrackerStatus::NotAgreed => "not_agreed",
        }
    }

    pub fn from_id(id: &str) -> Option<TrackerStatus> {
        TrackerStatus::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            TrackerStatus::NotStarted => "Not started",
            TrackerStatus::InProgress => "In progress",
            TrackerStatus::Addressed => "Addressed",
            TrackerStatus::NotAgreed => "Not agreed",
        }
    }
}

/// An inspection round: the frameworks Ofsted inspected every authority under in turn, so a
/// group of authorities can be compared round by round. A new framework is given its round in
/// [`super::Framework::round`] (a new round is a variant here).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Round {
    /// Child protection (2012) and looked after children (2012–13) inspections.
    Separate2012,
    /// The single inspection framework and its re-inspections (2013–18).
    Sif,
    /// ILACS, four judgements (2018–23).
    Ilacs2018,
    /// ILACS, five judgements (2023–26).
    Ilacs2023,
    /// ILACS after the April 2026 reform: no overall effectiveness grade.
    Ilacs2026,
}

impl Round {
    /// In time order.
    pub const ALL: [Round; 5] = [
        Round::Separate2012,
        Round::Sif,
        Round::Ilacs2018,
        Round::Ilacs2023,
        Round::Ilacs2026,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Round::Separate2012 => "2012–13 (child protection, looked after children)",
            Round::Sif => "2013–18 (single inspection framework)",
            Round::Ilacs2018 => "2018–23 (ILACS)",
            Round::Ilacs2023 => "2023–26 (ILACS)",
            Round::Ilacs2026 => "From 2026 (ILACS, no overall grade)",
        }
    }
}
