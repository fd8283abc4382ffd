//! Dates as Ofsted prints them: "8 – 12 July 2013", "28 January to 6 February 2013",
//! "1/06/2015 – 25/06/2015", "18 Feb 2014 – 12 March 2014".

use crate::model::Date;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(w) || (w == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

/// A date with possibly missing parts, as the start of a range prints it ("8 –", "28 January to").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct PartialDate {
    day: Option<u32>,
    month: Option<u32>,
    year: Option<i32>,
}

static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{4})$").expect("static regex"));

fn parse_partial(text: &str) -> Option<PartialDate> {
    let text = text.trim().trim_matches(|c: char| c == ',' || c == '.');
    if let Some(c) = NUMERIC.captures(text) {
        return Some(PartialDate {
            day: c[1].parse().ok(),
            month: c[2].parse().ok(),
            year: c[3].parse().ok(),
        });
    }
    let mut date = PartialDate::default();
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| c == ',' || c == '.');
        let stripped = word.trim_end_matches(|c: char| c.is_alphabetic());
        if let Ok(n) = word.parse::<i32>() {
            if (1900..2200).contains(&n) {
                date.year = Some(n);
            } else if (1..=31).contains(&n) {
                date.day = Some(n as u32);
            } else {
                return None;
            }
        } else if !stripped.is_empty()
            && stripped.len() < word.len()
            && stripped.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        {
            // "8th", "1st"
            date.day = stripped.parse().ok();
        } else if let Some(m) = month_number(word) {
            date.month = Some(m);
        } else {
            return None;
        }
    }
    (date != PartialDate::default()).then_some(date)
}

/// The date, when every part is there and the day exists.
fn complete(d: PartialDate) -> Option<Date> {
    Date::from_ymd(
        d.year?,
        u8::try_from(d.month?).ok()?,
        u8::try_from(d.day?).ok()?,
    )
}

/// Parses a single full date such as "27 November 2015".
pub fn parse_date(text: &str) -> Option<Date> {
    complete(parse_partial(text)?)
}

static RANGE_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:[–—-]|,|\bto\b|\buntil\b|\band\b)\s*").expect("static regex")
});

/// Parses a date range; a part inherits a missing month or year from the parts after it.
/// Visits in several parts ("5 to 9 December 2022 and 14 to 15 February 2023", "22 and 23
/// June 2021") run from the first date to the last.
pub fn parse_range(text: &str) -> Option<(Date, Date)> {
    let mut parts: Vec<PartialDate> = RANGE_SPLIT
        .split(text.trim())
        .filter(|p| !p.trim().is_empty())
        .map(parse_partial)
        .collect::<Option<_>>()?;
    // Fill from the right: "28 January to 6 February 2013" gives 28 January its year.
    let (mut month, mut year) = (None, None);
    for part in parts.iter_mut().rev() {
        month = part.month.or(month);
        year = part.year.or(year);
        part.month = part.month.or(month);
        part.year = part.year.or(year);
    }
    let (first, last) = (*parts.first()?, *parts.last()?);
    Some((complete(first)?, complete(last)?))
}

/// The date range at the start of `text`, which may run on into other words.
pub fn range_at_start(text: &str) -> Option<(Date, Date)> {
    parse_range(leading_date_text(&spaced_dashes(text)))
}

/// The date range at the start of `text` when it prints no year ("Between 20 and 24 June,"):
/// the year is the latest that puts the range's end on or before `not_after` (a letter's date).
pub fn range_at_start_before(text: &str, not_after: Date) -> Option<(Date, Date)> {
    let words = leading_date_text(&spaced_dashes(text)).to_string();
    let year = not_after.year();
    [year, year - 1].into_iter().find_map(|y| {
        let range = parse_range(&format!("{words} {y}"))?;
        (range.1 <= not_after).then_some(range)
    })
}

