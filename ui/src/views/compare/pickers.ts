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

  /**
   * Selects `id` in a list. Launched with two files, the comparison can be asked for before
   * the library's list has arrived: the list then shows the inspection from what is known of
   * it (its comparison's side when there is one), never an empty box.
   */
  function show(picker: HTMLSelectElement, id: number, known: ReportSummary | null): void {
    const value = String(id);
    let option = Array.from(picker.options).find((o) => o.value === value);
    if (!option || (known && option.dataset.provisional)) {
      option?.remove();
      const label = known ? `${known.local_authority} · ${yearLabel(known.inspection_start)} · ${known.framework_label}` : "Opening…";
      option = el("option", { value, "data-provisional": "true" }, label);
      picker.prepend(option);
    }
    picker.value = value;
  }

  // The comparison last described, for the lists' provisional options.
  let described: Comparison | null = null;

  function select(beforeId: number | null, afterId: number | null, c: Comparison | null = described): void {
    if (beforeId !== null) show(pickBefore, beforeId, c?.before ?? null);
    if (afterId !== null) show(pickAfter, afterId, c?.after ?? null);
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
      described = c;
      select(beforeId, afterId, c);
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
