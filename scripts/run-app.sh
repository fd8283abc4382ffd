#!/usr/bin/env bash
# Sets up a fresh machine if needed, builds the app in release mode and runs it.
# Arguments are passed to the app: run-app.sh [--db PATH] [FILE...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
cargo build --release --bin inspection-compare
exec "$ROOT/target/release/inspection-compare" "$@"
