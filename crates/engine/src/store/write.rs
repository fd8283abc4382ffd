//! Writing the library: one IMMEDIATE transaction per document, so a crash never leaves part
//! of one.

use super::{Added, Db, Library, Progress, Result, StoreError};
use crate::error::Problem;
use crate::extract::authority;
use crate::model::{ItemFacts, Report};
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

/// What became of one document in a reparse: re-read, or kept as it was because the current
/// parser cannot read it (`problem`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reparsed {
    pub file_name: String,
    pub problem: Option<Problem>,
}

/// The SHA-256 of an inspection's document: what choices and statuses are kept by.
fn document_sha(tx: &rusqlite::Transaction<'_>, db: Db<'_>, id: i64) -> Result<String> {
    tx.query_row(
        "SELECT d.sha256 FROM inspections i JOIN documents d ON d.id = i.document_id WHERE i.id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()
    .map_err(db)?
    .ok_or(StoreError::NoSuchInspection(id))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The library's row of the authority of the list named `name`, if it has one (the list
/// seeded it; a library seeded by an older list may lack a newer authority).
fn authority_id(conn: &rusqlite::Connection, name: &str) -> rusqlite::Result<Option<i64>> {
    conn.query_row("SELECT id FROM authorities WHERE name = ?1", [name], |r| {
        r.get(0)
    })
    .optional()
}

/// Writes a report's rows for inspection `id` (the caller holds the transaction).
fn write_report(tx: &rusqlite::Transaction<'_>, id: i64, report: &Report) -> rusqlite::Result<()> {
    // A person's choice for this document wins over what the reader matched.
    let chosen: Option<i64> = tx
        .query_row(
            "SELECT c.authority_id FROM authority_choices c JOIN documents d ON d.sha256 = c.sha256
             JOIN inspections i ON i.document_id = d.id WHERE i.id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    let authority_id: Option<i64> = match (chosen, &report.authority) {
        (Some(chosen), _) => Some(chosen),
        (None, Some(a)) => authority_id(tx, &a.name)?,
        (None, None) => None,
    };
    tx.execute(
        "UPDATE inspections SET authority_id = ?2, local_authority = ?3, framework = ?4, includes_lscb_review = ?5, title = ?6,
            inspection_start = ?7, inspection_end = ?8, published = ?9, lead_inspector = ?10, page_count = ?11, warnings = ?12,
            letter_date = ?13, focus = ?14, outcome = ?15, outcome_rank = ?16
         WHERE id = ?1",
        params![
            id,
            authority_id,
            report.local_authority,
            report.framework,
            report.includes_lscb_review,
            report.title,
            report.inspection_start,
            report.inspection_end,
            report.published_in_report,
            report.lead_inspector,
            report.page_count,
            serde_json::to_string(&report.warnings).unwrap_or_else(|_| "[]".into()),
            report.letter_date,
            report.focus,
            report.outcome,
            report.outcome_rank,
        ],
    )?;
    let mut judgement = tx.prepare_cached(
        "INSERT INTO judgements (inspection_id, position, key, area, grade, scale_rank, statement, paragraph, page)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (position, j) in report.judgements.iter().enumerate() {
        judgement.execute(params![
            id,
            position as i64,
            j.key,
            j.area,
            j.grade,
            j.scale_rank,
            j.statement,
            j.evidence.map(|e| e.paragraph as i64),
            j.evidence.map(|e| e.page)
        ])?;
    }
    let mut recommendation = tx.prepare_cached(
        "INSERT INTO recommendations (inspection_id, position, lscb, priority, text, national_framework_ref,
            national_framework_outcome, responsible_body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let none = ItemFacts::default();
    let facts = |list: &'_ [ItemFacts], i: usize| list.get(i).cloned().unwrap_or_default();
    let all = (report.recommendations.iter().enumerate())
        .map(|(i, r)| (false, false, r, facts(&report.recommendation_facts, i)))
        .chain(
            report
                .lscb_recommendations
                .iter()
                .map(|r| (true, false, r, none.clone())),
        )
        .chain(
            (report.priority_actions.iter().enumerate())
                .map(|(i, r)| (false, true, r, facts(&report.priority_action_facts, i))),
        );
    for (position, (lscb, priority, text, f)) in all.enumerate() {
        recommendation.execute(params![
            id,
            position as i64,
            lscb,
            priority,
            text,
            f.national_framework_ref,
            f.national_framework_outcome,
            f.responsible_body
        ])?;
    }
    let mut section = tx.prepare_cached(
        "INSERT INTO sections (inspection_id, position, heading, page) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut section_of = vec![None; report.paragraphs.len()];
    for (position, s) in report.sections.iter().enumerate() {
        section.execute(params![id, position as i64, s.heading, s.page])?;
        let section_id = tx.last_insert_rowid();
        for &p in &s.paragraphs {
            if let Some(slot) = section_of.get_mut(p) {
                *slot = Some(section_id);
            }
        }
    }
    let mut paragraph =
        tx.prepare_cached("INSERT INTO paragraphs (inspection_id, section_id, position, page, text) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (position, p) in report.paragraphs.iter().enumerate() {
        paragraph.execute(params![
            id,
            section_of[position],
            position as i64,
            p.page,
            p.text
        ])?;
    }
    Ok(())
}

impl Library {
    /// Records an event in the library's own log.
    pub(super) fn log(&mut self, kind: &str, detail: &str) -> Result<()> {
        self.write(|tx, db| {
            // The time as `documents.imported_at` has it.
            tx.execute(
                "INSERT INTO library_events (at, kind, detail)
                 VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2)",
                params![kind, detail],
            )
            .map_err(db)?;
            Ok(())
        })
    }

    /// Runs `work` in one IMMEDIATE transaction: all of it is stored or none (an error, or a
    /// crash, rolls it back). IMMEDIATE takes the write lock at the start, so a second writer
    /// waits for the busy timeout instead of failing when it would upgrade a read lock.
    pub(super) fn write<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>, Db<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        let db = move |source| StoreError::Database {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&db)?;
        let value = work(&tx, &db)?;
        tx.commit().map_err(&db)?;
        Ok(value)
    }

    /// Fills the authorities table from the project's list, once.
    pub(super) fn seed_authorities(&mut self) -> Result<()> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM authorities", [], |r| r.get(0))
            .map_err(self.db_error())?;
        if count > 0 {
            return Ok(());
        }
        self.write(|tx, db| {
            for a in authority::all() {
                tx.execute(
                    "INSERT OR IGNORE INTO authorities (name, urn, la_code, la_code_new, region, la_type, stat_neighbours)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![a.name, a.urn, a.la_code, a.la_code_new, a.region, a.la_type, a.stat_neighbours.join(" ")],
                )
                .map_err(db)?;
            }
            for (old, new) in authority::SUCCESSIONS {
                for successor in *new {
                    tx.execute(
                        "INSERT OR IGNORE INTO authority_successions (predecessor_id, successor_id)
                         SELECT p.id, s.id FROM authorities p, authorities s WHERE p.name = ?1 AND s.name = ?2",
                        params![old, successor],
                    )
                    .map_err(db)?;
                }
            }
                Ok(())
        })
    }

    /// Adds one document and its report in a single transaction.
    pub fn add(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        kind: crate::ingest::SourceKind,
        report: &Report,
    ) -> Result<Added> {
        let sha = sha256_hex(bytes);
        self.write(|tx, db| {
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT i.id FROM documents d JOIN inspections i ON i.document_id = d.id WHERE d.sha256 = ?1",
                    [&sha],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db)?;
            if let Some(id) = existing {
                return Ok(Added::AlreadyPresent(id));
            }
            tx.execute(
                "INSERT INTO documents (sha256, file_name, source_kind, size, content, parser_version, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                params![
                    sha,
                    file_name,
                    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
                    bytes.len() as i64,
                    bytes,
                    crate::extract::PARSER_VERSION
                ],
            )
            .map_err(db)?;
            let document_id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO inspections (document_id, authority_id, local_authority, framework, includes_lscb_review, title,
                    inspection_start, inspection_end, published, lead_inspector, page_count, warnings)
                 VALUES (?1, NULL, '', '', 0, '', NULL, NULL, NULL, NULL, 0, '[]')",
                [document_id],
            )
            .map_err(db)?;
            let id = tx.last_insert_rowid();
            write_report(tx, id, report).map_err(db)?;
            Ok(Added::New(id))
        })
    }

    /// Files an inspection under an authority of the list (by name, new or old code, or URN)
    /// and remembers the choice for its document, for a report whose authority the reader
    /// could not tell. Returns the authority's name.
    pub fn choose_authority(&mut self, id: i64, authority: &str) -> Result<String> {
        let no_such = || StoreError::NoSuchAuthority(authority.trim().to_string());
        let name = authority::named(authority)
            .ok_or_else(no_such)?
            .name
            .clone();
        let authority_id = authority_id(self.connection(), &name)
            .map_err(self.db_error())?
            .ok_or_else(no_such)?;
        self.write(|tx, db| {
            let sha = document_sha(tx, db, id)?;
            tx.execute(
                "INSERT OR REPLACE INTO authority_choices (sha256, authority_id) VALUES (?1, ?2)",
                params![sha, authority_id],
            )
            .map_err(db)?;
            tx.execute(
                "UPDATE inspections SET authority_id = ?2 WHERE id = ?1",
                params![id, authority_id],
            )
            .map_err(db)?;
            Ok(())
        })?;
        Ok(name)
    }

    /// Records (or, with `None`, clears) a tracker status and note for the item `key` of an
    /// inspection's document. Kept by the document's SHA-256: it survives reparse and removal.
    pub fn set_tracker_status(
        &mut self,
        id: i64,
        key: &str,
        status: Option<crate::model::TrackerStatus>,
        note: &str,
    ) -> Result<()> {
        self.write(|tx, db| {
            let sha = document_sha(tx, db, id)?;
            match status {
                Some(status) => tx.execute(
                    "INSERT OR REPLACE INTO tracker_statuses (sha256, item_key, status, note, updated_at)
                     VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                    params![sha, key, status, note],
                ),
                None => tx.execute(
                    "DELETE FROM tracker_statuses WHERE sha256 = ?1 AND item_key = ?2",
                    params![sha, key],
                ),
            }
            .map_err(db)?;
            Ok(())
        })
    }

    /// Removes an inspection and its document.
    pub fn remove(&mut self, id: i64) -> Result<()> {
        self.write(|tx, db| {
            let document: Option<i64> = tx
                .query_row(
                    "SELECT document_id FROM inspections WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db)?;
            let document = document.ok_or(StoreError::NoSuchInspection(id))?;
            tx.execute("DELETE FROM documents WHERE id = ?1", [document])
                .map_err(db)?;
            Ok(())
        })
    }

    /// Re-extracts every stored document with the current parser, in place (ids are kept).
    /// A document the current parser cannot read keeps its earlier extraction.
    pub fn reparse(
        &mut self,
        mut progress: impl FnMut(Progress<'_, Reparsed>),
    ) -> Result<(usize, usize)> {
        let ids: Vec<(i64, i64, String)> = self.all(
            "SELECT i.id, d.id, d.file_name FROM inspections i JOIN documents d ON d.id = i.document_id ORDER BY i.id",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let mut reader = super::import::DocumentReader::new(self.reader.as_ref());
        let (mut updated, mut failed) = (0, 0);
        let total = ids.len();
        for (n, (inspection, document, file_name)) in ids.into_iter().enumerate() {
            let bytes: Vec<u8> = self
                .conn
                .query_row(
                    "SELECT content FROM documents WHERE id = ?1",
                    [document],
                    |r| r.get(0),
                )
                .map_err(self.db_error())?;
            match reader.read(&bytes) {
                Ok((_, report)) => {
                    self.write(|tx, db| {
                        for table in ["judgements", "recommendations", "paragraphs", "sections"] {
                            tx.execute(
                                &format!("DELETE FROM {table} WHERE inspection_id = ?1"),
                                [inspection],
                            )
                            .map_err(db)?;
                        }
                        write_report(tx, inspection, &report).map_err(db)?;
                        tx.execute(
                            "UPDATE documents SET parser_version = ?1 WHERE id = ?2",
                            params![crate::extract::PARSER_VERSION, document],
                        )
                        .map_err(db)?;
                        Ok(())
                    })?;
                    updated += 1;
                    progress(Progress {
                        done: n + 1,
                        total,
                        outcome: &Reparsed {
                            file_name,
                            problem: None,
                        },
                    });
                }
                Err(problem) => {
                    failed += 1;
                    progress(Progress {
                        done: n + 1,
                        total,
                        outcome: &Reparsed {
                            file_name,
                            problem: Some(problem),
                        },
                    });
                }
            }
        }
        Ok((updated, failed))
    }
}
