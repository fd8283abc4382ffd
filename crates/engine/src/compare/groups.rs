//! Authorities side by side: an authority and its ten statistical neighbours, or a region.
//! Each member's grades at each inspection round ([`Round`]), and where the authority stands
//! among them at a chosen date — by each one's latest inspection on or before it, domain by
//! domain, so inspections after the 2026 reform (no overall grade) still take their place.
//!
//! The statistical neighbours are the DfE's (from the project's authority list, nearest
//! first); the DfE's own tool for comparing them was withdrawn in 2024.

use crate::extract::authority::{self, Authority};
use crate::model::{Date, Domain, Framework, Grade, JudgementKey, Round};
use serde::Serialize;

/// One document of the library, as a group needs it.
#[derive(Debug, Clone)]
pub struct GroupDocument<'a> {
    pub id: i64,
    /// The authority it is filed under (its name on the list).
    pub authority: &'a str,
    pub framework: Framework,
    /// When the inspection began (else when it was published).
    pub date: Option<Date>,
    pub judgements: Vec<(JudgementKey, Grade)>,
}

/// Which group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// An authority and its ten statistical neighbours.
    Neighbours,
    /// Every authority of a region.
    Region,
}

/// A group of authorities, round by round, and where one stands among them at a date.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AuthorityGroup {
    pub kind: GroupKind,
    /// The authority the group is about (whose neighbours; the one picked out in a region).
    pub subject: Option<String>,
    pub region: String,
    /// "Hertfordshire and its statistical neighbours", "East of England".
    pub title: String,
    pub at: Date,
    /// The rounds any member has an inspection of, in time order: the table's columns.
    pub rounds: Vec<Round>,
    pub members: Vec<GroupMember>,
    /// Where the subject stands at `at`, per domain it and another member are graded in.
    pub standing: Vec<Standing>,
    /// Per round, how the members' overall grades fall: the small chart.
    pub round_counts: Vec<RoundCount>,
    /// Members with no document in the library.
    pub missing: Vec<String>,
    /// What people should know about the group (a council that was replaced, …).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct GroupMember {
    pub name: String,
    pub subject: bool,
    /// Its place in the subject's list of neighbours (1 nearest); none in a region.
    pub closeness: Option<u32>,
    /// Documents in the library (inspections, letters and joint reports; a predecessor
    /// council's included).
    pub documents: u32,
    /// Aligned with [`AuthorityGroup::rounds`]: its latest inspection of each round.
    pub rounds: Vec<Option<RoundResult>>,
    /// Its latest graded inspection on or before the group's date.
    pub at_date: Option<RoundResult>,
}

/// An inspection's grades, as a cell of the table.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RoundResult {
    #[ts(type = "number")]
    pub inspection_id: i64,
    pub framework: Framework,
    pub date: Option<Date>,
    pub overall: Option<Grade>,
    pub grades: Vec<DomainGrade>,
    /// Other inspections of the same round (a re-inspection after an inadequate judgement).
    pub others_in_round: u32,
    /// The council whose inspection this was, when it was a predecessor's.
    pub predecessor: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DomainGrade {
    pub domain: Domain,
    pub grade: Grade,
}

/// Where the subject stands in one domain among the members graded in it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Standing {
    pub domain: Domain,
    pub grade: Grade,
    /// 1 + the members graded better (members graded the same share a place).
    pub place: u32,
    /// Members graded in this domain, the subject included.
    pub of: u32,
    pub better: Vec<String>,
    pub same: Vec<String>,
    pub worse: Vec<String>,
}

/// How the members' overall grades at one round fall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RoundCount {
    pub round: Round,
    /// Members per place on the scale: outstanding, good, requires improvement (or adequate),
    /// inadequate.
    pub by_rank: [u32; 4],
    /// Members inspected in the round with no overall grade (since the 2026 reform).
    pub no_overall: u32,
    /// The subject's place on the scale in this round, when it has an overall grade.
    pub subject_rank: Option<u8>,
}

