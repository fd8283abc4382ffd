//! Opening the library: creating it, recovering a damaged one, backing it up, checking it.

use super::migrate::{MIGRATIONS, SCHEMA_VERSION};
use super::{Library, Result, StoreError, APP_IDENTIFIER};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// Tables that grow with the documents: their bytes, their readings and the full-text index
/// (`paragraphs_fts` and its shadow tables). Opening leaves them to [`check_whole`], which the
/// app runs in the background once it is drawn and `check` runs on demand: at 2,000
/// inspections their check took 1.5 s of every start (BENCHMARKS.md). A new table that grows
/// with the documents belongs here.
const DOCUMENT_TABLES: &[&str] = &[
    "documents",
    "inspections",
    "judgements",
    "recommendations",
    "sections",
    "paragraphs",
];

/// Whether opening checks `table` (the authority list and what people record: sizes that do
/// not grow with the library), or leaves it to the whole check.
fn checked_at_open(table: &str) -> bool {
    !DOCUMENT_TABLES.contains(&table) && !table.starts_with("paragraphs_fts")
}

/// How much of the library a check reads.
#[derive(Clone, Copy)]
enum Scope {
    /// The schema and the tables of [`checked_at_open`]: a constant cost, on the start path.
    Open,
    /// Every page (SQLite's `quick_check` of the whole file, the FTS index's own check
    /// included).
    Whole,
    /// Every page and each index against its table (SQLite's `integrity_check`).
    Thorough,
}

