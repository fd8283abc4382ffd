//! Import: files and folders into the library. Extraction runs in parallel; one writer (the
//! calling thread) stores each document in its own transaction.

use super::{sha256_hex, Added, Library, StoreError};
use crate::error::{ErrorKind, FileError, Problem};
use crate::ingest::SourceKind;
use crate::model::Report;
use crate::worker::{Worker, WorkerCommand};
use rusqlite::OptionalExtension;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ImportStatus {
    Imported {
        #[ts(type = "number")]
        inspection_id: i64,
    },
    AlreadyPresent {
        #[ts(type = "number")]
        inspection_id: i64,
    },
    Refused {
        kind: ErrorKind,
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportOutcome {
    pub path: PathBuf,
    #[serde(flatten)]
    pub status: ImportStatus,
}

/// Progress of work over many documents (an import, a reparse), after each one: `done` of
/// `total`, and what became of this one.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a, T = ImportOutcome> {
    pub done: usize,
    pub total: usize,
    pub outcome: &'a T,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportSummary {
    pub outcomes: Vec<ImportOutcome>,
    /// Stopped when asked, before every file was read: the import stays unfinished in the
    /// library ([`Library::unfinished_import`]) until it is resumed or dismissed.
    pub stopped: bool,
    /// Files found but not read because the import stopped.
    pub unread: usize,
}

/// An import that stopped before its end: cancelled, or the app or the machine stopped while
/// it ran. Importing its `paths` again resumes it; what was stored is recognised and skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct UnfinishedImport {
    #[ts(type = "number")]
    pub id: i64,
    pub paths: Vec<PathBuf>,
    /// How many files the paths held when it began.
    pub files: usize,
    /// How many of those files are in the library now (by name and size: a quick count that
    /// reads no file).
    pub stored: usize,
    /// When it began, "YYYY-MM-DDTHH:MM:SSZ".
    pub started_at: String,
}

impl ImportSummary {
    pub fn imported(&self) -> usize {
        self.count(|s| matches!(s, ImportStatus::Imported { .. }))
    }
    pub fn already_present(&self) -> usize {
        self.count(|s| matches!(s, ImportStatus::AlreadyPresent { .. }))
    }
    pub fn refused(&self) -> usize {
        self.count(|s| matches!(s, ImportStatus::Refused { .. }))
    }
    fn count(&self, f: impl Fn(&ImportStatus) -> bool) -> usize {
        self.outcomes.iter().filter(|o| f(&o.status)).count()
    }
}

/// Expands folders (recursively, following links; each real folder is visited once, so a link
/// loop or a folder given twice ends) into their files, in a stable order. Hidden files and
/// folders are skipped; paths that cannot be listed come back as refusals.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ImportOutcome>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut seen_dirs, &mut files, &mut problems);
        } else {
            files.push(path.clone());
        }
    }
    (files, problems)
}

fn walk(
    root: &Path,
    seen: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<ImportOutcome>,
) {
    let entries = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            // Hidden files (.DS_Store, ._resource forks) are never reports; the root is kept
            // whatever its name.
            let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
            // A folder reached a second time (by a link, or given twice) is not walked again.
            let again = entry.file_type().is_dir()
                && entry
                    .path()
                    .canonicalize()
                    .is_ok_and(|real| !seen.insert(real));
            !hidden && !again
        });
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
            // Folders are walked; pipes, sockets and devices are never reports, and reading one
            // could wait for ever.
            Ok(_) => {}
            // walkdir reports a loop it meets before the check above could; it ends the same way.
            Err(e) if e.loop_ancestor().is_some() => {}
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let problem = if path.is_symlink() && !path.exists() {
                    Problem::Unreadable(
                        "a link that leads nowhere (its target is missing, or it loops back to itself)"
                            .into(),
                    )
                } else if e.depth() == 0 && !path.exists() {
                    Problem::NotFound
                } else {
                    Problem::Unreadable(format!(
                        "cannot list the folder: {}",
                        e.io_error()
                            .map_or_else(|| e.to_string(), |io| io.to_string())
                    ))
                };
                problems.push(refusal(&path, &problem));
            }
        }
    }
}

