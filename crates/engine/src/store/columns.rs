//! How the model's enums are stored: as their stable ids, read back strictly. An id this
//! version does not know (a library written by a newer version, or edited by hand) is an
//! error naming the column and the value, never a silent default.

use crate::model::{Date, Framework, JudgementKey, TrackerStatus};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// Letter and joint-report columns of an inspection: letter date, focus, outcome, rank.
pub(super) type LetterColumns = (Option<Date>, Option<String>, Option<String>, Option<u8>);

/// A stored id that names no known value.
#[derive(Debug, thiserror::Error)]
#[error("the library holds {what} {id:?}, which this version does not know (was the library written by a newer version?)")]
struct UnknownId {
    what: &'static str,
    id: String,
}

fn by_id<T>(
    value: ValueRef<'_>,
    what: &'static str,
    from_id: impl Fn(&str) -> Option<T>,
) -> FromSqlResult<T> {
    let id = value.as_str()?;
    from_id(id).ok_or_else(|| {
        FromSqlError::Other(Box::new(UnknownId {
            what,
            id: id.to_string(),
        }))
    })
}

impl ToSql for Framework {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.id().into())
    }
}

impl FromSql for Framework {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        by_id(value, "the framework", Framework::from_id)
    }
}

impl ToSql for TrackerStatus {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.id().into())
    }
}

impl FromSql for TrackerStatus {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        by_id(value, "the tracker status", TrackerStatus::from_id)
    }
}

impl ToSql for Date {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.to_string().into())
    }
}

impl FromSql for Date {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        by_id(value, "the date", Date::parse_iso)
    }
}

impl ToSql for JudgementKey {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.id().into())
    }
}

impl FromSql for JudgementKey {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        by_id(value, "the judgement key", JudgementKey::from_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn ids_round_trip_and_unknown_ids_are_errors() {
        let conn = Connection::open_in_memory().unwrap();
        for framework in Framework::ALL {
            let back: Framework = conn
                .query_row("SELECT ?1", [framework], |r| r.get(0))
                .unwrap();
            assert_eq!(back, framework);
        }
        for key in JudgementKey::ALL {
            let back: JudgementKey = conn.query_row("SELECT ?1", [key], |r| r.get(0)).unwrap();
            assert_eq!(back, key);
        }
        let unknown = conn
            .query_row("SELECT 'sif-2031'", [], |r| r.get::<_, Framework>(0))
            .unwrap_err()
            .to_string();
        assert!(unknown.contains("\"sif-2031\""), "{unknown}");
    }
}
