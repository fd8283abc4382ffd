#!/usr/bin/env bash
# Renders the one-page summaries of three comparisons to PDF and their pages to PNG
# (docs/summaries/), to look at the layout: a cross-framework pair, a SIF re-inspection and two
# ILACS inspections. Needs pdftoppm (poppler-utils, installed by scripts/setup.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="${INSPECTION_CORPUS:-$ROOT/../shared/corpus}"
OUT="$ROOT/docs/summaries"
cd "$ROOT"
cargo build --release --locked -p inspection-compare-cli
mkdir -p "$OUT"
rm -f "$OUT"/*.png
render() {
  local name="$1" a="$2" b="$3"
  ./target/release/inspection-compare-cli compare "$CORPUS/$a" "$CORPUS/$b" -o "$OUT/$name.pdf"
  pdftoppm -png -r 70 "$OUT/$name.pdf" "$OUT/$name"
  rm "$OUT/$name.pdf"
}
render hertfordshire-2013-2018 seeds/004_f6169653f68880f1.txt reports/hertfordshire_2018-11-19.pdf
render norfolk-2015-2018 reports/norfolk_2015-10-20.pdf reports/norfolk_2018-01-19.pdf
render southend-on-sea-2019-2024 reports/southend-on-sea_2019-08-27.pdf reports/southend-on-sea_2024-12-03.pdf
ls -l "$OUT"