fn refusal(path: &Path, problem: &Problem) -> ImportOutcome {
    let error = FileError::new(path, problem.clone());
    ImportOutcome {
        path: path.to_path_buf(),
        status: ImportStatus::Refused {
            kind: problem.kind(),
            reason: error.to_string(),
        },
    }
}

/// A file read and extracted by a worker, ready for the writer.
enum Extracted {
    Report {
        bytes: Vec<u8>,
        kind: SourceKind,
        report: Box<Report>,
    },
    Known {
        sha: String,
    },
    Refused(Problem),
}

impl Library {
    /// Imports files and folders. Every file gets an outcome; a refusal never stops the others.
    /// Returns `Err` only when the library itself fails (e.g. the disk is full).
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        progress: impl FnMut(Progress<'_>),
    ) -> Result<ImportSummary, StoreError> {
        self.import_until(paths, progress, &AtomicBool::new(false))
    }

    /// [`Library::import`] that stops once `stop` is set: the document being stored is
    /// finished, no new one is begun, and the import stays recorded as unfinished (as one a
    /// crash stopped would be) for [`Library::unfinished_import`] to offer again.
    pub fn import_until(
        &mut self,
        paths: &[PathBuf],
        mut progress: impl FnMut(Progress<'_>),
        stop: &AtomicBool,
    ) -> Result<ImportSummary, StoreError> {
        let (files, mut outcomes) = collect_files(paths);
        let total = files.len() + outcomes.len();
        // Nothing asked for (an app started without files): nothing to record.
        let record = match paths.is_empty() {
            true => None,
            false => Some(self.begin_import(paths, files.len())?),
        };
        for (done, outcome) in outcomes.iter().enumerate() {
            progress(Progress {
                done: done + 1,
                total,
                outcome,
            });
        }
        let known = self.known_hashes()?;
        let workers = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 4)
            .min(files.len().max(1));
        let next = AtomicUsize::new(0);
        let (send, receive) = mpsc::sync_channel::<(usize, Extracted)>(workers * 2);
        let command = self.reader.clone();
        let result = std::thread::scope(|scope| -> Result<(), StoreError> {
            for _ in 0..workers {
                let send = send.clone();
                let (files, known, next, command) = (&files, &known, &next, &command);
                scope.spawn(move || {
                    let mut reader = DocumentReader::new(command.as_ref());
                    while !stop.load(Ordering::Relaxed) {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(index) else { break };
                        let extracted = extract_one(path, known, &mut reader);
                        if send.send((index, extracted)).is_err() {
                            break; // the writer stopped
                        }
                    }
                });
            }
            drop(send);
            // Results arrive in any order; outcomes are reported as they are stored.
            for (index, extracted) in receive {
                let path = &files[index];
                let status = self.store_one(path, extracted)?;
                outcomes.push(ImportOutcome {
                    path: path.clone(),
                    status,
                });
                let outcome = outcomes.last().expect("just pushed");
                progress(Progress {
                    done: outcomes.len(),
                    total,
                    outcome,
                });
                if stop.load(Ordering::Relaxed) {
                    // Leaving the loop drops the receiver: the readers' next send fails and
                    // they end after the document in hand.
                    break;
                }
            }
            Ok(())
        });
        result?;
        let unread = total - outcomes.len();
        let stopped = unread > 0;
        if let (false, Some(record)) = (stopped, record) {
            self.finish_import(record)?;
        }
        Ok(ImportSummary {
            outcomes,
            stopped,
            unread,
        })
    }

    /// Records an import as begun; an unfinished one of the same paths (being resumed) is
    /// taken up again rather than recorded twice. Returns its id.
    fn begin_import(&mut self, paths: &[PathBuf], files: usize) -> Result<i64, StoreError> {
        // Absolute, so the app (or a CLI run from another folder) resumes the same files.
        let paths = serde_json::to_string(
            &paths
                .iter()
                .map(|p| absolute(p).to_string_lossy().into_owned())
                .collect::<Vec<_>>(),
        )
        .expect("strings serialise");
        self.write(|tx, db| {
            let earlier: Option<i64> = tx
                .query_row(
                    "SELECT id FROM imports WHERE finished_at IS NULL AND paths = ?1",
                    [&paths],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db)?;
            if let Some(id) = earlier {
                return Ok(id);
            }
            tx.execute(
                "INSERT INTO imports (paths, files, started_at)
                 VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                rusqlite::params![paths, files as i64],
            )
            .map_err(db)?;
            Ok(tx.last_insert_rowid())
        })
    }

