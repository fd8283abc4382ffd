//! What every engine benchmark shares: where the corpus is.

use std::path::{Path, PathBuf};

/// The corpus folder: `INSPECTION_CORPUS`, else `shared/corpus` beside the repository.
pub fn corpus() -> PathBuf {
    std::env::var_os("INSPECTION_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"))
}

#[allow(dead_code)] // each benchmark uses what it needs
pub mod national_library;
