// Two inspections compared: judgements first (what most people came for), then recommendations,
// then both texts side by side with every change marked and a way to step through them.
// This module holds the view's state (the pair shown, the comparison, the load in flight) and
// composes the parts: header.ts and actions.ts (the page head), pickers.ts, notices.ts,
// judgements.ts, recommendations.ts, text.ts (with paragraphs.ts and changes.ts) and empty.ts.
import * as api from "../../api";
import type { Comparison } from "../../bindings/Comparison";
import { announce } from "../../components/status";
import { button, el, fill, flash, scrollToNode } from "../../dom";
import { yearLabel } from "../../format";
import { navigate, type View } from "../../router";
import {
  defaultPair,
  inspectionById,
  library,
  loadComparison,
  onLibraryChange,
  selectAuthority,
  setComparedPair,
} from "../../state";
import { createActions, exportComparison, printComparison } from "./actions";
import { emptyState, errorState, loadingBlock } from "./empty";
import { createHeader } from "./header";
import { judgementSection, judgementSummaryText } from "./judgements";
import { createNotices } from "./notices";
import { createPickers } from "./pickers";
import { recommendationSection } from "./recommendations";
import { createTextComparison } from "./text";
import type { Side } from "./types";

export interface CompareView extends View {
  /** Opens the print dialog on the comparison's one-page summary. */
  print(): void;
  /** Saves the summary as a file, where people choose. */
  exportAs(format: api.ExportFormat): void;
  nextChange(): void;
  previousChange(): void;
  toggleChangesOnly(): void;
  swap(): void;
  hasComparison(): boolean;
  /** Settles when the comparison being loaded (if any) is drawn. */
  settled(): Promise<void>;
}

