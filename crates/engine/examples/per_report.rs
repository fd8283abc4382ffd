//! Per-report timings on the corpus, engine against `pdftotext`, for BENCHMARKS.md.
//!
//! For each PDF: the median of 5 runs of the engine's full read (ingest + extract) and of a
//! `pdftotext FILE -` process. Prints each file and the median of the per-report medians.
//! Run: `cargo run --release -p inspection-engine --example per_report`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut work: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let corpus = std::env::var_os("INSPECTION_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    let mut files: Vec<PathBuf> = ["reports", "blind"]
        .iter()
        .flat_map(|f| {
            std::fs::read_dir(corpus.join(f))
                .expect("corpus folder")
                .map(|e| e.expect("entry").path())
        })
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    files.sort();
    let (mut engine, mut poppler) = (Vec::new(), Vec::new());
    println!(
        "{:<40} {:>10} {:>10} {:>7}",
        "file", "engine ms", "pdftotext", "ratio"
    );
    for file in &files {
        let e = time(5, || {
            let _ = inspection_engine::read_report(file);
        });
        let p = time(5, || {
            let _ = Command::new("pdftotext").arg(file).arg("-").output();
        });
        println!(
            "{:<40} {:>10.1} {:>10.1} {:>7.2}",
            file.file_name().unwrap().to_string_lossy(),
            e.as_secs_f64() * 1e3,
            p.as_secs_f64() * 1e3,
            e.as_secs_f64() / p.as_secs_f64()
        );
        engine.push(e);
        poppler.push(p);
    }
    let (e, p) = (median(engine), median(poppler));
    println!(
        "median per report: engine {:.1} ms, pdftotext {:.1} ms, ratio {:.2} ({} files)",
        e.as_secs_f64() * 1e3,
        p.as_secs_f64() * 1e3,
        e.as_secs_f64() / p.as_secs_f64(),
        files.len()
    );
}
