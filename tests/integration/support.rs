use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The corpus folder; a missing corpus fails the tests rather than skipping them.
pub fn corpus() -> PathBuf {
    let dir = std::env::var_os("INSPECTION_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    assert!(
        dir.join("expected.json").is_file(),
        "the corpus is missing at {}: put shared/corpus beside the repository or set INSPECTION_CORPUS",
        dir.display()
    );
    dir
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Runs the CLI and returns its output and how long it took.
pub fn cli(args: &[&std::ffi::OsStr]) -> (Output, Duration) {
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_inspection-compare-cli"))
        .args(args)
        .output()
        .expect("the CLI binary runs");
    (output, start.elapsed())
}

/// Runs the CLI, which must succeed, and reads the JSON it prints.
pub fn cli_json(args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let (output, _) = cli(args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the CLI prints JSON")
}

/// The files of a folder, sorted by path.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{} cannot be listed: {e}", dir.display()))
        .map(|e| e.expect("a folder entry").path())
        .collect();
    files.sort();
    files
}

pub fn extract_json(path: &Path) -> Result<serde_json::Value, String> {
    let (output, _) = cli(&["extract".as_ref(), path.as_os_str(), "--json".as_ref()]);
    if output.status.success() {
        Ok(serde_json::from_slice(&output.stdout).expect("extract --json prints one JSON object"))
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// Whitespace and quote normalisation used to compare printed text.
pub fn norm(s: &str) -> String {
    s.replace(['’', '‘', '`'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
