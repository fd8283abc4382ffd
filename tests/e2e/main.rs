//! End-to-end tests: the real app, launched by tauri-driver through WebKitWebDriver, clicked and
//! read as a person would. They need a display (Xvfb), `tauri-driver` and `WebKitWebDriver`, so
//! they are ignored in a plain `cargo test`; `scripts/test-all.sh` runs them with `--ignored`.
//! Each test starts its own app on a new library, so they do not depend on one another.

mod accessibility;
mod compare;
mod hostile;
#[path = "../common/hostile_inputs.rs"]
mod hostile_inputs;
mod import;
mod library;
mod national;
mod print;
mod search;
mod security;
mod support;
mod tracker;
