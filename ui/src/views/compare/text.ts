// The reports side by side: the section with its counts, the two texts paragraph by paragraph,
// and the stepping through the changes (see changes.ts).
import type { Comparison } from "../../bindings/Comparison";
import { el } from "../../dom";
import { yearLabel } from "../../format";
import { createChangeNavigator } from "./changes";
import { sectionBlock } from "./paragraphs";
import type { Side } from "./types";

export interface TextComparison {
  /** Builds the section for comparison `c`; stepping then goes through its changes. */
  build(c: Comparison): HTMLElement;
  /** The row showing one side's paragraph `paragraph`, in the text built last. */
  findRow(which: Side, paragraph: number): HTMLElement | null;
  nextChange(): void;
  previousChange(): void;
  toggleChangesOnly(): void;
}

export function createTextComparison(scroller: HTMLElement): TextComparison {
  const changes = createChangeNavigator(scroller);
  let pairsNode: HTMLElement | null = null;
  let toolbarObserver: ResizeObserver | null = null;

  function build(c: Comparison): HTMLElement {
    const changeRows = changes.start();
    const yb = yearLabel(c.before.inspection_start);
    const ya = yearLabel(c.after.inspection_start);

    const blocks = c.sections.map((section) => sectionBlock(section, yb, ya, changeRows));
    const pairs = el(
      "div",
      { class: "pairs", id: "compare-pairs" },
      el(
        "div",
        { class: "column-heads", "aria-hidden": "true" },
        el("div", { class: "column-head column-head-before" }, el("span", { class: "side-dot" }), `Before · ${yb} · ${c.before.framework_label}`),
        el("div", { class: "column-head column-head-after" }, el("span", { class: "side-dot" }), `After · ${ya} · ${c.after.framework_label}`),
      ),
      ...blocks,
    );
    pairsNode = pairs;
    const { toolbar, layout } = changes.controls(pairs);

    const s = c.stats;
    const section = el(
      "section",
      { class: "compare-section text-compare", id: "compare-text", "aria-labelledby": "text-title" },
      el(
        "div",
        { class: "section-headline" },
        el("h2", { id: "text-title", class: "section-title" }, "The reports side by side"),
        el(
          "p",
          { class: "chip-row summary-chips" },
          statChip("changed", s.changed, "changed"),
          statChip("rewritten", s.rewritten, "rewritten"),
          statChip("added", s.added, "added"),
          statChip("removed", s.removed, "removed"),
          statChip("moved", s.moved, "moved"),
          statChip("unchanged", s.unchanged, "unchanged"),
        ),
      ),
      toolbar,
      layout,
    );
    // Sticky offsets below the toolbar follow its real height (it wraps on narrow windows).
    toolbarObserver?.disconnect();
    toolbarObserver = new ResizeObserver(() => section.style.setProperty("--toolbar-h", `${toolbar.offsetHeight}px`));
    toolbarObserver.observe(toolbar);
    return section;
  }

  return {
    build,
    findRow: (which, paragraph) => pairsNode?.querySelector<HTMLElement>(`.pair-row[data-${which}="${paragraph}"]`) ?? null,
    nextChange: () => changes.nextChange(),
    previousChange: () => changes.previousChange(),
    toggleChangesOnly: () => changes.toggleChangesOnly(),
  };
}

function statChip(kind: string, n: number, word: string): HTMLElement {
  return el("span", { class: `summary-chip kind-chip kind-${kind}` }, `${n.toLocaleString("en-GB")} ${word}`);
}
