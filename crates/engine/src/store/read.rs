//! Reading the library: lists, one inspection whole, authorities, the event log.

use super::columns::LetterColumns;
use super::{
    AuthorityRow, InspectionSummary, JudgementSummary, Library, Result, StoreError,
    StoredInspection,
};
use crate::model::{Evidence, Framework, Grade, ItemFacts, Judgement, Paragraph, Report, Section};
use rusqlite::OptionalExtension;

impl Library {
    /// The library's own log: (time, kind, detail), oldest first.
    pub fn events(&self) -> Result<Vec<(String, String, String)>> {
        self.all(
            "SELECT at, kind, detail FROM library_events ORDER BY id",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    }

    /// Whether a document with these bytes is already stored; its inspection id if so.
    pub fn find_by_sha(&self, sha256: &str) -> Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT i.id FROM documents d JOIN inspections i ON i.document_id = d.id WHERE d.sha256 = ?1",
                [sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.db_error())
    }

    /// Every stored document's SHA-256, to skip re-reading known files on import.
    pub fn known_hashes(&self) -> Result<std::collections::HashSet<String>> {
        self.all("SELECT sha256 FROM documents", |r| r.get(0))
    }

    /// All inspections, by authority and date.
    pub fn list(&self) -> Result<Vec<InspectionSummary>> {
        self.summaries("1 = 1", &[])
    }

