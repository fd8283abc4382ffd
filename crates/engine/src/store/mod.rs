//! Stage 3, store: the library, a local SQLite database of reports.
//!
//! Every document is kept whole (its original bytes, so it can be re-read by a newer parser)
//! with its extracted inspection, judgements, recommendations, sections and paragraphs, and an
//! FTS5 index over the paragraphs. Each document is written in its own transaction, so a crash
//! never leaves part of one. Schema versions live in `PRAGMA user_version`, applied by
//! `rusqlite_migration` from the SQL files in `store/migrations/`.

mod import;
mod search;

pub use import::{collect_files, ImportOutcome, ImportProgress, ImportStatus, ImportSummary};
pub use search::{SearchFilter, SearchHit, SnippetPart};

use crate::extract::authority;
use crate::model::{
    Evidence, Framework, ItemFacts, Judgement, JudgementKey, Paragraph, Report, Section,
};

/// Letter and joint-report columns of an inspection: letter date, focus, outcome, rank.
type LetterColumns = (Option<String>, Option<String>, Option<String>, Option<u8>);
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

/// The app's bundle identifier; the library lives in `{data dir}/{identifier}/`, where the
/// desktop app keeps its data too. Must equal `identifier` in tauri.conf.json (a test checks).
pub const APP_IDENTIFIER: &str = "uk.org.inspectioncompare";

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("migrations/0001_initial.sql")),
        M::up_with_hook(
            include_str!("migrations/0002_library_events.sql"),
            pause_for_crash_tests,
        )
        .down("DROP TABLE library_events;"),
        M::up(include_str!("migrations/0003_letters.sql")).down(
            "ALTER TABLE recommendations DROP COLUMN responsible_body;
             ALTER TABLE recommendations DROP COLUMN national_framework_outcome;
             ALTER TABLE recommendations DROP COLUMN national_framework_ref;
             ALTER TABLE recommendations DROP COLUMN priority;
             ALTER TABLE inspections DROP COLUMN outcome_rank;
             ALTER TABLE inspections DROP COLUMN outcome;
             ALTER TABLE inspections DROP COLUMN focus;
             ALTER TABLE inspections DROP COLUMN letter_date;",
        ),
    ])
});

/// The schema version the migrations lead to.
pub const SCHEMA_VERSION: usize = 3;

/// Lets the crash tests kill the process while a migration's transaction is open (the variable
/// is never set otherwise): they prove that a killed migration leaves the old library intact.
fn pause_for_crash_tests(_: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    if let Some(ms) = std::env::var_os("INSPECTION_COMPARE_TEST_MIGRATION_PAUSE_MS") {
        let ms = ms.to_string_lossy().parse().unwrap_or(0);
        std::thread::sleep(Duration::from_millis(ms));
    }
    Ok(())
}

/// The migrations, for tests that validate them.
pub fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

/// Something went wrong with the library itself.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("library {path}: {source}")]
    Database {
        path: String,
        source: rusqlite::Error,
    },
    #[error("library {path}: could not update its schema: {detail}")]
    Migration { path: String, detail: String },
    #[error("library {path}: cannot create its folder: {detail}")]
    Folder { path: String, detail: String },
    #[error("library {path}: it is damaged and could not be moved aside ({detail}); move or rename it yourself, then start again")]
    MoveAside { path: String, detail: String },
    #[error("no inspection with id {0} in the library (see `list`)")]
    NoSuchInspection(i64),
    #[error("no data folder is known on this system; give the library's path with --db")]
    NoDataDir,
    #[error("cannot back up the library {path} onto itself; choose another file for the copy")]
    BackupOntoItself { path: String },
}

impl StoreError {
    pub fn kind(&self) -> &'static str {
        match self {
            StoreError::Database { .. } => "database",
            StoreError::Migration { .. } => "migration",
            StoreError::Folder { .. } => "folder",
            StoreError::MoveAside { .. } => "damaged",
            StoreError::NoSuchInspection(_) => "not_found",
            StoreError::NoDataDir => "no_data_dir",
            StoreError::BackupOntoItself { .. } => "backup_onto_itself",
        }
    }
}

type Result<T> = std::result::Result<T, StoreError>;

/// Maps a SQLite error to a [`StoreError`] naming the library.
type Db<'a> = &'a dyn Fn(rusqlite::Error) -> StoreError;