    fn finish_import(&mut self, id: i64) -> Result<(), StoreError> {
        self.write(|tx, db| {
            tx.execute(
                "UPDATE imports SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                [id],
            )
            .map_err(db)?;
            Ok(())
        })
    }

    /// The latest import that stopped before its end, if any: to offer to resume it.
    pub fn unfinished_import(&self) -> Result<Option<UnfinishedImport>, StoreError> {
        let db = self.db_error();
        let found = self
            .connection()
            .query_row(
                "SELECT id, paths, files, started_at FROM imports
                 WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                },
            )
            .optional()
            .map_err(&db)?;
        let Some((id, paths, files, started_at)) = found else {
            return Ok(None);
        };
        let paths: Vec<PathBuf> = serde_json::from_str::<Vec<String>>(&paths)
            .unwrap_or_default()
            .into_iter()
            .map(PathBuf::from)
            .collect();
        // Stored documents by name and size: enough to say how far it got without reading
        // (or hashing) the files again; the resumed import recognises them by content.
        let stored: HashSet<(String, i64)> = self
            .all("SELECT file_name, size FROM documents", |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let (found, _) = collect_files(&paths);
        let stored = found
            .iter()
            .filter(|f| {
                let name = f.file_name().map(|n| n.to_string_lossy().into_owned());
                let size = std::fs::metadata(f).map(|m| m.len() as i64);
                match (name, size) {
                    (Some(name), Ok(size)) => stored.contains(&(name, size)),
                    _ => false,
                }
            })
            .count();
        Ok(Some(UnfinishedImport {
            id,
            paths,
            files: files as usize,
            stored,
            started_at,
        }))
    }

    /// Forgets an unfinished import people chose not to resume (what it stored stays).
    pub fn dismiss_import(&mut self, id: i64) -> Result<(), StoreError> {
        self.finish_import(id)
    }

    fn store_one(&mut self, path: &Path, extracted: Extracted) -> Result<ImportStatus, StoreError> {
        Ok(match extracted {
            Extracted::Refused(problem) => {
                if let Problem::ReaderFailed { internal } = &problem {
                    // The parser's own words are for whoever looks into it, not for the refusal.
                    self.log("reader_failed", &format!("{}: {internal}", path.display()))
                        .map_err(|e| full_disk(e, self.path(), path))?;
                }
                refusal(path, &problem).status
            }
            Extracted::Known { sha } => match self.find_by_sha(&sha)? {
                Some(inspection_id) => ImportStatus::AlreadyPresent { inspection_id },
                // Removed since the import began: read it again.
                None => {
                    let mut reader = DocumentReader::new(self.reader.as_ref());
                    return self.store_one(path, extract_one(path, &HashSet::new(), &mut reader));
                }
            },
            Extracted::Report {
                bytes,
                kind,
                report,
            } => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match self
                    .add(&name, &bytes, kind, &report)
                    .map_err(|e| full_disk(e, self.path(), path))?
                {
                    Added::New(inspection_id) => ImportStatus::Imported { inspection_id },
                    Added::AlreadyPresent(inspection_id) => {
                        ImportStatus::AlreadyPresent { inspection_id }
                    }
                }
            }
        })
    }
}

/// `path` from the root (against the current folder when relative); as given when there is no
/// current folder to resolve it against.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// A write that failed because the disk is full, as the error that says so and names the file
/// being stored; any other error as it was.
fn full_disk(error: StoreError, library: &Path, file: &Path) -> StoreError {
    use rusqlite::ErrorCode::DiskFull;
    match &error {
        StoreError::Database {
            source: rusqlite::Error::SqliteFailure(e, _),
            ..
        } if e.code == DiskFull => StoreError::DiskFull {
            library: library.to_path_buf(),
            file: file.to_path_buf(),
        },
        _ => error,
    }
}

