//! Stage 3, store: the library, a local SQLite database of reports.
//!
//! Every document is kept whole (its original bytes, so it can be re-read by a newer parser)
//! with its extracted inspection, judgements, recommendations, sections and paragraphs, and an
//! FTS5 index over the paragraphs. Each document is written in its own transaction, so a crash
//! never leaves part of one. Schema versions live in `PRAGMA user_version`, applied by
//! `rusqlite_migration` from the SQL files in `store/migrations/`.

mod columns;
mod import;
mod migrate;
mod open;
mod read;
mod search;
mod write;

pub use import::{
    absolute, collect_files, ImportOutcome, ImportStatus, ImportSummary, Progress, UnfinishedImport,
};
pub use migrate::{migrations, SCHEMA_VERSION};
pub use open::{check_thoroughly, check_whole, Soundness};
pub use search::{SearchFilter, SearchHit, SnippetPart};
pub use write::{sha256_hex, Reparsed};

use crate::error::ErrorKind;
use crate::model::{Date, Framework, Grade, JudgementKey, Report};
use crate::worker::WorkerCommand;
use rusqlite::Connection;
use serde::Serialize;
use std::path::PathBuf;

/// The app's bundle identifier; the library lives in `{data dir}/{identifier}/`, where the
/// desktop app keeps its data too. Must equal `identifier` in tauri.conf.json (a test checks).
pub const APP_IDENTIFIER: &str = "uk.org.inspectioncompare";

/// Something went wrong with the library itself. Messages say what and where; they give no
/// advice specific to one front end (the CLI and the app add their own hint).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("library {}: {source}", path.display())]
    Database {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("library {}: it was made by a newer version of Inspection Compare (schema {found}, this one knows {known}); update the app", path.display())]
    Newer {
        path: PathBuf,
        found: usize,
        known: usize,
    },
    #[error("library {}: cannot back it up before upgrading its schema: {source}", path.display())]
    BackupBeforeUpgrade {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("library {}: could not update its schema: {source}", path.display())]
    Migration {
        path: PathBuf,
        source: rusqlite_migration::Error,
    },
    #[error("library {}: cannot create its folder: {source}", path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("library {}: it is damaged and could not be moved aside ({source}); move or rename it yourself, then start again", path.display())]
    MoveAside {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no inspection with id {0} in the library")]
    NoSuchInspection(i64),
    #[error("{0:?} is not the name, code or Ofsted URN of an authority of the list")]
    NoSuchAuthority(String),
    #[error("no data folder is known on this system to keep the library in")]
    NoDataDir,
    #[error("cannot back up the library {} onto itself; choose another file for the copy", path.display())]
    BackupOntoItself { path: PathBuf },
    #[error("the disk holding the library {} is full: {} was not stored, and the import stopped there; free some space and import again (what was stored is safe)", library.display(), file.display())]
    DiskFull { library: PathBuf, file: PathBuf },
}

impl StoreError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            StoreError::Database { .. } => ErrorKind::Database,
            StoreError::Newer { .. }
            | StoreError::BackupBeforeUpgrade { .. }
            | StoreError::Migration { .. } => ErrorKind::Migration,
            StoreError::Folder { .. } => ErrorKind::Folder,
            StoreError::MoveAside { .. } => ErrorKind::Damaged,
            StoreError::NoSuchInspection(_) => ErrorKind::NoSuchInspection,
            StoreError::NoSuchAuthority(_) => ErrorKind::NoSuchAuthority,
            StoreError::NoDataDir => ErrorKind::NoDataDir,
            StoreError::BackupOntoItself { .. } => ErrorKind::BackupOntoItself,
            StoreError::DiskFull { .. } => ErrorKind::DiskFull,
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
    /// Whether it is filed under an authority of the list (matched or chosen); when not, the
    /// reader could not tell which, and people are asked to choose.
    pub authority_known: bool,
    pub region: Option<String>,
    pub framework: Framework,
    pub framework_label: String,
    pub title: String,
    pub inspection_start: Option<Date>,
    pub inspection_end: Option<Date>,
    pub published: Option<Date>,
    pub lead_inspector: Option<String>,
    pub file_name: String,
    pub judgements: Vec<JudgementSummary>,
    /// Areas for priority action (letters): each calls for an action plan, so it is flagged.
    pub priority_actions: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct JudgementSummary {
    pub key: JudgementKey,
    pub area: String,
    pub grade: String,
    pub scale_rank: Option<u8>,
    pub standard: Grade,
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

/// The library: one SQLite database.
pub struct Library {
    conn: Connection,
    path: PathBuf,
    notices: Vec<String>,
    /// How import and reparse read documents: in this process, or in worker processes.
    reader: Option<WorkerCommand>,
}

impl Library {
    /// Reads every document of later imports and reparses in worker processes started with
    /// `command` (`crate::worker`), so a parser that aborts or hangs costs one refusal. Without
    /// it documents are read in this process (tests, benchmarks).
    pub fn read_in_workers(&mut self, command: WorkerCommand) {
        self.reader = Some(command);
    }
}

#[cfg(test)]
mod tests {
    use super::migrate::MIGRATIONS;
    use super::open::schema_version;
    use super::*;
    use std::path::Path;

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

        // Found at open or by the whole check, whichever tables the damage fell in.
        let library = match Library::open(&path) {
            Ok(library) if !library.notices().is_empty() => library,
            _ => {
                let Soundness::Damaged(found) = check_whole(&path).unwrap() else {
                    panic!("the whole check finds the damage")
                };
                Library::recover(&path, &found).unwrap()
            }
        };
        assert!(
            library.notices()[0].contains("damaged"),
            "{:?}",
            library.notices()
        );
        assert_eq!(library.integrity_check().unwrap(), "ok");
    }

    /// Damage in the stored files is not looked for on the start path (its cost would grow
    /// with the library) but is found by the whole check the app runs once drawn.
    #[test]
    fn damage_among_the_documents_is_left_to_the_whole_check_which_finds_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        let library = Library::open(&path).unwrap();
        // Stored files only (no inspection reads them): overflow pages at the end of the file.
        for n in 0..4 {
            library
                .connection()
                .execute(
                    "INSERT INTO documents (sha256, file_name, source_kind, size, content, parser_version, imported_at)
                     VALUES (?1, 'x.pdf', 'pdf', 200000, zeroblob(200000), 1, '')",
                    [format!("{n:064}")],
                )
                .unwrap();
        }
        library
            .connection()
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
        drop(library);
        assert_eq!(check_whole(&path).unwrap(), Soundness::Sound);
        let mut bytes = std::fs::read(&path).unwrap();
        let len = bytes.len();
        // The last 64 pages of 4 KiB: the last document's overflow chain, broken.
        for (i, b) in bytes[len - 64 * 4096..].iter_mut().enumerate() {
            *b = (i % 251) as u8;
        }
        std::fs::write(&path, &bytes).unwrap();

        let library = Library::open(&path).unwrap();
        assert!(library.notices().is_empty(), "{:?}", library.notices());
        drop(library);
        let Soundness::Damaged(found) = check_whole(&path).unwrap() else {
            panic!("the whole check finds the damaged pages")
        };
        let library = Library::recover(&path, &found).unwrap();
        assert!(library.notices()[0].contains("nothing was deleted"));
        assert!(library.list().unwrap().is_empty());
        drop(library);
        assert_eq!(check_whole(&path).unwrap(), Soundness::Sound);
        assert!(files_in(dir.path())
            .iter()
            .any(|n| n.starts_with("library.sqlite3.damaged-")));
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