/// One inspection as listed: enough for a library view or a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct InspectionSummary {
    #[ts(type = "number")]
    pub id: i64,
    /// The authority's canonical name where it matched the list, else as printed.
    pub local_authority: String,
    pub local_authority_as_printed: String,
    pub region: Option<String>,
    pub framework: Framework,
    pub framework_label: String,
    pub title: String,
    pub inspection_start: Option<String>,
    pub inspection_end: Option<String>,
    pub published: Option<String>,
    pub lead_inspector: Option<String>,
    pub file_name: String,
    pub judgements: Vec<JudgementSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct JudgementSummary {
    pub key: JudgementKey,
    pub area: String,
    pub grade: String,
    pub scale_rank: Option<u8>,
}

/// A stored inspection with its full report.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct StoredInspection {
    pub summary: InspectionSummary,
    pub report: Report,
    pub sha256: String,
    pub parser_version: u32,
}

/// An authority in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AuthorityRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub la_code_new: String,
    pub region: String,
    pub la_type: String,
    #[ts(type = "number")]
    pub inspections: i64,
    pub successors: Vec<String>,
}

/// What happened when a document was added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    New(i64),
    AlreadyPresent(i64),
}

/// Authorities that replaced others, as (predecessor, successors).
const SUCCESSIONS: &[(&str, &[&str])] = &[
    (
        "Northamptonshire",
        &["North Northamptonshire", "West Northamptonshire"],
    ),
    ("Cumbria", &["Cumberland", "Westmorland and Furness"]),
    ("Poole", &["Bournemouth, Christchurch and Poole"]),
    ("Bournemouth", &["Bournemouth, Christchurch and Poole"]),
];

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Why the database at `path` cannot be used, if it is damaged. A busy or locked library is
/// not damaged: that error is returned, and nothing is moved.
///
/// Every table but `documents` gets SQLite's `quick_check`. `documents` holds the original
/// files, three quarters of a large library's pages: checking it too would add 0.3–0.7 s at
/// 2,000 inspections (BENCHMARKS.md) to every app start and CLI command. Its pages are checked
/// when read, and `check` runs the full `integrity_check`. The FTS5 table's check (SQLite runs
/// the index's own consistency check for it) is most of what remains.
fn damage(conn: &Connection, path: &Path) -> Result<Option<String>> {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    let check = || -> rusqlite::Result<Option<String>> {
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'documents'")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for table in tables {
            let sql = format!("PRAGMA quick_check(\"{}\")", table.replace('"', "\"\""));
            let answer: String = conn.query_row(&sql, [], |r| r.get(0))?;
            if answer != "ok" {
                return Ok(Some(format!("SQLite's check found: {answer}")));
            }
        }
        Ok(None)
    };
    match check() {
        Ok(found) => Ok(found),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, NotADatabase | DatabaseCorrupt) =>
        {
            Ok(Some(
                if e.code == NotADatabase {
                    "it is not a library database"
                } else {
                    "its database is corrupt"
                }
                .into(),
            ))
        }
        Err(source) => Err(StoreError::Database {
            path: path.display().to_string(),
            source,
        }),
    }
}

/// The schema version a library is at (`PRAGMA user_version`).
fn schema_version(conn: &Connection) -> rusqlite::Result<usize> {
    conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
        .map(|v| v as usize)
}

/// Whether two paths name one file (through links, `..` or another spelling).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!(
        (std::fs::canonicalize(a), std::fs::canonicalize(b)),
        (Ok(x), Ok(y)) if x == y
    )
}

/// `library.sqlite3` → `library.sqlite3{suffix}`, in the same folder.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// "20261123-152233", for names of moved and backed-up libraries.
fn stamp() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

