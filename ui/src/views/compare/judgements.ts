// The judgements table: each graded area before and after, the change between them, and a way
// from each grade to the paragraph that states it.
import type { Comparison } from "../../bindings/Comparison";
import type { JudgementSide } from "../../bindings/JudgementSide";
import { changeTag, gradeBadge, gradeWord } from "../../components/grade";
import { CHANGES } from "../../bindings/vocabulary";
import { button, el, type Child } from "../../dom";
import { isGraded, plural, yearLabel } from "../../format";
import { CHANGE_ORDER, countWord } from "./labels";
import type { ShowEvidence, Side } from "./types";

export function judgementSection(c: Comparison, showEvidence: ShowEvidence): HTMLElement {
  const yb = yearLabel(c.before.inspection_start);
  const ya = yearLabel(c.after.inspection_start);
  const counts = new Map<string, number>();
  for (const row of c.judgements) counts.set(row.change, (counts.get(row.change) ?? 0) + 1);
  const sameAuthority = c.before.local_authority === c.after.local_authority;
  const who = sameAuthority ? c.before.local_authority : `${c.before.local_authority} and ${c.after.local_authority}`;

  const body: Child[] = [];
  for (const row of c.judgements) {
    const tr = el(
      "tr",
      { class: `judgement-row row-${row.change}`, "data-domain": row.domain, "data-change": row.change },
      el(
        "th",
        { scope: "row" },
        el("span", { class: "judgement-label" }, row.label),
        areaDetail(row.label, row.before, row.after),
      ),
      el("td", { class: "grade-cell" }, gradeCell(row.before, "before", showEvidence)),
      el("td", { class: "grade-cell" }, gradeCell(row.after, "after", showEvidence)),
      el("td", { class: "change-cell" }, changeTag(row.change)),
    );
    if (row.note) tr.classList.add("has-note");
    body.push(tr);
    if (row.note) {
      body.push(el("tr", { class: "judgement-note-row", "data-domain": row.domain }, el("td", { colspan: "4" }, el("p", { class: "judgement-note" }, row.note))));
    }
  }

  return el(
    "section",
    { class: "compare-section", id: "compare-judgements", "aria-labelledby": "judgements-title" },
    el(
      "div",
      { class: "section-headline" },
      el("h2", { id: "judgements-title", class: "section-title" }, "Judgements"),
      el(
        "p",
        { class: "chip-row summary-chips" },
        ...CHANGE_ORDER
          .filter((k) => counts.get(k))
          .map((k) => {
            const n = counts.get(k) ?? 0;
            return el("span", { class: `summary-chip change-${k}` }, el("span", { "aria-hidden": "true" }, CHANGES[k].symbol), ` ${n} ${countWord(k, n)}`);
          }),
      ),
    ),
    c.judgements.length
      ? el(
          "table",
          { id: "judgement-table", class: "data-table judgement-table" },
          el("caption", {}, `${who}: judgements at the ${yb} and ${ya} inspections`),
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              el("th", { scope: "col" }, "Judgement"),
              el("th", { scope: "col" }, `Before (${yb})`),
              el("th", { scope: "col" }, `After (${ya})`),
              el("th", { scope: "col" }, "Change"),
            ),
          ),
          el("tbody", {}, ...body),
        )
      : el(
          "p",
          { class: "muted" },
          // A letter or joint report judges nothing: there is no table to compare, not a loss.
          [c.before, c.after].some((s) => !isGraded(s.framework))
            ? "A letter or joint report gives no judgements: compare its areas for improvement below, and the text by topic."
            : "Neither report gives graded judgements.",
        ),
    c.judgements.some((j) => j.before?.paragraph != null || j.after?.paragraph != null)
      ? el("p", { class: "table-foot muted" }, "Select a grade to see the paragraph that states it.")
      : null,
  );
}

function areaDetail(label: string, before: JudgementSide | null, after: JudgementSide | null): HTMLElement | null {
  // The headings as printed, when they say more than the label.
  const areas = [...new Set([before?.area, after?.area].filter((a): a is string => Boolean(a)))];
  if (areas.length === 0 || (areas.length === 1 && areas[0]?.toLowerCase() === label.toLowerCase())) return null;
  return el("span", { class: "judgement-area" }, areas.length === 2 ? `${areas[0]} / ${areas[1]}` : (areas[0] ?? ""));
}

function gradeCell(side: JudgementSide | null, which: Side, showEvidence: ShowEvidence): HTMLElement {
  if (!side) return el("span", { class: "no-grade" }, el("span", { "aria-hidden": "true" }, "—"), el("span", { class: "visually-hidden" }, "Not part of this inspection"));
  const badge = gradeBadge(side.grade, side.standard);
  const paragraph = side.paragraph;
  if (paragraph === null) return badge;
  return button(
    [badge, side.page !== null ? el("span", { class: "grade-page" }, `p. ${side.page}`) : null],
    () => showEvidence(which, paragraph),
    {
      class: "grade-link",
      title: `Show the paragraph that states this grade${side.page !== null ? ` (page ${side.page})` : ""}`,
      "aria-label": `${gradeWord(side.standard)}: show the paragraph that states it${side.page !== null ? `, page ${side.page}` : ""}`,
    },
  );
}

/** The comparison in a phrase, for screen readers: the overall judgement and how it changed. */
export function judgementSummaryText(c: Comparison): string {
  const overall = c.judgements.find((j) => j.domain === "overall");
  if (!overall) return plural(c.judgements.length, "judgement");
  const before = overall.before ? gradeWord(overall.before.standard) : "not judged";
  const after = overall.after ? gradeWord(overall.after.standard) : "not judged";
  return `overall effectiveness ${before} then ${after}, ${CHANGES[overall.change].label}`;
}
