//! Authorities: the project's list (from the corpus's lookup table: names, codes, region, type,
//! statistical neighbours) and matching a report's wording ("Borough of Redcar and Cleveland",
//! "Council of the Isles of Scilly") to it.

use crate::model::AuthorityMatch;
use std::sync::LazyLock;

/// One local authority from `data/authorities.csv`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Authority {
    pub name: String,
    pub urn: String,
    pub la_code: String,
    pub la_code_new: String,
    pub region: String,
    pub la_type: String,
    pub also_known_as: Vec<String>,
    /// Old-style LA codes of the statistical neighbours, nearest first.
    pub stat_neighbours: Vec<String>,
}

/// Authorities that replaced others, as (predecessor, successors).
pub const SUCCESSIONS: &[(&str, &[&str])] = &[
    (
        "Northamptonshire",
        &["North Northamptonshire", "West Northamptonshire"],
    ),
    ("Cumbria", &["Cumberland", "Westmorland and Furness"]),
    ("Poole", &["Bournemouth, Christchurch and Poole"]),
    ("Bournemouth", &["Bournemouth, Christchurch and Poole"]),
];

const CSV: &str = include_str!("../data/authorities.csv");

/// The authority of the list given by its code (old or new) or Ofsted URN, or by the
/// distinctive words of its name: what people type to name one exactly.
pub fn named(wanted: &str) -> Option<&'static Authority> {
    let wanted = wanted.trim();
    if wanted.is_empty() {
        return None;
    }
    let key = name_key(wanted);
    all()
        .iter()
        .find(|a| {
            [&a.la_code, &a.la_code_new, &a.urn]
                .iter()
                .any(|c| !c.is_empty() && c.eq_ignore_ascii_case(wanted))
        })
        .or_else(|| {
            all()
                .iter()
                .find(|a| !key.is_empty() && name_key(&a.name) == key)
        })
}

/// [`named`], else as a report would print it ([`lookup`]: its other names, and names made
/// only of generic words such as "City of London"): any spelling of an authority.
pub fn find(wanted: &str) -> Option<&'static Authority> {
    named(wanted).or_else(|| lookup(wanted))
}

/// Every authority in the project's list.
pub fn all() -> &'static [Authority] {
    static LIST: LazyLock<Vec<Authority>> = LazyLock::new(|| {
        parse(CSV).expect("data/authorities.csv is valid: a unit test reads every row")
    });
    &LIST
}

/// Reads the list (written by scripts/make_authorities.py) with the `csv` crate; a row that
/// does not parse is an error, never dropped.
fn parse(text: &str) -> Result<Vec<Authority>, csv::Error> {
    #[derive(serde::Deserialize)]
    struct Row {
        name: String,
        urn: String,
        la_code: String,
        la_code_new: String,
        region: String,
        la_type: String,
        /// `[BCP, Bournemouth, Christchurch & Poole]`.
        also_known_as: String,
        /// Old-style codes, space-separated.
        stat_neighbours: String,
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    reader
        .deserialize::<Row>()
        .map(|row| {
            let row = row?;
            Ok(Authority {
                also_known_as: row
                    .also_known_as
                    .trim_matches(|c| c == '[' || c == ']')
                    .split(',')
                    .map(|s| s.trim().trim_matches('\'').to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
                stat_neighbours: row
                    .stat_neighbours
                    .split_whitespace()
                    .map(str::to_string)
                    .collect(),
                name: row.name,
                urn: row.urn,
                la_code: row.la_code,
                la_code_new: row.la_code_new,
                region: row.region,
                la_type: row.la_type,
            })
        })
        .collect()
}

/// Words that describe the kind of council, not which one.
const GENERIC: &[&str] = &[
    "council",
    "county",
    "borough",
    "city",
    "metropolitan",
    "district",
    "of",
    "the",
    "london",
    "royal",
    "area",
    "local",
    "authority",
    "safeguarding",
    "children",
    "childrens",
    "board",
    "lscb",
    "and",
    "unitary",
    "services",
    "corporation",
];

/// The distinctive words of an authority's name, lower case.
pub fn name_key(name: &str) -> String {
    words_without(name, GENERIC)
}

/// A name's words, lower case, apostrophes dropped, without `skip`, joined by spaces.
fn words_without(name: &str, skip: &[&str]) -> String {
    name.to_lowercase()
        .replace(['’', '\''], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !skip.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Matches an authority as a report names it to the project's list.
pub fn lookup(printed: &str) -> Option<&'static Authority> {
    let key = name_key(printed);
    if key.is_empty() {
        // A name made only of generic words ("City of London"): the whole name must match.
        let plain = |n: &str| words_without(n, &["the", "council", "corporation"]);
        let printed = plain(printed);
        return all()
            .iter()
            .find(|a| !printed.is_empty() && plain(&a.name) == printed);
    }
    let names = |a: &'static Authority| {
        std::iter::once(a.name.as_str()).chain(a.also_known_as.iter().map(String::as_str))
    };
    if let Some(exact) = all().iter().find(|a| names(a).any(|n| name_key(n) == key)) {
        return Some(exact);
    }
    // A short form ("Newcastle" for Newcastle upon Tyne): the printed words begin exactly one
    // authority's name.
    let starts = |n: &str| {
        let full = name_key(n);
        full.strip_prefix(&key)
            .is_some_and(|rest| rest.starts_with(' '))
    };
    let mut candidates = all().iter().filter(|a| names(a).any(starts));
    match (candidates.next(), candidates.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

pub fn matched(printed: &str) -> Option<AuthorityMatch> {
    lookup(printed).map(|a| AuthorityMatch {
        name: a.name.clone(),
        urn: a.urn.clone(),
        code: a.la_code_new.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_printed_names() {
        assert_eq!(
            lookup("Borough of Redcar and Cleveland").map(|a| a.name.as_str()),
            Some("Redcar and Cleveland")
        );
        assert_eq!(
            lookup("Council of the Isles of Scilly").map(|a| a.name.as_str()),
            Some("Isles of Scilly")
        );
        assert_eq!(
            lookup("Hertfordshire County Council").map(|a| a.urn.as_str()),
            Some("80475")
        );
        assert_eq!(
            lookup("Metropolitan Borough of Rotherham").map(|a| a.name.as_str()),
            Some("Rotherham")
        );
        assert!(lookup("Atlantis").is_none());
        // Every row of the list reads; a bad row is an error, not a missing authority.
        let rows = CSV.lines().skip(1).filter(|l| !l.trim().is_empty()).count();
        assert_eq!(parse(CSV).unwrap().len(), rows);
        assert!(parse("name,urn\nx,1,2\n").is_err());
        assert_eq!(
            lookup("Newcastle").map(|a| a.name.as_str()),
            Some("Newcastle upon Tyne")
        );
        // "North" begins several names: no guess.
        assert!(lookup("North").is_none());
        assert_eq!(
            lookup("City of London Corporation").map(|a| a.urn.as_str()),
            Some("80450")
        );
        assert!(lookup("local authority").is_none());
        assert_eq!(
            lookup("Medway Children's Services").map(|a| a.name.as_str()),
            Some("Medway")
        );
        assert_eq!(
            lookup("East Riding").map(|a| a.name.as_str()),
            Some("East Riding of Yorkshire")
        );
        assert!(all().len() > 150);
    }
}
