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

#[path = "../crates/engine/benches/support/national_library.rs"]
#[allow(dead_code)]
mod national_library;

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

/// The national library of 3,000 documents of 153 authorities
/// (`scripts/make-national-library.sh`), built once if it is not there.
fn national_library() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        national_library::ensure(&support::corpus(), &national_library::default_path(), 3000)
    })
}

/// Launches the release app with `--measure-startup` and waits for its one line of timings.
fn launch_until_interactive(files: &[PathBuf]) -> serde_json::Value {
    launch_on_until_interactive(corpus_library(), files)
}

fn launch_on_until_interactive(db: &Path, files: &[PathBuf]) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_inspection-compare"))
        .arg("--db")
        .arg(db)
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

/// The same launch on the national library of 3,000 documents: start-up must not grow with
/// the library (the whole check runs after the window is drawn; the Library draws the
/// authorities near the screen).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn cold_start_to_interactive_3000(bencher: Bencher) {
    let db = national_library();
    eprintln!(
        "app's own timings: {}",
        launch_on_until_interactive(db, &[])
    );
    bencher.bench_local(|| launch_on_until_interactive(db, &[]));
}

/// Input to paint in the Library of the national library (153 authorities): a scroll of the
/// main area by most of a screen, and a keystroke in the Authority filter, each until the
/// second frame after it (what came near the screen drawn and painted). Measured in the page;
/// the WebDriver round trip is outside it. Then the app's peak memory.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn library_3000_scroll_and_filter() {
    scroll_and_filter(national_library());
}

/// The same on the corpus library (43 inspections of 8 authorities): the frame times a small
/// library has, to set the national library's beside.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn library_43_scroll_and_filter() {
    scroll_and_filter(corpus_library());
}

fn scroll_and_filter(db: &Path) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let app = runtime.block_on(support::App::launch_on(db.to_path_buf(), None, &[], &[]));
    runtime.block_on(app.wait_until(
        "the Library drawn",
        "return document.querySelectorAll('.view-library .authority').length > 5",
    ));
    // Scrolls down through every authority, then back up, 700 px at a time.
    let scroll = r#"
        const done = arguments[arguments.length - 1];
        const main = document.querySelector('main');
        const times = [];
        let most = 0;
        const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
        (async () => {
          for (const direction of [1, -1]) {
            for (let n = 0; n < 400; n++) {
              const before = main.scrollTop;
              const t0 = performance.now();
              main.scrollTop = before + direction * 700;
              await frame(); await frame();
              times.push(performance.now() - t0);
              most = Math.max(most, document.querySelectorAll('.view-library .inspection-card').length);
              if (main.scrollTop === before) break;
            }
          }
          done({ times, most });
        })();"#;
    let scrolled = runtime
        .block_on(app.client.execute_async(scroll, vec![]))
        .expect("the scroll runs");
    report("scroll 700 px → painted (two frames)", &scrolled["times"]);
    eprintln!(
        "most cards in the page at once while scrolling: {}",
        scrolled["most"]
    );
    // Types into the Authority filter (names, then cleared): the filter's own work (the
    // handler, synchronous) and until the second frame after.
    let filter = r#"
        const done = arguments[arguments.length - 1];
        const input = document.querySelector('#library-filter');
        const handled = [], painted = [];
        const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
        (async () => {
          for (const text of ['h', 'he', 'her', '', 'n', 'no', 'nor', '', 's', 'su', 'sur', '', 'w', 'we', '']) {
            const t0 = performance.now();
            input.value = text;
            input.dispatchEvent(new Event('input'));
            handled.push(performance.now() - t0);
            await frame(); await frame();
            painted.push(performance.now() - t0);
          }
          done({ handled, painted });
        })();"#;
    let filtered = runtime
        .block_on(app.client.execute_async(filter, vec![]))
        .expect("the filter runs");
    report(
        "filter keystroke → list rebuilt (the handler)",
        &filtered["handled"],
    );
    report(
        "filter keystroke → painted (two frames)",
        &filtered["painted"],
    );
    peak_memory();
    runtime.block_on(app.quit());
}

/// Median, 90th percentile and slowest of times in milliseconds.
fn report(what: &str, times: &serde_json::Value) {
    let mut ms: Vec<f64> = times
        .as_array()
        .expect("a list of times")
        .iter()
        .filter_map(|t| t.as_f64())
        .collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    eprintln!(
        "{what}: {} samples, median {:.1} ms, p90 {:.1} ms, slowest {:.1} ms",
        ms.len(),
        at(0.5),
        at(0.9),
        at(1.0)
    );
}

/// The peak resident memory (VmHWM) and proportional share (Pss) of the app's processes:
/// the app itself and WebKit's web content process.
fn peak_memory() {
    let field = |pid: &str, file: &str, name: &str| {
        std::fs::read_to_string(format!("/proc/{pid}/{file}"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with(name))
                    .map(|l| l.split_whitespace().nth(1).unwrap_or("").to_string())
            })
            .unwrap_or_default()
    };
    for (label, pattern) in [
        ("app", "target/release/inspection-compare --db"),
        ("web content", "WebKitWebProcess"),
    ] {
        let out = Command::new("pgrep")
            .args(["-f", pattern])
            .output()
            .expect("pgrep runs");
        for pid in String::from_utf8_lossy(&out.stdout).split_whitespace() {
            eprintln!(
                "{label} process {pid}: peak {} kB resident, {} kB proportional now",
                field(pid, "status", "VmHWM:"),
                field(pid, "smaps_rollup", "Pss:")
            );
        }
    }
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
