//! Import as people run it: the CLI importing the national record into a new library, every
//! document read in a worker process (`inspection_engine::worker`). Compared in BENCHMARKS.md
//! with `pdftotext` over the same files (`cargo bench -p inspection-engine --bench extract --
//! pdftotext_national`), the import must stay at or under half its time.
//!
//! Run: `cargo bench -p inspection-compare-cli --bench import`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    divan::main();
}

fn national() -> PathBuf {
    std::env::var_os("INSPECTION_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"))
        .join("national")
}

/// The 494 documents of the national record, through the CLI with worker processes.
#[divan::bench(sample_count = 3)]
fn import_national_in_workers(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| tempfile::tempdir().expect("a scratch folder"))
        .bench_local_refs(|dir| {
            let db = dir.path().join("library.sqlite3");
            let output = Command::new(env!("CARGO_BIN_EXE_inspection-compare-cli"))
                .arg("--db")
                .arg(&db)
                .arg("import")
                .arg(national())
                .output()
                .expect("the CLI runs");
            // Two saved web pages are refused, so the exit code is 1; anything else is wrong.
            assert_eq!(output.status.code(), Some(1), "{output:?}");
        });
}
