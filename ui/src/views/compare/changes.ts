// Stepping through the changes of the text comparison: the toolbar (changes only, previous,
// next, where we are), the list of all changes beside the texts, and which change is current.
import type { ParagraphKind } from "../../bindings/ParagraphKind";
import { icon } from "../../components/icons";
import { announce } from "../../components/status";
import { button, el, prefersReducedMotion } from "../../dom";
import { PARAGRAPH_KINDS } from "../../bindings/vocabulary";
import type { ChangeRows } from "./types";

export interface ChangeNavigator {
  /** Starts over for a new text comparison: its change rows go in the `ChangeRows` returned. */
  start(): ChangeRows;
  /**
   * Once the rows are in: the toolbar, and the layout of `pairs` (the texts) beside the change
   * list.
   */
  controls(pairs: HTMLElement): { toolbar: HTMLElement; layout: HTMLElement };
  nextChange(): void;
  previousChange(): void;
  toggleChangesOnly(): void;
}

export function createChangeNavigator(scroller: HTMLElement): ChangeNavigator {
  // The text comparison's moving parts, rebuilt with each comparison.
  let changeRows: HTMLElement[] = [];
  let changeLinks: HTMLElement[] = [];
  let current = -1;
  let pairsNode: HTMLElement | null = null;
  let changesOnlyBox: HTMLInputElement | null = null;
  let positionNode: HTMLElement | null = null;
  let listPanel: HTMLElement | null = null;

  function start(): ChangeRows {
    changeRows = [];
    changeLinks = [];
    current = -1;
    return { rows: changeRows, pick: (row) => setCurrent(changeRows.indexOf(row), false) };
  }

  function controls(pairs: HTMLElement): { toolbar: HTMLElement; layout: HTMLElement } {
    pairsNode = pairs;

    // A real checkbox drawn as a switch, so it stays clickable and native for assistive tech.
    const changesOnly = el("input", { type: "checkbox", id: "changes-only", class: "switch-input" });
    changesOnly.addEventListener("change", () => applyChangesOnly());
    changesOnlyBox = changesOnly;

    positionNode = el("span", { class: "change-position", "aria-live": "polite" }, changeRows.length ? `${changeRows.length} changes` : "No changes");
    const listOpen = window.innerWidth >= 1360;
    const listToggle = button([icon("list"), "Change list"], () => toggleList(), {
      class: "btn btn-secondary btn-small",
      id: "toggle-change-list",
      "aria-expanded": String(listOpen),
      "aria-controls": "change-list",
    });

    const toolbar = el(
      "div",
      { class: "text-toolbar", role: "toolbar", "aria-label": "Text comparison" },
      el("span", { class: "switch" }, changesOnly, el("label", { for: "changes-only" }, "Changes only")),
      el(
        "div",
        { class: "stepper" },
        button([icon("up"), el("span", {}, "Previous")], () => previousChange(), { class: "btn btn-secondary btn-small", id: "prev-change", title: "Previous change (P or K)" }),
        button([icon("down"), el("span", {}, "Next change")], () => nextChange(), { class: "btn btn-small", id: "next-change", title: "Next change (N or J)" }),
        positionNode,
      ),
      el("div", { class: "toolbar-end" }, listToggle),
    );

    const list = el(
      "ol",
      { class: "change-list" },
      ...changeRows.map((row, n) => {
        const kind = (row.dataset.kind ?? "changed") as ParagraphKind;
        const link = button(
          [
            el("span", { class: `kind-pill kind-${kind}` }, PARAGRAPH_KINDS[kind]),
            el("span", { class: "cl-page" }, row.dataset.pages ?? ""),
            el("span", { class: "cl-text" }, row.dataset.excerpt ?? ""),
          ],
          () => setCurrent(n, true),
          { class: "change-link" },
        );
        changeLinks.push(link);
        return el("li", {}, link);
      }),
    );
    listPanel = el(
      "aside",
      { class: "change-list-panel", id: "change-list", "aria-label": "All changes", hidden: !listOpen },
      el("h3", { class: "change-list-title" }, "Changes", el("span", { class: "count-pill" }, String(changeRows.length))),
      changeRows.length ? list : el("p", { class: "muted" }, "The texts are the same."),
    );

    const layout = el("div", { class: `text-layout${listOpen ? " with-list" : ""}` }, pairs, listPanel);

    function toggleList(): void {
      if (!listPanel) return;
      listPanel.hidden = !listPanel.hidden;
      layout.classList.toggle("with-list", !listPanel.hidden);
      listToggle.setAttribute("aria-expanded", String(!listPanel.hidden));
    }

    return { toolbar, layout };
  }

  function setCurrent(index: number, scroll: boolean): void {
    if (index < 0 || index >= changeRows.length) return;
    changeRows[current]?.classList.remove("current-change");
    changeLinks[current]?.removeAttribute("aria-current");
    current = index;
    const row = changeRows[index];
    const link = changeLinks[index];
    if (!row) return;
    row.classList.add("current-change");
    link?.setAttribute("aria-current", "true");
    if (scroll) {
      row.scrollIntoView({ block: "center", behavior: prefersReducedMotion() ? "auto" : "smooth" });
    }
    if (link && listPanel && !listPanel.hidden) {
      // Scroll only the list, not the page: scrollIntoView would move both.
      const top = link.offsetTop - listPanel.clientHeight / 2;
      listPanel.scrollTo({ top, behavior: "auto" });
    }
    const kind = (row.dataset.kind ?? "changed") as ParagraphKind;
    if (positionNode) positionNode.textContent = `${index + 1} of ${changeRows.length}`;
    announce(`Change ${index + 1} of ${changeRows.length}: ${PARAGRAPH_KINDS[kind].toLowerCase()}, ${row.dataset.pages ?? ""}`);
  }

  /** The first change below the top of the visible area, so stepping starts where people are. */
  function firstChangeInView(): number {
    const top = scroller.getBoundingClientRect().top + 120;
    const at = changeRows.findIndex((row) => row.getBoundingClientRect().bottom > top);
    return at < 0 ? changeRows.length - 1 : at;
  }

  function nextChange(): void {
    if (changeRows.length === 0) return;
    setCurrent(current < 0 ? firstChangeInView() : Math.min(current + 1, changeRows.length - 1), true);
  }

  function previousChange(): void {
    if (changeRows.length === 0) return;
    setCurrent(current < 0 ? Math.max(firstChangeInView() - 1, 0) : Math.max(current - 1, 0), true);
  }

  function applyChangesOnly(): void {
    if (!pairsNode || !changesOnlyBox) return;
    pairsNode.classList.toggle("only-changes", changesOnlyBox.checked);
    announce(changesOnlyBox.checked ? "Showing changed paragraphs only" : "Showing all paragraphs");
    const row = changeRows[current];
    if (row) row.scrollIntoView({ block: "center" });
  }

  function toggleChangesOnly(): void {
    if (!changesOnlyBox) return;
    changesOnlyBox.checked = !changesOnlyBox.checked;
    applyChangesOnly();
  }

  return { start, controls, nextChange, previousChange, toggleChangesOnly };
}
