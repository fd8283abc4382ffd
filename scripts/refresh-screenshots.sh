#!/usr/bin/env bash
# Refreshes the README's screenshots in docs/screenshots: runs the end-to-end tests (which take
# them) with the screenshots sent there. Ordinary test runs leave tracked files alone and put
# their screenshots in target/screenshots.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INSPECTION_COMPARE_SETUP=test source "$ROOT/scripts/setup.sh"
cd "$ROOT"
export WEBKIT_DISABLE_DMABUF_RENDERER=1
export INSPECTION_COMPARE_SCREENSHOTS=docs
xvfb-run -a -s "-screen 0 1400x900x24" \
  cargo test --locked -p inspection-compare --test e2e -- --ignored --test-threads=1
echo "docs/screenshots refreshed; look at them before committing"
