//! The CLI as scripts run it: whole processes (start, open the library, answer, exit) of
//! `list`, `search` and `show` on the national library of 3,000 documents
//! (`scripts/make-national-library.sh`, built once if it is not there). Opening checks only
//! what does not grow with the library, so each must stay at or under 100 ms.
//!
//! Run: `cargo bench -p inspection-compare-cli --bench commands`. Recorded in BENCHMARKS.md.

#[path = "../../engine/benches/support/national_library.rs"]
#[allow(dead_code)]
mod national_library;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn main() {
    library();
    divan::main();
}

fn library() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let corpus = std::env::var_os("INSPECTION_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
            });
        national_library::ensure(&corpus, &national_library::default_path(), 3000)
    })
}

fn run(args: &[&str]) -> usize {
    let output = Command::new(env!("CARGO_BIN_EXE_inspection-compare-cli"))
        .arg("--db")
        .arg(library())
        .args(args)
        .output()
        .expect("the CLI runs");
    assert!(output.status.success(), "{output:?}");
    output.stdout.len()
}

#[divan::bench(sample_count = 20)]
fn list_json_3000() -> usize {
    run(&["list", "--json"])
}

#[divan::bench(sample_count = 20)]
fn list_3000() -> usize {
    run(&["list"])
}

#[divan::bench(sample_count = 20, args = ["private fostering", "\"placement stability\""])]
fn search_json_3000(query: &str) -> usize {
    run(&["search", query, "--json"])
}

#[divan::bench(sample_count = 20)]
fn show_json_3000() -> usize {
    run(&["show", "1500", "--json"])
}

#[divan::bench(sample_count = 20)]
fn neighbours_json_3000() -> usize {
    run(&["neighbours", "Hertfordshire", "--json"])
}
