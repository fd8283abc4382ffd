//! Replays what fuzzing kept (FUZZING.md): the minimised corpora in `fuzz/corpus/` and every
//! crash reproducer in `fuzz/artifacts/`. Each must be handled (read, or refused) without a
//! panic, so a fixed crash stays fixed.

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_input;

use std::path::{Path, PathBuf};

fn kept(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut files: Vec<PathBuf> = ["corpus", "artifacts"]
        .iter()
        .filter_map(|kind| std::fs::read_dir(fuzz.join(kind).join(target)).ok())
        .flatten()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn extraction_survives_every_kept_input() {
    let inputs = kept("extract");
    assert!(inputs.len() >= 6, "the corpus is missing: {inputs:?}");
    for path in inputs {
        let bytes = std::fs::read(&path).unwrap();
        let _ = inspection_engine::read_report_bytes(&bytes);
    }
}

#[test]
fn web_pages_survive_every_kept_input() {
    let inputs = kept("html");
    assert!(!inputs.is_empty(), "the corpus is missing");
    for path in inputs {
        fuzz_input::read_as_web_page(&std::fs::read(&path).unwrap());
    }
}

#[test]
fn comparison_and_rendering_survive_every_kept_input() {
    let inputs = kept("compare");
    assert!(!inputs.is_empty(), "the corpus is missing");
    for path in inputs {
        fuzz_input::compare_and_render(&std::fs::read(&path).unwrap());
    }
}