/// Why a group cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GroupError {
    #[error("{0:?} is not the name, code or Ofsted URN of an authority of the list")]
    NoSuchAuthority(String),
    #[error("{0:?} is not a region of England's authorities")]
    NoSuchRegion(String),
}

impl GroupError {
    pub fn kind(&self) -> crate::ErrorKind {
        match self {
            GroupError::NoSuchAuthority(_) => crate::ErrorKind::NoSuchAuthority,
            GroupError::NoSuchRegion(_) => crate::ErrorKind::InvalidInput,
        }
    }
}

/// The authority named (any spelling, code or URN) and its statistical neighbours, nearest
/// first.
pub fn neighbours(
    wanted: &str,
    documents: &[GroupDocument<'_>],
    at: Date,
) -> Result<AuthorityGroup, GroupError> {
    let subject =
        authority::find(wanted).ok_or_else(|| GroupError::NoSuchAuthority(wanted.to_string()))?;
    let mut notes = Vec::new();
    let neighbours: Vec<&Authority> = subject
        .stat_neighbours
        .iter()
        .filter_map(|code| {
            let found = authority::all().iter().find(|a| &a.la_code == code);
            if found.is_none() {
                notes.push(format!(
                    "Neighbour code {code} is not on the list of authorities."
                ));
            }
            found
        })
        .collect();
    let successors = successors_of(&subject.name);
    if !successors.is_empty() {
        notes.push(format!(
            "{} was replaced by {}: the DfE gives its successors statistical neighbours.",
            subject.name,
            successors.join(" and ")
        ));
    } else if neighbours.is_empty() {
        notes.push(format!(
            "The DfE gives {} no statistical neighbours.",
            subject.name
        ));
    }
    let members: Vec<(&Authority, Option<u32>)> = std::iter::once((subject, None))
        .chain(
            neighbours
                .into_iter()
                .enumerate()
                .map(|(n, a)| (a, Some(n as u32 + 1))),
        )
        .collect();
    Ok(group(
        GroupKind::Neighbours,
        Some(subject),
        &subject.region,
        format!("{} and its statistical neighbours", subject.name),
        &members,
        documents,
        at,
        notes,
    ))
}

/// Every current authority of a region (one named, or the region of the authority named),
/// alphabetically; `subject` (else the authority named) is picked out and placed among them.
pub fn region(
    wanted: &str,
    subject: Option<&str>,
    documents: &[GroupDocument<'_>],
    at: Date,
) -> Result<AuthorityGroup, GroupError> {
    let subject = match subject {
        Some(s) => Some(authority::find(s).ok_or_else(|| GroupError::NoSuchAuthority(s.into()))?),
        None => None,
    };
    let named_region = authority::all()
        .iter()
        .map(|a| a.region.as_str())
        .find(|r| !r.is_empty() && r.eq_ignore_ascii_case(wanted.trim()));
    let (region, subject) = match (named_region, authority::find(wanted)) {
        (Some(region), _) => (region, subject),
        (None, Some(named)) => (named.region.as_str(), subject.or(Some(named))),
        (None, None) => return Err(GroupError::NoSuchRegion(wanted.to_string())),
    };
    let mut members: Vec<(&Authority, Option<u32>)> = authority::all()
        .iter()
        // Councils that were replaced appear through their successors' timelines.
        .filter(|a| a.region == region && successors_of(&a.name).is_empty())
        .map(|a| (a, None))
        .collect();
    members.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    Ok(group(
        GroupKind::Region,
        subject,
        region,
        region.to_string(),
        &members,
        documents,
        at,
        Vec::new(),
    ))
}

fn successors_of(name: &str) -> Vec<&'static str> {
    authority::SUCCESSIONS
        .iter()
        .filter(|(old, _)| *old == name)
        .flat_map(|(_, new)| new.iter().copied())
        .collect()
}

fn predecessors_of(name: &str) -> Vec<&'static str> {
    authority::SUCCESSIONS
        .iter()
        .filter(|(_, new)| new.contains(&name))
        .map(|(old, _)| *old)
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn group(
    kind: GroupKind,
    subject: Option<&Authority>,
    region: &str,
    title: String,
    members: &[(&Authority, Option<u32>)],
    documents: &[GroupDocument<'_>],
    at: Date,
    notes: Vec<String>,
) -> AuthorityGroup {
    let mut built: Vec<(GroupMember, Vec<RoundResult>)> = members
        .iter()
        .map(|(a, closeness)| {
            let own = [(a.name.as_str(), None)];
            let predecessors = predecessors_of(&a.name);
            let sources = own
                .into_iter()
                .chain(predecessors.iter().map(|p| (*p, Some(p.to_string()))));
            let mut count = 0u32;
            let mut graded = Vec::new();
            for (name, predecessor) in sources {
                for d in documents.iter().filter(|d| d.authority == name) {
                    count += 1;
                    if d.framework.round().is_some() {
                        graded.push(result_of(d, predecessor.clone()));
                    }
                }
            }
            // Undated last; by date, then id, so "latest" is the last.
            graded.sort_by_key(|r| (r.date.is_none(), r.date, r.inspection_id));
            let member = GroupMember {
                name: a.name.clone(),
                subject: subject.is_some_and(|s| s.name == a.name),
                closeness: *closeness,
                documents: count,
                rounds: Vec::new(),
                at_date: graded
                    .iter()
                    .rfind(|r| r.date.is_some_and(|d| d <= at))
                    .cloned(),
            };
            (member, graded)
        })
        .collect();
    let rounds: Vec<Round> = Round::ALL
        .into_iter()
        .filter(|round| {
            built
                .iter()
                .any(|(_, g)| g.iter().any(|r| r.framework.round() == Some(*round)))
        })
        .collect();
    for (member, graded) in &mut built {
        member.rounds = rounds
            .iter()
            .map(|round| {
                let of_round: Vec<&RoundResult> = graded
                    .iter()
                    .filter(|r| r.framework.round() == Some(*round))
                    .collect();
                of_round.last().map(|latest| RoundResult {
                    others_in_round: of_round.len() as u32 - 1,
                    ..(*latest).clone()
                })
            })
            .collect();
    }
    let members: Vec<GroupMember> = built.into_iter().map(|(m, _)| m).collect();
    let round_counts = rounds
        .iter()
        .enumerate()
        .map(|(column, round)| {
            let mut count = RoundCount {
                round: *round,
                by_rank: [0; 4],
                no_overall: 0,
                subject_rank: None,
            };
            for m in &members {
                let Some(r) = &m.rounds[column] else { continue };
                match r.overall.and_then(Grade::rank) {
                    Some(rank) => {
                        count.by_rank[usize::from(rank - 1)] += 1;
                        if m.subject {
                            count.subject_rank = Some(rank);
                        }
                    }
                    None => count.no_overall += 1,
                }
            }
            count
        })
        .collect();
    let standing = members
        .iter()
        .find(|m| m.subject)
        .map(|s| standing(s, &members))
        .unwrap_or_default();
    let missing = members
        .iter()
        .filter(|m| m.documents == 0)
        .map(|m| m.name.clone())
        .collect();
    AuthorityGroup {
        kind,
        subject: subject.map(|s| s.name.clone()),
        region: region.to_string(),
        title,
        at,
        rounds,
        members,
        standing,
        round_counts,
        missing,
        notes,
    }
}

fn result_of(d: &GroupDocument<'_>, predecessor: Option<String>) -> RoundResult {
    let grades: Vec<DomainGrade> = Domain::ALL
        .into_iter()
        .filter_map(|domain| {
            domain.keys().iter().find_map(|key| {
                d.judgements
                    .iter()
                    .find(|(k, g)| k == key && g.rank().is_some())
                    .map(|(_, grade)| DomainGrade {
                        domain,
                        grade: *grade,
                    })
            })
        })
        .collect();
    RoundResult {
        inspection_id: d.id,
        framework: d.framework,
        date: d.date,
        overall: grades
            .iter()
            .find(|g| g.domain == Domain::Overall)
            .map(|g| g.grade),
        grades,
        others_in_round: 0,
        predecessor,
    }
}

/// The subject's place among the members, in each domain it is graded in at the date.
fn standing(subject: &GroupMember, members: &[GroupMember]) -> Vec<Standing> {
    let Some(own) = &subject.at_date else {
        return Vec::new();
    };
    own.grades
        .iter()
        .filter_map(|mine| {
            let rank = mine.grade.rank()?;
            let mut s = Standing {
                domain: mine.domain,
                grade: mine.grade,
                place: 1,
                of: 1,
                better: Vec::new(),
                same: Vec::new(),
                worse: Vec::new(),
            };
            for m in members.iter().filter(|m| !m.subject) {
                let theirs = m.at_date.as_ref().and_then(|r| {
                    r.grades
                        .iter()
                        .find(|g| g.domain == mine.domain)
                        .and_then(|g| g.grade.rank())
                });
                let Some(theirs) = theirs else { continue };
                s.of += 1;
                match theirs.cmp(&rank) {
                    std::cmp::Ordering::Less => s.better.push(m.name.clone()),
                    std::cmp::Ordering::Equal => s.same.push(m.name.clone()),
                    std::cmp::Ordering::Greater => s.worse.push(m.name.clone()),
                }
            }
            s.place = 1 + s.better.len() as u32;
            // Alone in a domain, there is no standing to speak of.
            (s.of > 1).then_some(s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(
        id: i64,
        authority: &'static str,
        framework: Framework,
        date: &str,
        overall: Option<Grade>,
    ) -> GroupDocument<'static> {
        let mut judgements = vec![(JudgementKey::HelpProtection, Grade::Good)];
        if let Some(g) = overall {
            judgements.push((JudgementKey::Overall, g));
        }
        GroupDocument {
            id,
            authority,
            framework,
            date: Date::parse_iso(date),
            judgements,
        }
    }

    fn on(date: &str) -> Date {
        Date::parse_iso(date).unwrap()
    }

    #[test]
    fn hertfordshire_has_its_ten_neighbours_nearest_first() {
        let group = neighbours("hertfordshire", &[], on("2026-12-01")).unwrap();
        assert_eq!(group.members.len(), 11);
        assert!(group.members[0].subject);
        assert_eq!(group.members[0].name, "Hertfordshire");
        let closeness: Vec<Option<u32>> = group.members.iter().map(|m| m.closeness).collect();
        assert_eq!(closeness[1..], (1..=10).map(Some).collect::<Vec<_>>()[..]);
        // Nothing in the library: every member is missing, no rounds, no standing.
        assert_eq!(group.missing.len(), 11);
        assert!(group.rounds.is_empty() && group.standing.is_empty());
        assert!(matches!(
            neighbours("Atlantis", &[], on("2026-12-01")),
            Err(GroupError::NoSuchAuthority(_))
        ));
        // Any spelling: a code, another name, a name made only of generic words.
        for (asked, found) in [
            ("919", "Hertfordshire"),
            ("BCP", "Bournemouth, Christchurch and Poole"),
            ("City of London", "City of London"),
        ] {
            let group = neighbours(asked, &[], on("2026-12-01")).unwrap();
            assert_eq!(group.members[0].name, found, "{asked}");
        }
    }

    #[test]
    fn rounds_latest_inspections_and_standing_at_a_date() {
        let group = neighbours("Hertfordshire", &[], on("2026-12-01")).unwrap();
        let near = group.members[1].name.clone();
        let far = group.members[2].name.clone();
        let near: &'static str = Box::leak(near.into_boxed_str());
        let far: &'static str = Box::leak(far.into_boxed_str());
        let docs = vec![
            doc(
                1,
                "Hertfordshire",
                Framework::Sif2013,
                "2015-05-01",
                Some(Grade::RequiresImprovementToBeGood),
            ),
            doc(
                2,
                "Hertfordshire",
                Framework::Ilacs2018,
                "2018-11-01",
                Some(Grade::Good),
            ),
            doc(
                3,
                near,
                Framework::Ilacs2018,
                "2019-01-01",
                Some(Grade::Inadequate),
            ),
            doc(
                4,
                near,
                Framework::Ilacs2018,
                "2021-06-01",
                Some(Grade::Outstanding),
            ),
            doc(5, far, Framework::Ilacs2026, "2026-06-01", None),
            doc(6, far, Framework::FocusedVisit, "2020-01-01", None),
        ];
        let group = neighbours("Hertfordshire", &docs, on("2020-01-01")).unwrap();
        assert_eq!(
            group.rounds,
            vec![Round::Sif, Round::Ilacs2018, Round::Ilacs2026]
        );
        let herts = &group.members[0];
        assert_eq!(
            herts.rounds[0].as_ref().unwrap().overall,
            Some(Grade::RequiresImprovementToBeGood)
        );
        // The near neighbour's round shows its latest inspection and counts the other.
        let latest = group.members[1].rounds[1].as_ref().unwrap();
        assert_eq!((latest.inspection_id, latest.others_in_round), (4, 1));
        // At 2020: Hertfordshire good (2018), the near neighbour inadequate (2019), the far one
        // has nothing graded yet (its focused visit grades nothing).
        let overall = group
            .standing
            .iter()
            .find(|s| s.domain == Domain::Overall)
            .unwrap();
        assert_eq!((overall.place, overall.of), (1, 2));
        assert_eq!(overall.worse, vec![near.to_string()]);
        assert_eq!(group.members[2].documents, 2);
        assert_eq!(group.missing.len(), 8);
        // Later the near neighbour is outstanding and the far one has no overall grade: it is
        // placed by the judgements it has.
        let later = neighbours("Hertfordshire", &docs, on("2026-12-01")).unwrap();
        let overall = later
            .standing
            .iter()
            .find(|s| s.domain == Domain::Overall)
            .unwrap();
        assert_eq!((overall.place, overall.of), (2, 2));
        let help = later
            .standing
            .iter()
            .find(|s| s.domain == Domain::HelpProtection)
            .unwrap();
        assert_eq!((help.place, help.of, help.same.len()), (1, 3, 2));
        // The chart: the 2018–23 round has one good (the subject) and one outstanding.
        let ilacs = &later.round_counts[1];
        assert_eq!((ilacs.by_rank, ilacs.subject_rank), ([1, 1, 0, 0], Some(2)));
        assert_eq!(later.round_counts[2].no_overall, 1);
    }

    #[test]
    fn a_region_lists_its_current_councils_with_predecessors_inspections() {
        let docs = vec![doc(
            1,
            "Northamptonshire",
            Framework::Sif2013,
            "2016-01-01",
            Some(Grade::Inadequate),
        )];
        let group = region(
            "East Midlands",
            Some("West Northamptonshire"),
            &docs,
            on("2026-12-01"),
        )
        .unwrap();
        assert!(group.members.iter().all(|m| m.name != "Northamptonshire"));
        let west = group
            .members
            .iter()
            .find(|m| m.name == "West Northamptonshire")
            .unwrap();
        assert!(west.subject);
        let sif = west.rounds[0].as_ref().unwrap();
        assert_eq!(sif.predecessor.as_deref(), Some("Northamptonshire"));
        // A region by an authority's name is that authority's region.
        assert_eq!(
            region("Derby", None, &[], on("2026-12-01")).unwrap().region,
            "East Midlands"
        );
        assert!(matches!(
            region("Atlantis", None, &[], on("2026-12-01")),
            Err(GroupError::NoSuchRegion(_))
        ));
    }
}
