#!/usr/bin/env python3
"""Builds crates/engine/src/data/authorities.csv from the corpus's la_lookup.csv.

Run from the repository root: python3 scripts/make_authorities.py ../shared/corpus/la_lookup.csv
Only facts are kept (names, codes, region, type, statistical neighbours); see la_lookup.LICENSE.
"""
import csv
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/la_lookup.csv"
out = "crates/engine/src/data/authorities.csv"
with open(src, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))

fields = ["name", "urn", "la_code", "la_code_new", "region", "la_type", "also_known_as", "stat_neighbours"]
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(fields)
    for r in rows:
        name = (r["local_authority_ons_name"] or r["ltla23nm"] or r["utla23nm"]
                or r["ofsted_ilacs_scrape_la_name"]).strip()
        w.writerow([
            name,
            r["urn"].strip(),
            r["la_code"].strip(),
            r["la_code_new"].strip(),
            (r["region_name"] or r["rgn22nm"]).strip(),
            r["ons_la_type"].strip(),
            r["also_known_as"].strip(),
            " ".join(c.strip() for c in r["stat_neighbours"].split(",") if c.strip()),
        ])
print(f"wrote {len(rows)} authorities to {out}")
