//! Integration tests: one binary, themed modules. They read the real reports in
//! `../shared/corpus` in place (set `INSPECTION_CORPUS` to use another copy).

mod bad_input;
mod budgets;
mod compare;
mod corpus;
mod export;
mod formats;
mod fuzz_regressions;
mod hostile;
#[path = "../common/hostile_inputs.rs"]
mod hostile_inputs;
mod library;
mod national;
mod support;
