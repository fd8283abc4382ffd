//! Integration tests: one binary, themed modules. They read the real reports in
//! `../shared/corpus` in place (set `INSPECTION_CORPUS` to use another copy).

mod bad_input;
mod compare;
mod corpus;
mod export;
mod formats;
mod fuzz_regressions;
mod hostile;
mod library;
mod national;
mod support;