/// The single date at the start of `text`.
pub fn date_at_start(text: &str) -> Option<Date> {
    parse_date(leading_date_text(&spaced_dashes(text)))
}

/// "26 February 2018–22 March 2018", "14 January 2014- 5 February 2014", "19 November-11
/// December 2013": dashes are printed with and without spaces.
fn spaced_dashes(text: &str) -> String {
    text.replace('–', " – ")
        .replace('—', " — ")
        .replace('-', " - ")
}

/// The date words at the start of `text` (up to the first word that is not part of a date).
fn leading_date_text(text: &str) -> &str {
    let mut end = 0;
    for (index, word) in text.split_inclusive(char::is_whitespace).scan(0, |pos, w| {
        let start = *pos;
        *pos += w.len();
        Some((start, w))
    }) {
        let w = word.trim().trim_matches(|c: char| c == ',' || c == '.');
        let datey = w.is_empty()
            || w.chars().all(|c| c.is_ascii_digit() || c == '/')
            || month_number(w).is_some()
            || matches!(w, "–" | "—" | "-" | "to" | "until" | "and")
            || w.trim_end_matches(|c: char| c.is_alphabetic())
                .parse::<u32>()
                .is_ok();
        if !datey {
            break;
        }
        end = index + word.len();
    }
    text[..end]
        .trim_end()
        .trim_end_matches(|c: char| matches!(c, '–' | '—' | '-' | ',') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_as_printed() {
        let r = |s: &str| parse_range(s).map(|(a, b)| format!("{a} {b}"));
        assert_eq!(
            r("8 – 12 July 2013").as_deref(),
            Some("2013-07-08 2013-07-12")
        );
        assert_eq!(
            r("28 January to 6 February 2013").as_deref(),
            Some("2013-01-28 2013-02-06")
        );
        assert_eq!(
            r("1/06/2015 – 25/06/2015").as_deref(),
            Some("2015-06-01 2015-06-25")
        );
        assert_eq!(
            r("18 Feb 2014 – 12 March 2014").as_deref(),
            Some("2014-02-18 2014-03-12")
        );
        assert_eq!(
            r("9–24 November 2017").as_deref(),
            Some("2017-11-09 2017-11-24")
        );
        assert_eq!(
            r("15 October 2018 to 19 October 2018").as_deref(),
            Some("2018-10-15 2018-10-19")
        );
        assert_eq!(r("31 February 2018 to 2 March 2018"), None);
        assert_eq!(
            r("5 to 9 December 2022 and 14 to 15 February 2023").as_deref(),
            Some("2022-12-05 2023-02-15")
        );
        assert_eq!(
            r("22 and 23 June 2021").as_deref(),
            Some("2021-06-22 2021-06-23")
        );
        assert_eq!(
            r("7 March 2016 and 12 March 2016").as_deref(),
            Some("2016-03-07 2016-03-12")
        );
    }

    #[test]
    fn leading_date_words() {
        assert_eq!(
            leading_date_text("23 to 27 January 2023 Lead inspector: X"),
            "23 to 27 January 2023"
        );
        assert_eq!(
            range_at_start("26 February 2018–22 March 2018 Report")
                .map(|r| r.1.to_string())
                .as_deref(),
            Some("2018-03-22")
        );
        assert_eq!(
            leading_date_text("14 September 2015 – 8 October 2015 Report published"),
            "14 September 2015 – 8 October 2015"
        );
        let at = |s: &str| range_at_start(s).map(|(a, b)| format!("{a} {b}"));
        assert_eq!(
            at("14 January 2014- 5 February 2014").as_deref(),
            Some("2014-01-14 2014-02-05")
        );
        assert_eq!(
            at("19 November-11 December 2013 and 28 – 30 January 2014").as_deref(),
            Some("2013-11-19 2014-01-30")
        );
        assert_eq!(
            at("15-19 July 2013").as_deref(),
            Some("2013-07-15 2013-07-19")
        );
    }
}