    fn summaries(
        &self,
        condition: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<InspectionSummary>> {
        let sql = format!(
            "SELECT i.id, coalesce(a.name, i.local_authority), i.local_authority, a.region, i.framework, i.title,
                    i.inspection_start, i.inspection_end, i.published, i.lead_inspector, d.file_name,
                    a.id IS NOT NULL,
                    (SELECT count(*) FROM recommendations r WHERE r.inspection_id = i.id AND r.priority = 1)
             FROM inspections i JOIN documents d ON d.id = i.document_id LEFT JOIN authorities a ON a.id = i.authority_id
             WHERE {condition}
             ORDER BY coalesce(a.name, i.local_authority), i.inspection_start, i.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(self.db_error())?;
        let rows = stmt
            .query_map(args, |r| {
                let framework: Framework = r.get(4)?;
                Ok(InspectionSummary {
                    id: r.get(0)?,
                    local_authority: r.get(1)?,
                    local_authority_as_printed: r.get(2)?,
                    authority_known: r.get(11)?,
                    region: r.get(3)?,
                    framework,
                    framework_label: framework.label().to_string(),
                    title: r.get(5)?,
                    inspection_start: r.get(6)?,
                    inspection_end: r.get(7)?,
                    published: r.get(8)?,
                    lead_inspector: r.get(9)?,
                    file_name: r.get(10)?,
                    judgements: Vec::new(),
                    priority_actions: r.get(12)?,
                })
            })
            .map_err(self.db_error())?;
        let mut list: Vec<InspectionSummary> = rows
            .collect::<std::result::Result<_, _>>()
            .map_err(self.db_error())?;
        // One query for all judgements, grouped in memory: fast for thousands of inspections.
        let mut judgements: std::collections::HashMap<i64, Vec<JudgementSummary>> =
            std::collections::HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT inspection_id, key, area, grade, scale_rank FROM judgements ORDER BY inspection_id, position")
            .map_err(self.db_error())?;
        let rows = stmt
            .query_map([], |r| {
                let (grade, scale_rank): (String, Option<u8>) = (r.get(3)?, r.get(4)?);
                Ok((
                    r.get::<_, i64>(0)?,
                    JudgementSummary {
                        key: r.get(1)?,
                        area: r.get(2)?,
                        standard: Grade::of(&grade),
                        grade,
                        scale_rank,
                    },
                ))
            })
            .map_err(self.db_error())?;
        for row in rows {
            let (id, j) = row.map_err(self.db_error())?;
            judgements.entry(id).or_default().push(j);
        }
        for item in &mut list {
            item.judgements = judgements.remove(&item.id).unwrap_or_default();
        }
        Ok(list)
    }

    /// One inspection with its full report.
    pub fn inspection(&self, id: i64) -> Result<StoredInspection> {
        let summary = self
            .summaries("i.id = ?1", &[&id])?
            .pop()
            .ok_or(StoreError::NoSuchInspection(id))?;
        let db = self.db_error();
        type Row = (String, u32, bool, u32, String, LetterColumns);
        let (sha256, parser_version, includes_lscb_review, page_count, warnings, letter): Row = self
            .conn
            .query_row(
                "SELECT d.sha256, d.parser_version, i.includes_lscb_review, i.page_count, i.warnings,
                        i.letter_date, i.focus, i.outcome, i.outcome_rank
                 FROM inspections i JOIN documents d ON d.id = i.document_id WHERE i.id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        (r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?),
                    ))
                },
            )
            .map_err(&db)?;
        let (letter_date, focus, outcome, outcome_rank) = letter;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT key, area, grade, scale_rank, statement, paragraph, page FROM judgements WHERE inspection_id = ?1 ORDER BY position",
            )
            .map_err(&db)?;
        let judgements = stmt
            .query_map([id], |r| {
                let paragraph: Option<i64> = r.get(5)?;
                let page: Option<u32> = r.get(6)?;
                let (grade, scale_rank): (String, Option<u8>) = (r.get(2)?, r.get(3)?);
                Ok(Judgement {
                    key: r.get(0)?,
                    area: r.get(1)?,
                    standard: Grade::of(&grade),
                    grade,
                    scale_rank,
                    statement: r.get(4)?,
                    evidence: paragraph.zip(page).map(|(paragraph, page)| Evidence {
                        paragraph: paragraph as usize,
                        page,
                    }),
                })
            })
            .map_err(&db)?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(&db)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT lscb, priority, text, national_framework_ref, national_framework_outcome, responsible_body
                 FROM recommendations WHERE inspection_id = ?1 ORDER BY position",
            )
            .map_err(&db)?;
        let (mut recommendations, mut lscb_recommendations, mut priority_actions) =
            (Vec::new(), Vec::new(), Vec::new());
        let (mut recommendation_facts, mut priority_action_facts) = (Vec::new(), Vec::new());
        for row in stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, bool>(0)?,
                    r.get::<_, bool>(1)?,
                    r.get::<_, String>(2)?,
                    ItemFacts {
                        national_framework_ref: r.get(3)?,
                        national_framework_outcome: r.get(4)?,
                        responsible_body: r.get(5)?,
                    },
                ))
            })
            .map_err(&db)?
        {
            match row.map_err(&db)? {
                (true, _, text, _) => lscb_recommendations.push(text),
                (false, true, text, facts) => {
                    priority_actions.push(text);
                    priority_action_facts.push(facts);
                }
                (false, false, text, facts) => {
                    recommendations.push(text);
                    recommendation_facts.push(facts);
                }
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, heading, page FROM sections WHERE inspection_id = ?1 ORDER BY position",
            )
            .map_err(&db)?;
        let section_rows: Vec<(i64, String, u32)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(&db)?
            .collect::<std::result::Result<_, _>>()
            .map_err(&db)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT section_id, page, text FROM paragraphs WHERE inspection_id = ?1 ORDER BY position")
            .map_err(&db)?;
        let mut sections: Vec<Section> = section_rows
            .iter()
            .map(|(_, heading, page)| Section {
                heading: heading.clone(),
                page: *page,
                paragraphs: Vec::new(),
            })
            .collect();
        let mut paragraphs = Vec::new();
        for row in stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, Option<i64>>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(&db)?
        {
            let (section_id, page, text) = row.map_err(&db)?;
            if let Some(index) =
                section_id.and_then(|s| section_rows.iter().position(|(id, _, _)| *id == s))
            {
                sections[index].paragraphs.push(paragraphs.len());
            }
            paragraphs.push(Paragraph { text, page });
        }
        let authority = crate::extract::authority::matched(&summary.local_authority);
        let report = Report {
            local_authority: summary.local_authority_as_printed.clone(),
            authority,
            framework: summary.framework,
            includes_lscb_review,
            title: summary.title.clone(),
            inspection_start: summary.inspection_start,
            inspection_end: summary.inspection_end,
            published_in_report: summary.published,
            lead_inspector: summary.lead_inspector.clone(),
            letter_date,
            focus,
            outcome,
            outcome_rank,
            judgements,
            recommendations,
            recommendation_facts,
            lscb_recommendations,
            priority_actions,
            priority_action_facts,
            sections,
            paragraphs,
            page_count,
            warnings: serde_json::from_str(&warnings).unwrap_or_default(),
        };
        Ok(StoredInspection {
            summary,
            report,
            sha256,
            parser_version,
        })
    }

    /// The tracker statuses recorded for a document, by item key.
    pub fn tracker_statuses(&self, sha256: &str) -> Result<crate::compare::Recorded> {
        let db = self.db_error();
        let mut statement = self
            .conn
            .prepare_cached("SELECT item_key, status, note FROM tracker_statuses WHERE sha256 = ?1")
            .map_err(&db)?;
        let rows = statement
            .query_map([sha256], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .map_err(&db)?;
        rows.collect::<rusqlite::Result<_>>().map_err(&db)
    }

    /// Every inspection and letter filed under an authority, earliest first.
    pub fn inspections_of(&self, authority: &str) -> Result<Vec<StoredInspection>> {
        let key = crate::extract::name_key(authority);
        let mut list = self.list()?;
        list.retain(|i| crate::extract::name_key(&i.local_authority) == key);
        // Undated documents last, as the library's timeline shows them.
        list.sort_by_key(|i| {
            let date = i.inspection_start.or(i.published);
            (date.is_none(), date, i.id)
        });
        list.into_iter().map(|i| self.inspection(i.id)).collect()
    }

    /// Authorities with at least one inspection, or all with `all`.
    pub fn authorities(&self, all: bool) -> Result<Vec<AuthorityRow>> {
        let rows: Vec<AuthorityRow> = self.all(
            "SELECT a.id, a.name, a.la_code_new, a.region, a.la_type,
                    (SELECT count(*) FROM inspections i WHERE i.authority_id = a.id),
                    (SELECT group_concat(s.name, '|') FROM authority_successions x JOIN authorities s ON s.id = x.successor_id
                      WHERE x.predecessor_id = a.id)
             FROM authorities a ORDER BY a.name",
            |r| {
                let successors: Option<String> = r.get(6)?;
                Ok(AuthorityRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    la_code_new: r.get(2)?,
                    region: r.get(3)?,
                    la_type: r.get(4)?,
                    inspections: r.get(5)?,
                    successors: successors
                        .map(|s| s.split('|').map(str::to_owned).collect())
                        .unwrap_or_default(),
                })
            },
        )?;
        Ok(rows
            .into_iter()
            .filter(|a| all || a.inspections > 0)
            .collect())
    }
}
