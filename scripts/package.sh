#!/usr/bin/env bash
# Builds the Linux installers (.deb and .rpm) with Tauri's CLI, after the usual set-up.
# Windows (msi, nsis) and macOS (dmg, app) bundles are configured in tauri.conf.json and are
# built on those systems with `npx tauri build`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
ui/node_modules/.bin/tauri build --bundles deb,rpm
ls -l target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm
