#!/usr/bin/env bash
# Installs what building, running and testing need, only where it is missing:
# Debian/Ubuntu packages (WebKitGTK, Xvfb, the WebKit WebDriver, poppler), Rust's clippy and
# rustfmt, the UI's npm packages, and for tests tauri-driver. Sourced by run-app.sh and test-all.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

DEBIAN_PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb webkit2gtk-driver imagemagick poppler-utils xauth xdotool
  nodejs npm
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_debian_packages() {
  command -v dpkg-query >/dev/null || { echo "setup: not a Debian/Ubuntu system; install the packages listed in README.md yourself" >&2; return 0; }
  local missing=()
  for p in "${DEBIAN_PACKAGES[@]}"; do
    # Node.js may come from elsewhere (nvm, NodeSource): then its Debian packages are not needed.
    if [ "$p" = nodejs ] || [ "$p" = npm ]; then command -v "$p" >/dev/null 2>&1 && continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

install_rust_components() {
  command -v cargo >/dev/null || { echo "setup: Rust is missing; install it from https://rustup.rs" >&2; exit 1; }
  if command -v rustup >/dev/null; then
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
    rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  fi
}

# The end-to-end tests drive the app through tauri-driver (a WebDriver bridge to WebKitWebDriver).
install_tauri_driver() {
  command -v tauri-driver >/dev/null 2>&1 && return 0
  [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ] && return 0
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked
}

install_ui_packages() {
  local ui="$ROOT/ui"
  if [ ! -d "$ui/node_modules" ] || [ "$ui/package-lock.json" -nt "$ui/node_modules/.package-lock.json" ]; then
    echo "setup: installing the UI's npm packages"
    # `npm ci` installs exactly the committed lock (complete for every platform) and never
    # rewrites it.
    (cd "$ui" && npm ci --no-audit --no-fund)
  fi
}

install_debian_packages
install_rust_components
install_ui_packages
if [ "${INSPECTION_COMPARE_SETUP:-}" = test ]; then install_tauri_driver; fi
