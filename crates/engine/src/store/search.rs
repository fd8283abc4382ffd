//! Full-text search over every stored paragraph (SQLite FTS5), with snippets.

use super::{Library, StoreError};
use crate::model::{Date, Framework};
use rusqlite::params;
use serde::Serialize;

/// Narrows a search. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// An authority's name as printed or canonical ("Hertfordshire", "Hertfordshire County Council").
    pub authority: Option<String>,
    pub framework: Option<Framework>,
    /// The year the inspection started.
    pub year: Option<i32>,
    pub limit: usize,
}

/// A piece of a snippet; `hit` marks the words that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SearchHit {
    #[ts(type = "number")]
    pub inspection_id: i64,
    pub local_authority: String,
    pub framework: Framework,
    pub inspection_start: Option<Date>,
    /// Index of the paragraph in the report.
    pub paragraph: usize,
    pub page: u32,
    /// The snippet as plain text.
    pub snippet: String,
    pub snippet_parts: Vec<SnippetPart>,
}

// Marker characters that cannot occur in report text, so snippets can be split safely.
const OPEN: char = '\u{2}';
const CLOSE: char = '\u{3}';

/// Turns what a person types into an FTS5 query: words must all occur; "quoted phrases" stay
/// together; FTS5 operators and punctuation are taken literally.
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms = Vec::new();
    for (i, part) in input.split('"').enumerate() {
        if i % 2 == 1 {
            let words: Vec<&str> = part
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .filter(|w| !w.is_empty())
                .collect();
            if !words.is_empty() {
                terms.push(format!("\"{}\"", words.join(" ")));
            }
        } else {
            for word in part
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .filter(|w| !w.is_empty())
            {
                terms.push(format!("\"{word}\""));
            }
        }
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

impl Library {
    pub fn search(&self, query: &str, filter: &SearchFilter) -> Result<Vec<SearchHit>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let authority_key = filter
            .authority
            .as_deref()
            .map(crate::extract::authority::name_key);
        let limit = if filter.limit == 0 { 50 } else { filter.limit };
        let conn = self.connection();
        let mut stmt = conn
            .prepare_cached(&format!(
                "SELECT p.inspection_id, coalesce(a.name, i.local_authority), i.local_authority, i.framework, i.inspection_start,
                        p.position, p.page, snippet(paragraphs_fts, 0, '{OPEN}', '{CLOSE}', '…', 16)
                 FROM paragraphs_fts
                 JOIN paragraphs p ON p.id = paragraphs_fts.rowid
                 JOIN inspections i ON i.id = p.inspection_id
                 LEFT JOIN authorities a ON a.id = i.authority_id
                 WHERE paragraphs_fts MATCH ?1
                   AND (?2 IS NULL OR i.framework = ?2)
                   AND (?3 IS NULL OR strftime('%Y', i.inspection_start) = ?3)
                 ORDER BY bm25(paragraphs_fts), i.inspection_start DESC"
            ))
            .map_err(self.db_error())?;
        let year = filter.year.map(|y| format!("{y:04}"));
        let rows = stmt
            .query_map(params![fts, filter.framework, year], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Framework>(3)?,
                    r.get::<_, Option<Date>>(4)?,
                    r.get::<_, i64>(5)? as usize,
                    r.get::<_, u32>(6)?,
                    r.get::<_, String>(7)?,
                ))
            })
            .map_err(self.db_error())?;
        let mut hits = Vec::new();
        for row in rows {
            let (
                inspection_id,
                canonical,
                printed,
                framework,
                inspection_start,
                paragraph,
                page,
                marked,
            ) = row.map_err(self.db_error())?;
            if let Some(key) = &authority_key {
                if crate::extract::authority::name_key(&canonical) != *key
                    && crate::extract::authority::name_key(&printed) != *key
                {
                    continue;
                }
            }
            let snippet_parts = split_snippet(&marked);
            hits.push(SearchHit {
                inspection_id,
                local_authority: canonical,
                framework,
                inspection_start,
                paragraph,
                page,
                snippet: snippet_parts.iter().map(|p| p.text.as_str()).collect(),
                snippet_parts,
            });
            if hits.len() >= limit {
                break;
            }
        }
        Ok(hits)
    }
}

fn split_snippet(marked: &str) -> Vec<SnippetPart> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_hit = false;
    for c in marked.chars() {
        if c == OPEN || c == CLOSE {
            if !current.is_empty() {
                out.push(SnippetPart {
                    text: std::mem::take(&mut current),
                    hit: in_hit,
                });
            }
            in_hit = c == OPEN;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(SnippetPart {
            text: current,
            hit: in_hit,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_literal() {
        assert_eq!(
            fts_query("private fostering").as_deref(),
            Some("\"private\" AND \"fostering\"")
        );
        assert_eq!(
            fts_query("\"private fostering\" OR x*").as_deref(),
            Some("\"private fostering\" AND \"OR\" AND \"x\"")
        );
        assert_eq!(fts_query("  ()  "), None);
    }

    #[test]
    fn snippets_split_at_markers() {
        let parts = split_snippet("a \u{2}private fostering\u{3} b");
        assert_eq!(parts.len(), 3);
        assert!(parts[1].hit && parts[1].text == "private fostering");
    }
}
