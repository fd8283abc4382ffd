#!/usr/bin/env bash
# Sets up a fresh machine if needed and runs every check: formatting, lints (warnings are
# errors), the UI's type check, and all Rust tests against ../shared/corpus.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

step "rustfmt"
cargo fmt --all --check
step "UI type check (strict TypeScript)"
npm --prefix ui run check
step "clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "tests"
cargo test --workspace --locked
step "benchmarks compile"
cargo bench --workspace --locked --no-run
