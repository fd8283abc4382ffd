#!/usr/bin/env bash
# Renders the one-page summaries of four comparisons to PDF and their pages to PNG
# (docs/summaries/), to look at the layout: a cross-framework pair, a SIF re-inspection, two
# ILACS inspections, and Liverpool 2023 -> 2026 (no overall grade since the 2026 reform), whose
# Word document is rendered too when LibreOffice is installed (apt-get install
# libreoffice-writer-nogui; not needed by the tests, which read the .docx back themselves).
# Needs pdftoppm (poppler-utils, installed by scripts/setup.sh).
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
LIVERPOOL="national/inspections/80485_liverpool/children's services inspection -"
render liverpool-2023-2026 "$LIVERPOOL 25 may 2023.pdf" "$LIVERPOOL 07 july 2026.pdf"
if command -v soffice >/dev/null; then
  WORD="$(mktemp -d)"
  ./target/release/inspection-compare-cli compare "$CORPUS/$LIVERPOOL 25 may 2023.pdf" \
    "$CORPUS/$LIVERPOOL 07 july 2026.pdf" -o "$WORD/liverpool-2023-2026-word.docx"
  soffice --headless --convert-to pdf --outdir "$WORD" "$WORD/liverpool-2023-2026-word.docx" >/dev/null
  pdftoppm -png -r 70 "$WORD/liverpool-2023-2026-word.pdf" "$OUT/liverpool-2023-2026-word"
  rm -r "$WORD"
fi
ls -l "$OUT"