/// Why the database at `path` cannot be used, if it is damaged. A busy or locked library is
/// not damaged: that error is returned, and nothing is moved.
fn damage(conn: &Connection, path: &Path, scope: Scope) -> Result<Option<String>> {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    let check = || -> rusqlite::Result<Option<String>> {
        // Reading the schema reads page 1 and the schema's pages: a file that is not a
        // database, or whose schema is damaged, fails here whatever the scope.
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let pragmas: Vec<String> = match scope {
            Scope::Whole => vec!["PRAGMA quick_check".into()],
            Scope::Thorough => vec!["PRAGMA integrity_check".into()],
            Scope::Open => tables
                .iter()
                .filter(|t| checked_at_open(t))
                .map(|t| format!("PRAGMA quick_check(\"{}\")", t.replace('"', "\"\"")))
                .collect(),
        };
        for sql in pragmas {
            let answer: String = conn.query_row(&sql, [], |r| r.get(0))?;
            if answer != "ok" {
                return Ok(Some(format!("SQLite's check found: {}", one_line(&answer))));
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
        Err(source) => Err(database_error(path)(source)),
    }
}

/// SQLite's findings (a line each, sometimes hundreds) as one line for a message: the first
/// few, and how many more.
fn one_line(answer: &str) -> String {
    let lines: Vec<&str> = answer
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"))
        .collect();
    let mut said = lines.iter().take(3).copied().collect::<Vec<_>>().join("; ");
    if lines.len() > 3 {
        said.push_str(&format!("; and {} more", lines.len() - 3));
    }
    said
}

/// What the whole check of a library found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Soundness {
    Sound,
    /// Damaged, with what SQLite said; [`Library::recover`] moves it aside.
    Damaged(String),
}

/// Checks every page of the library at `path` (SQLite's `quick_check`, the stored files and
/// the search index included) on a read-only connection of its own, so reads and writes of
/// the open library go on meanwhile. What opening leaves out ([`DOCUMENT_TABLES`]): the app
/// runs it in the background once drawn, and tells people what it found.
pub fn check_whole(path: &Path) -> Result<Soundness> {
    check_file(path, Scope::Whole)
}

/// [`check_whole`], and each index compared with its table too (SQLite's `integrity_check`):
/// slower, for the CLI's `check`, which people run on demand.
pub fn check_thoroughly(path: &Path) -> Result<Soundness> {
    check_file(path, Scope::Thorough)
}

fn check_file(path: &Path, scope: Scope) -> Result<Soundness> {
    use rusqlite::OpenFlags;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(database_error(path))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(database_error(path))?;
    Ok(match damage(&conn, path, scope)? {
        None => Soundness::Sound,
        Some(found) => Soundness::Damaged(found),
    })
}

/// Maps a SQLite error to a [`StoreError`] naming the library at `path` (before a [`Library`]
/// exists to do it: [`Library::db_error`]).
fn database_error(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| StoreError::Database {
        path: path.to_path_buf(),
        source,
    }
}

/// The schema version a library is at (`PRAGMA user_version`).
pub(super) fn schema_version(conn: &Connection) -> rusqlite::Result<usize> {
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
    let format = time::macros::format_description!("[year][month][day]-[hour][minute][second]");
    time::OffsetDateTime::now_utc()
        .format(format)
        .expect("a UTC time has every part this format names")
}

/// Moves a damaged library, with its WAL and shared-memory files, to
/// `library.sqlite3.damaged-{stamp}`; returns where it went.
fn move_aside(path: &Path) -> Result<PathBuf> {
    let moved = sibling(path, &format!(".damaged-{}", stamp()));
    for extra in ["-wal", "-shm"] {
        let from = sibling(path, extra);
        if from.exists() {
            std::fs::rename(&from, sibling(&moved, extra)).map_err(|e| StoreError::MoveAside {
                path: path.to_path_buf(),
                source: e,
            })?;
        }
    }
    std::fs::rename(path, &moved).map_err(|e| StoreError::MoveAside {
        path: path.to_path_buf(),
        source: e,
    })?;
    Ok(moved)
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
    /// Its cost does not grow with the library: the schema and the small tables are checked
    /// here, the tables of the documents by [`check_whole`]. A damaged library (not a
    /// database, or failing SQLite's `quick_check`) is never deleted or written to: it is
    /// moved aside, beside the original name, and a new library started.
    /// A library from an older schema is copied (SQLite's online backup) before it is
    /// upgraded. Either is told in [`Library::notices`].
    pub fn open(path: &Path) -> Result<Library> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::Folder {
                path: parent.to_path_buf(),
                source: e,
            })?;
        }
        let conn = Connection::open(path).map_err(database_error(path))?;
        let Some(damage) = damage(&conn, path, Scope::Open)? else {
            return Library::configure(conn, path.to_path_buf());
        };
        drop(conn);
        Library::recover(path, &damage)
    }

    /// Moves the damaged library at `path` aside (never deleting it) and starts a new one
    /// there, saying so in [`Library::notices`] and the library's events. Every connection to
    /// it should be closed first: one left open would go on using the moved file.
    pub fn recover(path: &Path, damage: &str) -> Result<Library> {
        let moved_to = move_aside(path)?;
        let conn = Connection::open(path).map_err(database_error(path))?;
        let mut library = Library::configure(conn, path.to_path_buf())?;
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
        let conn = Connection::open_in_memory().map_err(database_error(Path::new(":memory:")))?;
        Library::configure(conn, PathBuf::from(":memory:"))
    }

    fn configure(mut conn: Connection, path: PathBuf) -> Result<Library> {
        let version = {
            let db = database_error(&path);
            conn.busy_timeout(BUSY_TIMEOUT).map_err(&db)?;
            // WAL lets readers work while one process writes; NORMAL sync is crash-safe in WAL.
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(&db)?;
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(&db)?;
            conn.pragma_update(None, "foreign_keys", "ON")
                .map_err(&db)?;
            schema_version(&conn).map_err(&db)?
        };
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path,
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        let mut upgraded = None;
        if version > 0 && version < SCHEMA_VERSION && path != Path::new(":memory:") {
            let backup = sibling(&path, &format!(".v{version}-backup-{}", stamp()));
            if let Err(source) = conn.backup(rusqlite::MAIN_DB, &backup, None) {
                return Err(StoreError::BackupBeforeUpgrade { path, source });
            }
            upgraded = Some(format!(
                "library {}: upgraded from schema {version} to {SCHEMA_VERSION}; a copy from before is at {}",
                path.display(),
                backup.display()
            ));
        }
        if let Err(source) = MIGRATIONS.to_latest(&mut conn) {
            // Another process may have migrated the same library at the same moment.
            if schema_version(&conn).ok() != Some(SCHEMA_VERSION) {
                return Err(StoreError::Migration { path, source });
            }
        }
        let mut library = Library {
            conn,
            path,
            notices: Vec::new(),
            reader: None,
        };
        if let Some(notice) = upgraded {
            library.log("upgraded", &notice)?;
            library.notices.push(notice);
        }
        library.seed_authorities()?;
        Ok(library)
    }

    pub(super) fn db_error(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        database_error(&self.path)
    }

    /// Every row a parameterless query gives, each turned into a value by `row`.
    pub(super) fn all<T, C: FromIterator<T>>(
        &self,
        sql: &str,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<C> {
        let db = self.db_error();
        let mut statement = self.conn.prepare_cached(sql).map_err(&db)?;
        let rows = statement.query_map([], row).map_err(&db)?;
        rows.collect::<rusqlite::Result<C>>().map_err(&db)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Copies the library to `dest` with SQLite's online backup (safe while in use).
    pub fn backup(&self, dest: &Path) -> Result<()> {
        // A backup onto the library's own file would copy it onto itself mid-read.
        if same_file(&self.path, dest) {
            return Err(StoreError::BackupOntoItself {
                path: self.path.clone(),
            });
        }
        self.conn
            .backup(rusqlite::MAIN_DB, dest, None)
            .map_err(database_error(dest))
    }

    /// `PRAGMA integrity_check` (every page, and each index against its table): "ok" for a
    /// sound library, else what it found, in one line.
    pub fn integrity_check(&self) -> Result<String> {
        let answer: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(self.db_error())?;
        Ok(if answer == "ok" {
            answer
        } else {
            one_line(&answer)
        })
    }

    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }
}
