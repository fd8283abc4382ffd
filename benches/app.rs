//! The desktop app as people time it: from launch to a usable window, and opening a comparison
//! in the running app. Like the end-to-end tests this needs a display (Xvfb), `tauri-driver`
//! and `WebKitWebDriver`; run it from the README's set-up with
//! `xvfb-run -a cargo bench --bench app`. Recorded in BENCHMARKS.md.
//!
//! "Interactive" is when the app's UI reports it has drawn the library (and the launch
//! comparison, when two files were given) and the next frame is painted: the app's
//! `--measure-startup` flag prints the times and quits at that point.

#[path = "../tests/e2e/support.rs"]
#[allow(dead_code)]
mod support;

use divan::Bencher;
use inspection_engine::store::Library;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// A library holding the corpus's reports and blind set (43 inspections), made once.
fn corpus_library() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let db = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-app/library.sqlite3");
        let mut library = Library::open(&db).expect("the benchmark library opens");
        let corpus = support::corpus();
        let [seed, _] = support::herts_pair();
        library
            .import(
                &[corpus.join("reports"), corpus.join("blind"), seed],
                |_| {},
            )
            .expect("the corpus imports");
        db
    })
}

/// Launches the release app with `--measure-startup` and waits for its one line of timings.
fn launch_until_interactive(files: &[PathBuf]) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_inspection-compare"))
        .arg("--db")
        .arg(corpus_library())
        .arg("--measure-startup")
        .args(files)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the app starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout is piped"))
        .read_line(&mut line)
        .expect("the app prints its timings");
    let _ = child.wait();
    serde_json::from_str(&line).unwrap_or_else(|e| panic!("not timings: {line:?}: {e}"))
}

/// Launch with an existing library of 43 inspections until the library is drawn.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn cold_start_to_interactive(bencher: Bencher) {
    eprintln!("app's own timings: {}", launch_until_interactive(&[]));
    bencher.bench_local(|| launch_until_interactive(&[]));
}

/// Launch with the two Hertfordshire files (already in the library) until their comparison is
/// drawn: what "Open with" on two reports costs.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn cold_start_with_herts_comparison(bencher: Bencher) {
    let files = support::herts_pair();
    eprintln!("app's own timings: {}", launch_until_interactive(&files));
    bencher.bench_local(|| launch_until_interactive(&files));
}

/// In the running app, picking two Hertfordshire inspections until their comparison is drawn:
/// the compare command over IPC, then building and laying out the view. The pairs cycle
/// through more than the UI caches, so every open is computed afresh.
#[divan::bench(sample_count = 24, sample_size = 1)]
fn open_herts_comparison_in_app(bencher: Bencher) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let corpus = support::corpus();
    let herts: Vec<PathBuf> = [
        "reports/hertfordshire_2015-11-27.pdf",
        "reports/hertfordshire_2018-11-19.pdf",
        "reports/hertfordshire_2023-03-10.pdf",
        "seeds/004_f6169653f68880f1.txt",
    ]
    .iter()
    .map(|f| corpus.join(f))
    .collect();
    let app = runtime.block_on(support::App::launch(&herts));
    runtime.block_on(app.wait_until(
        "four Hertfordshire inspections in the pickers",
        "return document.querySelectorAll('#compare-before optgroup[label=Hertfordshire] option').length === 4",
    ));
    let ids: Vec<String> = runtime
        .block_on(app.eval(
            "return [...document.querySelectorAll('#compare-before optgroup[label=Hertfordshire] option')].map(o => o.value)",
        ))
        .as_array()
        .expect("option values")
        .iter()
        .map(|v| v.as_str().expect("a value").to_string())
        .collect();
    let pairs: Vec<(String, String)> = ids
        .iter()
        .flat_map(|a| {
            ids.iter()
                .filter(move |b| *b != a)
                .map(move |b| (a.clone(), b.clone()))
        })
        .collect();
    let mut next = 0;
    bencher.bench_local(|| {
        let (a, b) = &pairs[next % pairs.len()];
        next += 1;
        let script = format!(
            "const done = arguments[arguments.length - 1]; \
             performance.clearMarks('compare-scrolled'); \
             document.querySelector('#compare-before').value = '{a}'; \
             const after = document.querySelector('#compare-after'); \
             after.value = '{b}'; after.dispatchEvent(new Event('change')); \
             const poll = () => performance.getEntriesByName('compare-scrolled').length \
               ? requestAnimationFrame(() => done(true)) : setTimeout(poll, 1); \
             poll();"
        );
        runtime.block_on(app.client.execute_async(&script, vec![]))
    });
    runtime.block_on(app.quit());
}
