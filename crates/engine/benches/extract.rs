//! Extraction speed on the real corpus, against `pdftotext` on the same files.
//!
//! Both sides use two workers (the target machine has two cores): the engine two threads,
//! pdftotext two processes at a time. Run: `cargo bench -p inspection-engine --bench extract`.
//! Results are recorded in BENCHMARKS.md.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

mod support;
use support::corpus;

fn main() {
    divan::main();
}

/// Every PDF in the open and blind sets.
fn corpus_pdfs() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["reports", "blind"] {
        let dir = corpus().join(folder);
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("corpus folder {}: {e}", dir.display()));
        files.extend(
            entries
                .map(|e| e.expect("dir entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "pdf")),
        );
    }
    files.sort();
    files
}

/// Every PDF of the national record (`national/`: inspections, letters, joint reports).
fn national_pdfs() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let entries =
            std::fs::read_dir(dir).unwrap_or_else(|e| panic!("folder {}: {e}", dir.display()));
        for path in entries.map(|e| e.expect("dir entry").path()) {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "pdf") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&corpus().join("national"), &mut files);
    files.sort();
    files
}

/// Runs `work` over all files on two threads.
fn two_workers(files: &[PathBuf], work: impl Fn(&Path) + Sync) {
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = files.get(i) else { break };
                work(file);
            });
        }
    });
}

/// The whole corpus (45 PDFs) read and extracted by the engine.
#[divan::bench(sample_count = 10)]
fn engine_whole_corpus(bencher: divan::Bencher) {
    let files = corpus_pdfs();
    bencher.bench(|| {
        two_workers(&files, |file| {
            // Refusals (the HTML error pages) are part of the work too.
            let _ = divan::black_box(inspection_engine::read_report(file));
        })
    });
}

/// The same files through `pdftotext` (poppler), two processes at a time.
#[divan::bench(sample_count = 10)]
fn pdftotext_whole_corpus(bencher: divan::Bencher) {
    pdftotext_over(bencher, &corpus_pdfs());
}

/// `pdftotext FILE -` over `files`, two processes at a time.
fn pdftotext_over(bencher: divan::Bencher, files: &[PathBuf]) {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("pdftotext is not installed (Debian: poppler-utils); skipping the comparison");
        return;
    }
    bencher.bench(|| {
        two_workers(files, |file| {
            let _ = Command::new("pdftotext").arg(file).arg("-").output();
        })
    });
}

/// Importing the whole corpus into a new library: extraction in parallel, one writer.
#[divan::bench(sample_count = 5)]
fn import_whole_corpus_into_new_library(bencher: divan::Bencher) {
    import_into_new_library(
        bencher,
        &[corpus().join("reports"), corpus().join("blind")],
        43,
    );
}

/// Imports `folders` into a new library each time; `imported` documents must be stored.
fn import_into_new_library(bencher: divan::Bencher, folders: &[PathBuf], imported: usize) {
    bencher
        .with_inputs(|| tempfile::tempdir().expect("temp dir"))
        .bench_values(|dir| {
            let mut library =
                inspection_engine::store::Library::open(&dir.path().join("library.sqlite3"))
                    .expect("opens");
            let summary = library.import(folders, |_| {}).expect("imports");
            assert_eq!(summary.imported(), imported);
            dir
        });
}

/// One report at a time: median per report.
#[divan::bench(sample_count = 5, args = ["hertfordshire_2018-11-19.pdf", "norfolk_2015-10-20.pdf", "norfolk_2013-08-16.pdf"])]
fn engine_one_report(bencher: divan::Bencher, name: &str) {
    let path = corpus().join("reports").join(name);
    bencher.bench(|| inspection_engine::read_report(&path).expect("reads"));
}

#[divan::bench(sample_count = 5, args = ["hertfordshire_2018-11-19.pdf", "norfolk_2015-10-20.pdf", "norfolk_2013-08-16.pdf"])]
fn pdftotext_one_report(bencher: divan::Bencher, name: &str) {
    let path = corpus().join("reports").join(name);
    bencher.bench(|| {
        Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext runs")
    });
}

/// Importing the national record (494 documents of 78 authorities: 491 read, the two web
/// pages and the 2009 joint area review refused) into a new library.
#[divan::bench(sample_count = 3)]
fn import_national_into_new_library(bencher: divan::Bencher) {
    import_into_new_library(bencher, &[corpus().join("national")], 491);
}

/// The national record through `pdftotext`, two processes at a time.
#[divan::bench(sample_count = 3)]
fn pdftotext_national(bencher: divan::Bencher) {
    pdftotext_over(bencher, &national_pdfs());
}
