//! A national library for the benchmarks: `documents` stored documents made from the corpus
//! (the national record, then the reports and blind sets), each copy with different bytes (a
//! comment after `%%EOF`, as the 2,000-inspection benchmark does), so every one is read and
//! stored as a document of its own.
//!
//! The corpus covers 78 authorities; the national record covers all 152. So that the Library
//! view has as many authorities to draw as a national library does, every copy after the first
//! is filed under another current authority with the library's own `choose_authority` (the
//! choice people make for a report whose authority the reader cannot tell). Grades and text are
//! the copied report's: this library measures size, not the record.
//!
//! Built by `scripts/make-national-library.sh` (the `national_library` example) and by the
//! benchmarks that need it, once, in `target/bench-library-3000/`.

use inspection_engine::store::{ImportStatus, Library};
use std::path::{Path, PathBuf};

/// Where the benchmarks keep the 3,000-document library.
pub fn default_path() -> PathBuf {
    // This file is compiled into the engine's benchmarks and the app's: the workspace is the
    // nearest folder up with the lock file.
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("Cargo.lock").is_file())
        .expect("the workspace has a Cargo.lock");
    workspace.join("target/bench-library-3000/library.sqlite3")
}

/// The library at `db` with at least `documents` stored documents, built if it has fewer.
pub fn ensure(corpus: &Path, db: &Path, documents: usize) -> PathBuf {
    let count = Library::open(db)
        .and_then(|l| l.list().map(|v| v.len()))
        .unwrap_or(0);
    if count < documents {
        build(corpus, db, documents);
    }
    db.to_path_buf()
}

/// Builds the library at `db` afresh (anything there is replaced) with `documents` stored
/// documents; returns how many authorities it files them under.
pub fn build(corpus: &Path, db: &Path, documents: usize) -> usize {
    let dir = db.parent().expect("the library is in a folder");
    for extra in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_os_string();
        name.push(extra);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
    let files = dir.join("copies");
    let _ = std::fs::remove_dir_all(&files);
    let mut sources: Vec<PathBuf> = Vec::new();
    for folder in ["national", "reports", "blind"] {
        let mut found: Vec<PathBuf> = walk(&corpus.join(folder));
        found.sort();
        sources.extend(found);
    }
    let mut library = Library::open(db).expect("the library opens");
    let current: Vec<String> = library
        .authorities(true)
        .expect("authorities")
        .into_iter()
        .filter(|a| a.successors.is_empty() && !a.la_code_new.is_empty())
        .map(|a| a.name)
        .collect();
    let mut stored = 0;
    let mut accepted = sources.clone();
    let mut copy = 0usize;
    while stored < documents {
        let round = files.join(format!("copy-{copy:02}"));
        std::fs::create_dir_all(&round).expect("a folder for the copies");
        let mut written = Vec::new();
        for (n, source) in accepted.iter().enumerate() {
            if stored + written.len() >= documents {
                break;
            }
            let mut bytes = std::fs::read(source).expect("a corpus file reads");
            if copy > 0 {
                bytes.extend_from_slice(format!("\n% copy {copy}\n").as_bytes());
            }
            let name = format!("{n:04}-{}", source.file_name().unwrap().to_string_lossy());
            std::fs::write(round.join(&name), bytes).expect("a copy is written");
            written.push((round.join(name), source.clone()));
        }
        let summary = library
            .import(std::slice::from_ref(&round), |_| {})
            .expect("the copies import");
        let mut kept = Vec::new();
        for outcome in &summary.outcomes {
            let ImportStatus::Imported { inspection_id } = outcome.status else {
                continue;
            };
            stored += 1;
            let source = written
                .iter()
                .find(|(copy, _)| copy == &outcome.path)
                .map(|(_, s)| s.clone())
                .expect("each outcome is of a copy written");
            if copy > 0 {
                // Spread over every current authority: the copy's place in the list, moved on
                // by a stride that differs per round.
                let at = written
                    .iter()
                    .position(|(c, _)| c == &outcome.path)
                    .unwrap_or(0);
                let target = &current[(at * 7 + copy * 31) % current.len()];
                library
                    .choose_authority(inspection_id, target)
                    .expect("a copy is filed");
            }
            kept.push(source);
        }
        if copy == 0 {
            // Only documents the reader stores are copied again.
            accepted = kept;
        }
        std::fs::remove_dir_all(&round).expect("the copies are removed");
        eprintln!("copy {copy}: {stored} documents stored");
        copy += 1;
    }
    let _ = std::fs::remove_dir_all(&files);
    library.authorities(false).expect("authorities").len()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
    out
}
