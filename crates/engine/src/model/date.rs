//! A calendar date: the model's one date type, written "YYYY-MM-DD" in JSON, in the library
//! and for the UI (which words it for people itself).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::macros::format_description;

const ISO: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// A day of the calendar (`time::Date`), as inspections and letters are dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
#[ts(type = "string", rename = "IsoDate")]
pub struct Date(time::Date);

impl Date {
    /// The date, if the day exists (no 30 February).
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Date)
    }

    /// "2013-01-28" → the date.
    pub fn parse_iso(text: &str) -> Option<Date> {
        time::Date::parse(text, ISO).ok().map(Date)
    }

    /// Today, in UTC: the default date a group of authorities stands at.
    pub fn today() -> Date {
        Date(time::OffsetDateTime::now_utc().date())
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn month(self) -> u8 {
        self.0.month().into()
    }

    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// "January".
    pub fn month_name(self) -> String {
        self.0.month().to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.format(ISO).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    fn from_str(text: &str) -> Result<Date, String> {
        Date::parse_iso(text).ok_or_else(|| format!("{text:?} is not a date written YYYY-MM-DD"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_and_read_as_iso() {
        let date = Date::from_ymd(2013, 1, 28).unwrap();
        assert_eq!(date.to_string(), "2013-01-28");
        assert_eq!(Date::parse_iso("2013-01-28"), Some(date));
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2013-01-28\"");
        assert_eq!(Date::from_ymd(2015, 2, 29), None);
        assert_eq!(
            Date::from_ymd(2016, 2, 29).map(|d| d.month_name()),
            Some("February".into())
        );
        assert!(serde_json::from_str::<Date>("\"28/01/2013\"").is_err());
    }
}
