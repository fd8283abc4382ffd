//! `list` and `search` on a library of 2,000 inspections, and the process's peak memory.
//!
//! The library is made once by importing the corpus's 43 reports 47 times over, each copy with
//! different bytes (a comment after `%%EOF`), and kept in `target/bench-library-2000/` for later
//! runs. Run: `cargo bench -p inspection-engine --bench library`. Recorded in BENCHMARKS.md.

use inspection_engine::store::{Library, SearchFilter};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod support;
use support::corpus;

const COPIES: usize = 47;

fn library_path() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-library-2000");
        let db = dir.join("library.sqlite3");
        if Library::open(&db)
            .map(|l| l.list().map(|v| v.len()).unwrap_or(0))
            .unwrap_or(0)
            >= 2000
        {
            return db;
        }
        let _ = std::fs::remove_dir_all(&dir);
        let files = dir.join("files");
        std::fs::create_dir_all(&files).expect("bench folder");
        for folder in ["reports", "blind"] {
            for entry in std::fs::read_dir(corpus().join(folder)).expect("corpus") {
                let path = entry.expect("entry").path();
                let bytes = std::fs::read(&path).expect("read");
                for copy in 0..COPIES {
                    let mut varied = bytes.clone();
                    varied.extend_from_slice(format!("\n% copy {copy}\n").as_bytes());
                    let name = format!("{copy:02}-{}", path.file_name().unwrap().to_string_lossy());
                    std::fs::write(files.join(name), varied).expect("write copy");
                }
            }
        }
        let mut library = Library::open(&db).expect("opens");
        let summary = library
            .import(std::slice::from_ref(&files), |_| {})
            .expect("imports");
        eprintln!(
            "built a library of {} inspections at {}",
            summary.imported(),
            db.display()
        );
        std::fs::remove_dir_all(&files).expect("clean up copies");
        db
    })
}

fn main() {
    library_path();
    national_path();
    divan::main();
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        for line in status
            .lines()
            .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        {
            eprintln!("{line}");
        }
    }
}

#[divan::bench(sample_count = 20)]
fn list_2000(bencher: divan::Bencher) {
    let library = Library::open(library_path()).expect("opens");
    bencher.bench_local(|| {
        let list = library.list().expect("lists");
        assert!(list.len() >= 2000);
        list
    });
}

#[divan::bench(sample_count = 20, args = ["private fostering", "\"placement stability\"", "chronologies"])]
fn search_2000(bencher: divan::Bencher, query: &str) {
    let library = Library::open(library_path()).expect("opens");
    let filter = SearchFilter {
        limit: 50,
        ..SearchFilter::default()
    };
    bencher.bench_local(|| library.search(query, &filter).expect("searches"));
}

#[divan::bench(sample_count = 20)]
fn search_2000_filtered(bencher: divan::Bencher) {
    let library = Library::open(library_path()).expect("opens");
    let filter = SearchFilter {
        authority: Some("Hertfordshire".into()),
        year: Some(2018),
        limit: 50,
        ..SearchFilter::default()
    };
    bencher.bench_local(|| {
        library
            .search("private fostering", &filter)
            .expect("searches")
    });
}

/// Opening the library: the schema, the small tables' quick_check, the schema version, the
/// authorities. Paid by every CLI command and once per app start; it must not grow with the
/// library (compare `open_3000`).
#[divan::bench(sample_count = 10)]
fn open_2000() -> Library {
    Library::open(library_path()).expect("opens")
}

/// The national library of 3,000 documents of 153 authorities
/// (`scripts/make-national-library.sh`), built once if it is not there.
fn national_path() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        support::national_library::ensure(
            &corpus(),
            &support::national_library::default_path(),
            3000,
        )
    })
}

#[divan::bench(sample_count = 10)]
fn open_3000() -> Library {
    Library::open(national_path()).expect("opens")
}

/// The whole check the app runs in the background after start (every page, the stored files
/// and the search index included).
#[divan::bench(sample_count = 3)]
fn check_whole_3000() -> inspection_engine::store::Soundness {
    inspection_engine::store::check_whole(national_path()).expect("checks")
}

#[divan::bench(sample_count = 20)]
fn list_3000(bencher: divan::Bencher) {
    let library = Library::open(national_path()).expect("opens");
    bencher.bench_local(|| library.list().expect("lists"));
}

#[divan::bench(sample_count = 20, args = ["private fostering", "\"placement stability\"", "chronologies"])]
fn search_3000(bencher: divan::Bencher, query: &str) {
    let library = Library::open(national_path()).expect("opens");
    let filter = SearchFilter {
        limit: 50,
        ..SearchFilter::default()
    };
    bencher.bench_local(|| library.search(query, &filter).expect("searches"));
}

/// Search with the filters people set: an authority, a framework and a year.
#[divan::bench(sample_count = 20)]
fn search_3000_filtered(bencher: divan::Bencher) {
    let library = Library::open(national_path()).expect("opens");
    let filter = SearchFilter {
        authority: Some("Hertfordshire".into()),
        framework: Some(inspection_engine::Framework::Ilacs2018),
        year: Some(2018),
        limit: 50,
    };
    bencher.bench_local(|| {
        library
            .search("private fostering", &filter)
            .expect("searches")
    });
}

/// An authority among its statistical neighbours, from the whole list of documents.
#[divan::bench(sample_count = 20)]
fn neighbours_3000(bencher: divan::Bencher) {
    let library = Library::open(national_path()).expect("opens");
    let at = inspection_engine::model::Date::parse_iso("2026-12-01").expect("a date");
    bencher.bench_local(|| {
        inspection_engine::authority_group(
            &library,
            inspection_engine::compare::GroupKind::Neighbours,
            "Hertfordshire",
            None,
            at,
        )
        .expect("groups")
    });
}