/// Reads documents' bytes into reports: in this process, or in a worker process.
pub(super) enum DocumentReader {
    InProcess,
    Worker(Worker),
}

impl DocumentReader {
    pub(super) fn new(command: Option<&WorkerCommand>) -> DocumentReader {
        match command {
            Some(command) => DocumentReader::Worker(Worker::new(command.clone())),
            None => DocumentReader::InProcess,
        }
    }

    pub(super) fn read(&mut self, bytes: &[u8]) -> Result<(SourceKind, Report), Problem> {
        match self {
            DocumentReader::Worker(worker) => worker.read(bytes),
            DocumentReader::InProcess => crate::read_document(bytes),
        }
    }
}

fn extract_one(path: &Path, known: &HashSet<String>, reader: &mut DocumentReader) -> Extracted {
    let bytes = match crate::ingest::read_bounded(path) {
        Ok(bytes) => bytes,
        Err(e) => return Extracted::Refused(e.problem),
    };
    let sha = sha256_hex(&bytes);
    if known.contains(&sha) {
        return Extracted::Known { sha };
    }
    match reader.read(&bytes) {
        Ok((kind, report)) => Extracted::Report {
            bytes,
            kind,
            report: Box::new(report),
        },
        Err(problem) => Extracted::Refused(problem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_stops_the_import_naming_the_file_and_keeps_the_library_whole() {
        let mut library = Library::open_in_memory().unwrap();
        let before = library.list().unwrap();
        // SQLite's page ceiling stands in for a full disk: the next page written fails with
        // SQLITE_FULL, as a full disk does.
        let pages: i64 = library
            .connection()
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap();
        library
            .connection()
            .execute_batch(&format!("PRAGMA max_page_count = {pages}"))
            .unwrap();
        // A whole report: more than the free pages a new library has.
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/reports/hertfordshire_2018-11-19.pdf");
        let error = library
            .import(std::slice::from_ref(&file), |_| {})
            .unwrap_err();
        assert!(
            matches!(&error, StoreError::DiskFull { file: f, .. } if f == &file),
            "{error}"
        );
        let message = error.to_string();
        assert!(
            message.contains("is full") && message.contains("hertfordshire_2018-11-19.pdf"),
            "{message}"
        );
        assert_eq!(message.lines().count(), 1, "{message}");
        assert_eq!(library.list().unwrap(), before);
        assert_eq!(library.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn a_stopped_import_is_kept_unfinished_and_resumed_without_reading_stored_files_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(&dir.path().join("library.sqlite3")).unwrap();
        let reports = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/reports");
        let folder = dir.path().join("reports");
        std::fs::create_dir(&folder).unwrap();
        for name in [
            "hertfordshire_2018-11-19.pdf",
            "norfolk_2015-10-20.pdf",
            "hertfordshire_2015-11-27.pdf",
            "southend-on-sea_2019-08-27.pdf",
        ] {
            std::fs::copy(reports.join(name), folder.join(name)).unwrap();
        }
        let paths = vec![folder.clone()];
        let stop = AtomicBool::new(false);
        let first = library
            .import_until(
                &paths,
                |p| {
                    if p.done == 2 {
                        stop.store(true, Ordering::Relaxed);
                    }
                },
                &stop,
            )
            .unwrap();
        assert!(first.stopped);
        assert_eq!(first.outcomes.len(), 2);
        assert_eq!(first.unread, 2);
        let unfinished = library
            .unfinished_import()
            .unwrap()
            .expect("kept unfinished");
        assert_eq!(unfinished.paths, paths);
        assert_eq!((unfinished.files, unfinished.stored), (4, 2));

        // Resumed: the two stored are recognised by content, the others read.
        let second = library.import(&paths, |_| {}).unwrap();
        assert!(!second.stopped);
        assert_eq!((second.already_present(), second.imported()), (2, 2));
        assert_eq!(library.unfinished_import().unwrap(), None);
        assert_eq!(library.list().unwrap().len(), 4);
        // One record for the import and its resumption, finished.
        let records: i64 = library
            .connection()
            .query_row(
                "SELECT count(*) FROM imports WHERE finished_at IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(records, 1);
    }
}
