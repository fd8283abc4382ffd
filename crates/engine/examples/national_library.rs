//! Builds a national library for measuring: `DOCUMENTS` stored documents (3,000 by default)
//! made from the corpus, every copy with different bytes, filed across every current
//! authority (`benches/support/national_library.rs` says how).
//!
//! Run: `scripts/make-national-library.sh [LIBRARY] [DOCUMENTS]`, or
//! `cargo run --release -p inspection-engine --example national_library -- LIBRARY [DOCUMENTS]`.

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let db = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(support::national_library::default_path);
    let documents: usize = match args.next().map(|n| n.to_string_lossy().parse()) {
        None => 3000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("national_library: DOCUMENTS must be a positive number");
            std::process::exit(2);
        }
    };
    let started = std::time::Instant::now();
    let authorities = support::national_library::build(&support::corpus(), &db, documents);
    println!(
        "{}: {documents} documents of {authorities} authorities, built in {:.0} s",
        db.display(),
        started.elapsed().as_secs_f64()
    );
}
