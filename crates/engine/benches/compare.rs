//! Comparing two reports: the comparison alone (reports already extracted) and end to end from
//! two PDFs, against `pdftotext` ×2 + `git diff --no-index --word-diff` on the same files.
//! Run: `cargo bench -p inspection-engine --bench compare`. Recorded in BENCHMARKS.md.

use std::process::Command;

mod support;
use support::corpus;

fn main() {
    divan::main();
}

const PAIRS: &[(&str, &str)] = &[
    (
        "hertfordshire_2015-11-27.pdf",
        "hertfordshire_2018-11-19.pdf",
    ),
    ("norfolk_2015-10-20.pdf", "norfolk_2018-01-19.pdf"),
    (
        "southend-on-sea_2019-08-27.pdf",
        "southend-on-sea_2024-12-03.pdf",
    ),
];

fn read(name: &str) -> inspection_engine::Report {
    inspection_engine::read_report(&corpus().join("reports").join(name)).expect("reads")
}

#[divan::bench(sample_count = 20, args = PAIRS)]
fn compare_extracted(bencher: divan::Bencher, pair: (&str, &str)) {
    let (a, b) = (read(pair.0), read(pair.1));
    bencher.bench(|| inspection_engine::compare::compare(&a, &b));
}

#[divan::bench(sample_count = 10, args = PAIRS)]
fn end_to_end_from_pdfs(bencher: divan::Bencher, pair: (&str, &str)) {
    let (a, b) = (
        corpus().join("reports").join(pair.0),
        corpus().join("reports").join(pair.1),
    );
    bencher.bench(|| {
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| inspection_engine::read_report(&a).expect("reads"));
            let b = inspection_engine::read_report(&b).expect("reads");
            (a.join().expect("thread"), b)
        });
        inspection_engine::compare::compare(&a, &b)
    });
}

/// What a generic tool does: two text extractions (in parallel) and a word diff.
#[divan::bench(sample_count = 10, args = PAIRS)]
fn pdftotext_and_git_word_diff(bencher: divan::Bencher, pair: (&str, &str)) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (
        corpus().join("reports").join(pair.0),
        corpus().join("reports").join(pair.1),
    );
    let (ta, tb) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    bencher.bench(|| {
        let mut first = Command::new("pdftotext")
            .arg(&a)
            .arg(&ta)
            .spawn()
            .expect("pdftotext");
        Command::new("pdftotext")
            .arg(&b)
            .arg(&tb)
            .status()
            .expect("pdftotext");
        first.wait().expect("pdftotext");
        Command::new("git")
            .args(["diff", "--no-index", "--word-diff"])
            .arg(&ta)
            .arg(&tb)
            .output()
            .expect("git diff")
    });
}