export function createCompareView(scroller: HTMLElement): CompareView {
  const actions = createActions({ print: () => print(), exportAs: (format) => exportAs(format) });
  const header = createHeader(actions.root);
  const pickers = createPickers({ pick: (a, b) => void load(a, b, true), swap: () => swap() });
  const notices = createNotices({ reorder: (a, b) => void load(a, b, false) });
  const text = createTextComparison(scroller);
  const content = el("div", { class: "compare-content" });

  const root = el(
    "section",
    { class: "view view-compare", "aria-labelledby": "compare-title" },
    header.root,
    pickers.root,
    notices.root,
    content,
  );

  let beforeId: number | null = null;
  let afterId: number | null = null;
  let comparison: Comparison | null = null;
  let token = 0;
  let loading = false;

  /** The shown pair as the commands take it: in the order shown. */
  function shownPair(): [number, number] | null {
    return comparison && beforeId !== null && afterId !== null ? [beforeId, afterId] : null;
  }

  function print(): void {
    printComparison(shownPair());
  }

  function exportAs(format: api.ExportFormat): void {
    exportComparison(shownPair(), format);
  }

  function swap(): void {
    if (beforeId !== null && afterId !== null) void load(afterId, beforeId, true);
  }

  let pending: Promise<void> = Promise.resolve();

  function load(a: number, b: number, keepOrder: boolean): Promise<void> {
    pending = loadNow(a, b, keepOrder);
    return pending;
  }

  async function loadNow(a: number, b: number, keepOrder: boolean): Promise<void> {
    const mine = ++token;
    loading = true;
    beforeId = a;
    afterId = b;
    pickers.select(beforeId, afterId);
    const ia = inspectionById(a);
    const ib = inspectionById(b);
    if (ia) selectAuthority(ia.local_authority);
    root.classList.add("is-loading");
    fill(
      content,
      loadingBlock(ia && ib ? `Comparing ${ia.local_authority} ${yearLabel(ia.inspection_start)} with ${yearLabel(ib.inspection_start)}…` : "Comparing…"),
    );
    try {
      performance.mark("compare-asked");
      const result = await loadComparison(a, b, keepOrder);
      performance.mark("compare-received");
      if (mine !== token) return;
      // Without keepOrder the command puts the earlier inspection first; the pickers follow it.
      [beforeId, afterId] = result.swapped ? [b, a] : [a, b];
      comparison = result;
      setComparedPair([beforeId, afterId]);
      pickers.select(beforeId, afterId);
      render(result);
      actions.update(comparison);
      performance.mark("compare-drawn");
      scroller.scrollTop = 0;
      performance.mark("compare-scrolled");
      announce(`Comparison ready: ${judgementSummaryText(result)}.`);
    } catch (e) {
      if (mine !== token) return;
      comparison = null;
      actions.update(comparison);
      notices.update(null, beforeId, afterId);
      fill(content, errorState(api.errorMessage(e)));
    } finally {
      if (mine === token) {
        loading = false;
        root.classList.remove("is-loading");
      }
    }
  }

  function showEmpty(): void {
    comparison = null;
    actions.update(comparison);
    beforeId = null;
    afterId = null;
    pickers.root.hidden = true;
    header.update(null);
    notices.update(null, beforeId, afterId);
    if (!library.loaded) {
      fill(content, loadingBlock("Loading your library…"));
      return;
    }
    fill(content, emptyState());
  }

  function ensureSomething(): void {
    if (comparison || loading) return;
    const pair = defaultPair();
    if (pair) {
      pickers.root.hidden = false;
      void load(pair[0].id, pair[1].id, false);
    } else {
      showEmpty();
    }
  }

  function render(c: Comparison): void {
    pickers.root.hidden = false;
    header.update(c);
    pickers.update(c, beforeId, afterId);
    notices.update(c, beforeId, afterId);

    const jump = (label: string, target: string): HTMLElement =>
      button(label, () => {
        const node = content.querySelector(`#${target}`);
        if (node) scrollToNode(node, "start");
      }, { class: "jump-link" });
    fill(
      content,
      el("nav", { class: "jump-nav", "aria-label": "Parts of the comparison" }, el("span", { class: "muted" }, "Jump to"), jump("Judgements", "compare-judgements"), jump("Recommendations", "compare-recommendations"), jump("The reports side by side", "compare-text")),
      judgementSection(c, showEvidence),
      recommendationSection(c),
      text.build(c),
    );
  }

  /** Shows the stating paragraph in the side-by-side text, or in the report when it is hidden. */
  function showEvidence(which: Side, paragraph: number): void {
    const row = text.findRow(which, paragraph);
    if (row && row.offsetParent !== null) {
      const cell = row.querySelector(`.side-${which}`) ?? row;
      scrollToNode(row);
      flash(cell);
      return;
    }
    const id = which === "before" ? beforeId : afterId;
    if (id !== null) navigate({ view: "report", id, paragraph });
  }

  // A national library fills the pickers with thousands of options: while the view is hidden
  // that waits until the window has painted (or the view is shown), off the start path.
  let stalePickers: number | null = null;
  function refreshPickers(): void {
    if (stalePickers !== null) window.clearTimeout(stalePickers);
    stalePickers = null;
    pickers.refresh(beforeId, afterId);
  }
  onLibraryChange(() => {
    if (root.hidden) {
      if (stalePickers !== null) window.clearTimeout(stalePickers);
      stalePickers = window.setTimeout(refreshPickers, 100);
    } else {
      refreshPickers();
    }
    const gone = (beforeId !== null && !inspectionById(beforeId)) || (afterId !== null && !inspectionById(afterId));
    if (gone) {
      comparison = null;
      actions.update(comparison);
      beforeId = null;
      afterId = null;
    }
    if (!root.hidden) ensureSomething();
  });
  pickers.refresh(beforeId, afterId);

  return {
    root,
    show(route) {
      if (route.view !== "compare") return;
      if (stalePickers !== null) refreshPickers();
      if (route.a !== undefined && route.b !== undefined) {
        pickers.root.hidden = false;
        void load(route.a, route.b, route.keepOrder ?? false);
      } else {
        ensureSomething();
      }
    },
    nextChange: () => text.nextChange(),
    previousChange: () => text.previousChange(),
    toggleChangesOnly: () => text.toggleChangesOnly(),
    swap,
    hasComparison: () => comparison !== null,
    print,
    exportAs,
    settled: () => pending,
  };
}
