// The comparison's actions in the page head: print the one-page summary, or export it as a file.
import { FORMAT_ORDER, FORMATS } from "../../bindings/vocabulary";
import * as api from "../../api";
import type { Comparison } from "../../bindings/Comparison";
import { icon } from "../../components/icons";
import { toast } from "../../components/status";
import { button, el } from "../../dom";
import { MOD } from "../../format";
import { printSummary } from "../print";

export interface CompareActions {
  root: HTMLElement;
  /** The actions work on the comparison shown, so they are off while there is none. */
  update(comparison: Comparison | null): void;
}

export function createActions(handlers: { print(): void; exportAs(format: api.ExportFormat): void }): CompareActions {
  const printButton = button([icon("print"), el("span", {}, "Print summary")], () => handlers.print(), {
    class: "btn btn-secondary",
    id: "print-button",
    title: `Print a one-page summary (${MOD}+P)`,
    disabled: true,
  });
  const exportMenu = el(
    "div",
    { class: "export-menu", id: "export-menu", role: "menu", hidden: true },
    ...FORMAT_ORDER.map((format) =>
      button(FORMATS[format].label, () => {
        exportMenu.hidden = true;
        handlers.exportAs(format);
      }, { class: "export-option", role: "menuitem", "data-format": format }),
    ),
  );
  const exportButton = button([icon("download"), el("span", {}, "Export")], () => {
    exportMenu.hidden = !exportMenu.hidden;
    exportButton.setAttribute("aria-expanded", String(!exportMenu.hidden));
    if (!exportMenu.hidden) exportMenu.querySelector<HTMLButtonElement>("button")?.focus();
  }, {
    class: "btn btn-secondary",
    id: "export-button",
    "aria-haspopup": "menu",
    "aria-expanded": "false",
    title: "Save the summary as PDF, Word, HTML, CSV or Markdown",
    disabled: true,
  });
  exportMenu.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      exportMenu.hidden = true;
      exportButton.focus();
    }
  });
  document.addEventListener("click", (e) => {
    if (!exportMenu.hidden && !(e.target instanceof Node && (exportMenu.contains(e.target) || exportButton.contains(e.target)))) {
      exportMenu.hidden = true;
    }
  });
  const root = el("div", { class: "compare-actions" }, printButton, el("div", { class: "export-wrap" }, exportButton, exportMenu));

  return {
    root,
    update(comparison) {
      printButton.disabled = comparison === null;
      exportButton.disabled = comparison === null;
      if (comparison === null) exportMenu.hidden = true;
    },
  };
}

/** Opens the print dialog on the summary of `pair` (the shown pair, in the order shown). */
export function printComparison(pair: [number, number] | null): void {
  if (!pair) {
    toast("Open a comparison first: the printed summary is of the comparison shown.", "info");
    return;
  }
  api
    .comparisonSummary(pair[0], pair[1], true)
    .then((summary) => printSummary(summary))
    .catch((e) => toast(`The summary could not be printed: ${api.errorMessage(e)}`, "error"));
}

/** Saves the summary of `pair` (the shown pair, in the order shown) where people choose. */
export function exportComparison(pair: [number, number] | null, format: api.ExportFormat): void {
  if (!pair) {
    toast("Open a comparison first: the summary is of the comparison shown.", "info");
    return;
  }
  api
    .exportComparison(pair[0], pair[1], true, format)
    .then((path) => {
      if (path) toast(`Saved ${path}`, "info");
    })
    .catch((e) => toast(`The summary could not be saved: ${api.errorMessage(e)}`, "error"));
}