/// Moves a damaged library, with its WAL and shared-memory files, to
/// `library.sqlite3.damaged-{stamp}`; returns where it went.
fn move_aside(path: &Path) -> Result<PathBuf> {
    let moved = sibling(path, &format!(".damaged-{}", stamp()));
    for extra in ["-wal", "-shm"] {
        let from = sibling(path, extra);
        if from.exists() {
            std::fs::rename(&from, sibling(&moved, extra)).map_err(|e| StoreError::MoveAside {
                path: path.display().to_string(),
                detail: e.to_string(),
            })?;
        }
    }
    std::fs::rename(path, &moved).map_err(|e| StoreError::MoveAside {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?;
    Ok(moved)
}

/// The library: one SQLite database.
pub struct Library {
    conn: Connection,
    path: PathBuf,
    notices: Vec<String>,
}

impl Library {
    /// Where the library lives by default: `{data dir}/{bundle identifier}/library.sqlite3`.
    pub fn default_path() -> Result<PathBuf> {
        Ok(dirs::data_dir()
            .ok_or(StoreError::NoDataDir)?
            .join(APP_IDENTIFIER)
            .join("library.sqlite3"))
    }

    /// Opens (creating if needed) and migrates the library at `path`.
    ///
    /// A damaged library (not a database, or failing SQLite's `quick_check`) is never deleted
    /// or written to: it is moved aside, beside the original name, and a new library started.
    /// A library from an older schema is copied (SQLite's online backup) before it is
    /// upgraded. Either is told in [`Library::notices`].
    pub fn open(path: &Path) -> Result<Library> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::Folder {
                path: parent.display().to_string(),
                detail: e.to_string(),
            })?;
        }
        let connect = || {
            Connection::open(path).map_err(|source| StoreError::Database {
                path: path.display().to_string(),
                source,
            })
        };
        let conn = connect()?;
        let Some(damage) = damage(&conn, path)? else {
            return Library::configure(conn, path.to_path_buf());
        };
        drop(conn);
        let moved_to = move_aside(path)?;
        let mut library = Library::configure(connect()?, path.to_path_buf())?;
        let notice = format!(
            "library {}: it was damaged ({damage}), so it was moved to {} and a new, empty library was started; nothing was deleted",
            path.display(),
            moved_to.display()
        );
        library.log("recovered", &notice)?;
        library.notices.push(notice);
        Ok(library)
    }

    /// What happened when the library was opened (recovered from damage, upgraded with a
    /// backup), for the user to be told; empty when nothing happened.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// A library in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Library> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Database {
            path: ":memory:".into(),
            source,
        })?;
        Library::configure(conn, PathBuf::from(":memory:"))
    }

    fn configure(mut conn: Connection, path: PathBuf) -> Result<Library> {
        let db = |source| StoreError::Database {
            path: path.display().to_string(),
            source,
        };
        conn.busy_timeout(BUSY_TIMEOUT).map_err(db)?;
        // WAL lets readers work while one process writes; NORMAL sync is crash-safe in WAL.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(db)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(db)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(db)?;
        let migration_failed = |detail: String| StoreError::Migration {
            path: path.display().to_string(),
            detail,
        };
        let version = schema_version(&conn).map_err(db)?;
        if version > SCHEMA_VERSION {
            return Err(migration_failed(format!(
                "it was made by a newer version of Inspection Compare (schema {version}, this one knows {SCHEMA_VERSION}); update the app"
            )));
        }
        let mut upgraded = None;
        if version > 0 && version < SCHEMA_VERSION && path != Path::new(":memory:") {
            let backup = sibling(&path, &format!(".v{version}-backup-{}", stamp()));
            conn.backup(rusqlite::MAIN_DB, &backup, None)
                .map_err(|e| migration_failed(format!("cannot back it up first: {e}")))?;
            upgraded = Some(format!(
                "library {}: upgraded from schema {version} to {SCHEMA_VERSION}; a copy from before is at {}",
                path.display(),
                backup.display()
            ));
        }
        if let Err(e) = MIGRATIONS.to_latest(&mut conn) {
            // Another process may have migrated the same library at the same moment.
            if schema_version(&conn).ok() != Some(SCHEMA_VERSION) {
                return Err(migration_failed(e.to_string()));
            }
        }
        let mut library = Library {
            conn,
            path,
            notices: Vec::new(),
        };
        if let Some(notice) = upgraded {
            library.log("upgraded", &notice)?;
            library.notices.push(notice);
        }
        library.seed_authorities()?;
        Ok(library)
    }

    /// Records an event in the library's own log.
    fn log(&mut self, kind: &str, detail: &str) -> Result<()> {
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

    /// The library's own log: (time, kind, detail), oldest first.
    pub fn events(&self) -> Result<Vec<(String, String, String)>> {
        let mut statement = self
            .conn
            .prepare("SELECT at, kind, detail FROM library_events ORDER BY id")
            .map_err(self.db_error())?;
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(self.db_error())?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(self.db_error())
    }

    fn db_error(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Database {
            path: self.path.display().to_string(),
            source,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `work` in one IMMEDIATE transaction: all of it is stored or none (an error, or a
    /// crash, rolls it back). IMMEDIATE takes the write lock at the start, so a second writer
    /// waits for the busy timeout instead of failing when it would upgrade a read lock.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>, Db<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.display().to_string();
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
    fn seed_authorities(&mut self) -> Result<()> {
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
            for (old, new) in SUCCESSIONS {
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
        let mut stmt = self
            .conn
            .prepare("SELECT sha256 FROM documents")
            .map_err(self.db_error())?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(self.db_error())?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(self.db_error())
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
                    i.inspection_start, i.inspection_end, i.published, i.lead_inspector, d.file_name
             FROM inspections i JOIN documents d ON d.id = i.document_id LEFT JOIN authorities a ON a.id = i.authority_id
             WHERE {condition}
             ORDER BY coalesce(a.name, i.local_authority), i.inspection_start, i.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(self.db_error())?;
        let rows = stmt
            .query_map(args, |r| {
                let framework: String = r.get(4)?;
                let framework = Framework::from_id(&framework).unwrap_or(Framework::Sif2013);
                Ok(InspectionSummary {
                    id: r.get(0)?,
                    local_authority: r.get(1)?,
                    local_authority_as_printed: r.get(2)?,
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
                let key: String = r.get(1)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    JudgementSummary {
                        key: key_from_id(&key),
                        area: r.get(2)?,
                        grade: r.get(3)?,
                        scale_rank: r.get::<_, Option<u8>>(4)?,
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
                let key: String = r.get(0)?;
                let paragraph: Option<i64> = r.get(5)?;
                let page: Option<u32> = r.get(6)?;
                Ok(Judgement {
                    key: key_from_id(&key),
                    area: r.get(1)?,
                    grade: r.get(2)?,
                    scale_rank: r.get(3)?,
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
            inspection_start: summary.inspection_start.clone(),
            inspection_end: summary.inspection_end.clone(),
            published_in_report: summary.published.clone(),
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
        mut progress: impl FnMut(usize, usize, &str, Option<&str>),
    ) -> Result<(usize, usize)> {
        let ids: Vec<(i64, i64, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT i.id, d.id, d.file_name FROM inspections i JOIN documents d ON d.id = i.document_id ORDER BY i.id")
                .map_err(self.db_error())?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(self.db_error())?;
            rows.collect::<std::result::Result<_, _>>()
                .map_err(self.db_error())?
        };
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
            match crate::read_report_bytes(&bytes) {
                Ok(report) => {
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
                    progress(n + 1, total, &file_name, None);
                }
                Err(problem) => {
                    failed += 1;
                    progress(n + 1, total, &file_name, Some(&problem.to_string()));
                }
            }
        }
        Ok((updated, failed))
    }

    /// Copies the library to `dest` with SQLite's online backup (safe while in use).
    pub fn backup(&self, dest: &Path) -> Result<()> {
        // A backup onto the library's own file would copy it onto itself mid-read.
        if same_file(&self.path, dest) {
            return Err(StoreError::BackupOntoItself {
                path: self.path.display().to_string(),
            });
        }
        self.conn
            .backup(rusqlite::MAIN_DB, dest, None)
            .map_err(|source| StoreError::Database {
                path: dest.display().to_string(),
                source,
            })
    }

    /// `PRAGMA integrity_check`: "ok" for a sound library.
    pub fn integrity_check(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(self.db_error())
    }

    /// Authorities with at least one inspection, or all with `all`.
    pub fn authorities(&self, all: bool) -> Result<Vec<AuthorityRow>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id, a.name, a.la_code_new, a.region, a.la_type,
                        (SELECT count(*) FROM inspections i WHERE i.authority_id = a.id),
                        (SELECT group_concat(s.name, '|') FROM authority_successions x JOIN authorities s ON s.id = x.successor_id
                          WHERE x.predecessor_id = a.id)
                 FROM authorities a ORDER BY a.name",
            )
            .map_err(self.db_error())?;
        let rows = stmt
            .query_map([], |r| {
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
            })
            .map_err(self.db_error())?;
        let rows: Vec<AuthorityRow> = rows
            .collect::<std::result::Result<_, _>>()
            .map_err(self.db_error())?;
        Ok(rows
            .into_iter()
            .filter(|a| all || a.inspections > 0)
            .collect())
    }

    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn key_from_id(id: &str) -> JudgementKey {
    serde_json::from_value(serde_json::Value::String(id.to_string()))
        .unwrap_or(JudgementKey::Overall)
}

/// Writes a report's rows for inspection `id` (the caller holds the transaction).
fn write_report(tx: &rusqlite::Transaction<'_>, id: i64, report: &Report) -> rusqlite::Result<()> {
    let authority_id: Option<i64> = match &report.authority {
        Some(a) => tx
            .query_row(
                "SELECT id FROM authorities WHERE name = ?1",
                [&a.name],
                |r| r.get(0),
            )
            .optional()?,
        None => None,
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
            report.framework.id(),
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
            j.key.id(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().expect("every migration applies");
    }

    #[test]
    fn opens_and_seeds_authorities() {
        let library = Library::open_in_memory().unwrap();
        let all = library.authorities(true).unwrap();
        assert!(all.len() > 150);
        let northants = all.iter().find(|a| a.name == "Northamptonshire").unwrap();
        assert_eq!(
            northants.successors,
            vec!["North Northamptonshire", "West Northamptonshire"]
        );
        assert_eq!(library.integrity_check().unwrap(), "ok");
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn user_version(path: &Path) -> usize {
        schema_version(&Connection::open(path).unwrap()).unwrap()
    }

    #[test]
    fn a_first_schema_library_is_backed_up_then_upgraded_with_nothing_lost() {
        // Made by the first schema's code (`list` on a new library), kept as it was.
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/library-v1.sqlite3");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        std::fs::copy(&fixture, &path).unwrap();
        assert_eq!(user_version(&path), 1);
        let before = Library::open_in_memory()
            .unwrap()
            .authorities(true)
            .unwrap();

        let library = Library::open(&path).unwrap();
        assert_eq!(library.notices().len(), 1, "{:?}", library.notices());
        assert!(
            library.notices()[0].contains(&format!("upgraded from schema 1 to {SCHEMA_VERSION}"))
        );
        assert_eq!(library.authorities(true).unwrap(), before);
        assert_eq!(library.integrity_check().unwrap(), "ok");
        assert_eq!(library.events().unwrap()[0].1, "upgraded");
        drop(library);
        assert_eq!(user_version(&path), SCHEMA_VERSION);

        let backup = files_in(dir.path())
            .into_iter()
            .find(|n| n.starts_with("library.sqlite3.v1-backup-"))
            .expect("a backup beside the library");
        assert_eq!(user_version(&dir.path().join(backup)), 1);
        // Opened again: nothing more to do, nothing to tell.
        assert!(Library::open(&path).unwrap().notices().is_empty());
    }

    #[test]
    fn a_damaged_library_is_moved_aside_and_a_new_one_started() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        let junk: Vec<u8> = (0..20_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        std::fs::write(&path, &junk).unwrap();

        let library = Library::open(&path).unwrap();
        let notice = &library.notices()[0];
        assert!(notice.contains("it is not a library database"), "{notice}");
        assert!(notice.contains("nothing was deleted"), "{notice}");
        assert_eq!(library.integrity_check().unwrap(), "ok");
        assert!(library.list().unwrap().is_empty());
        assert_eq!(library.events().unwrap()[0].1, "recovered");
        drop(library);
        let moved = files_in(dir.path())
            .into_iter()
            .find(|n| n.starts_with("library.sqlite3.damaged-"))
            .expect("the damaged file beside the new one");
        assert_eq!(std::fs::read(dir.path().join(moved)).unwrap(), junk);
    }

    #[test]
    fn a_library_with_damaged_pages_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        drop(Library::open(&path).unwrap());
        // Checkpointed into the main file, then its second half overwritten: the header reads,
        // the b-trees do not.
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        drop(conn);
        let mut bytes = std::fs::read(&path).unwrap();
        let half = bytes.len() / 2;
        for (i, b) in bytes[half..].iter_mut().enumerate() {
            *b = (i % 13) as u8 + 1;
        }
        std::fs::write(&path, &bytes).unwrap();

        let library = Library::open(&path).unwrap();
        assert!(
            library.notices()[0].contains("damaged"),
            "{:?}",
            library.notices()
        );
        assert_eq!(library.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn a_library_from_a_newer_version_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        drop(Library::open(&path).unwrap());
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        let err = Library::open(&path).err().expect("refused");
        assert!(err.to_string().contains("newer version"), "{err}");
        assert_eq!(user_version(&path), 99);
    }
}
