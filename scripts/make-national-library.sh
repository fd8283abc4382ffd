#!/usr/bin/env bash
# Builds a national library for measuring: 3,000 documents (or $2) made from ../shared/corpus,
# each copy with different bytes, filed across every current authority. Default place:
# target/bench-library-3000/library.sqlite3 (where the benchmarks look for it).
#   scripts/make-national-library.sh [LIBRARY] [DOCUMENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
export INSPECTION_COMPARE_SKIP_UI_BUILD=1
exec cargo run --locked --release -p inspection-engine --example national_library -- "$@"
