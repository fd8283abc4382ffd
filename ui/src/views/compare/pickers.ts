// Choosing the two inspections: a list for each side, a swap button between them, and under each
// list what that inspection is (framework, dates, lead inspector, overall grade).
import type { Comparison } from "../../bindings/Comparison";
import type { InspectionSummary } from "../../bindings/InspectionSummary";
import type { ReportSummary } from "../../bindings/ReportSummary";
import { gradeBadge, gradeWord } from "../../components/grade";
import { icon } from "../../components/icons";
import { button, el, fill, type Child } from "../../dom";
import { formatRange, yearLabel } from "../../format";
import { navigate } from "../../router";
import { authorityNames, inspectionsOf, overallOf } from "../../state";

export interface ComparePickers {
  root: HTMLElement;
  /** Refills both lists from the library, then selects the pair. */
  refresh(beforeId: number | null, afterId: number | null): void;
  /** Selects the pair in the lists (a side left null keeps its selection). */
  select(beforeId: number | null, afterId: number | null): void;
  /** Describes each side of the comparison shown under its list. */
  update(c: Comparison, beforeId: number | null, afterId: number | null): void;
}

export function createPickers(handlers: { pick(a: number, b: number): void; swap(): void }): ComparePickers {
  const pickBefore = el("select", { id: "compare-before", class: "picker" });
  const pickAfter = el("select", { id: "compare-after", class: "picker" });
  const metaBefore = el("div", { class: "side-meta" });
  const metaAfter = el("div", { class: "side-meta" });
  const swapButton = button([icon("swap"), el("span", {}, "Swap")], () => handlers.swap(), {
    class: "btn btn-secondary swap-button",
    id: "swap-button",
    title: "Swap before and after (S)",
  });

  const root = el(
    "div",
    { class: "compare-sides" },
    el("div", { class: "side-card side-card-before" }, el("label", { for: "compare-before", class: "side-label" }, el("span", { class: "side-dot" }), "Before"), pickBefore, metaBefore),
    swapButton,
    el("div", { class: "side-card side-card-after" }, el("label", { for: "compare-after", class: "side-label" }, el("span", { class: "side-dot" }), "After"), pickAfter, metaAfter),
  );

  pickBefore.addEventListener("change", () => pick());
  pickAfter.addEventListener("change", () => pick());

  function pick(): void {
    const a = Number(pickBefore.value);
    const b = Number(pickAfter.value);
    if (Number.isFinite(a) && Number.isFinite(b)) handlers.pick(a, b);
  }

  function select(beforeId: number | null, afterId: number | null): void {
    if (beforeId !== null) pickBefore.value = String(beforeId);
    if (afterId !== null) pickAfter.value = String(afterId);
  }

  return {
    root,
    refresh(beforeId, afterId) {
      const options = (): Child[] =>
        authorityNames().map((name) =>
          el(
            "optgroup",
            { label: name },
            ...inspectionsOf(name).map((i) => el("option", { value: String(i.id) }, optionLabel(i))),
          ),
        );
      fill(pickBefore, ...options());
      fill(pickAfter, ...options());
      select(beforeId, afterId);
    },
    select,
    update(c, beforeId, afterId) {
      fill(metaBefore, ...sideMeta(c.before, beforeId));
      fill(metaAfter, ...sideMeta(c.after, afterId));
    },
  };
}

function sideMeta(s: ReportSummary, id: number | null): Child[] {
  const overall = s.overall;
  const grade = s.overall_grade;
  return [
    el("p", { class: "side-framework" }, s.framework_label),
    el("p", { class: "side-dates" }, formatRange(s.inspection_start, s.inspection_end)),
    el("p", { class: "side-inspector" }, s.lead_inspector ? `Lead inspector: ${s.lead_inspector}` : "Lead inspector not found"),
    el(
      "div",
      { class: "side-foot" },
      overall !== null && grade !== null ? el("span", { class: "side-overall" }, el("span", { class: "muted" }, "Overall"), gradeBadge(overall, grade)) : el("span", { class: "muted" }, "No overall judgement"),
      id !== null ? button([icon("report"), "Open report"], () => navigate({ view: "report", id }), { class: "link-button" }) : null,
    ),
  ];
}

function optionLabel(i: InspectionSummary): string {
  const overall = overallOf(i);
  const grade = overall ? ` · ${gradeWord(overall.standard, true)}` : "";
  return `${yearLabel(i.inspection_start)} · ${i.framework_label}${grade}`;
}
