// Keyboard shortcuts and the dialog that lists them. The native menu owns Ctrl/Cmd+O and also
// sends Ctrl/Cmd+1, 2 and F as menu events; handling the keys here too keeps them working when
// the menu does not see them (and doing a navigation twice is harmless).
import { button, el, fill, isTypingTarget } from "./dom";
import { isMac, MOD } from "./format";

export interface ShortcutActions {
  library(): void;
  compare(): void;
  search(): void;
  back(): void;
  inCompare(): boolean;
  nextChange(): void;
  previousChange(): void;
  toggleChangesOnly(): void;
  swap(): void;
  /** Prints the comparison's summary. */
  print(): void;
  /** Closes the drop overlay or the import panel; true when something closed. */
  closeOverlay(): boolean;
}

const dialogBody = el("div", { class: "dialog-body shortcuts-body" });
const aboutNode = el("p", { class: "about muted" });
const dialog = el(
  "dialog",
  { class: "dialog shortcuts-dialog", id: "shortcuts-dialog", "aria-labelledby": "shortcuts-title" },
  el(
    "header",
    { class: "dialog-head" },
    el("h2", { id: "shortcuts-title", class: "dialog-title" }, "Keyboard shortcuts"),
  ),
  dialogBody,
  aboutNode,
  el("div", { class: "dialog-actions" }, button("Close", () => dialog.close(), { class: "btn" })),
);

function keys(...alternatives: string[]): HTMLElement {
  return el(
    "span",
    { class: "keys" },
    ...alternatives.flatMap((k, i) => (i > 0 ? [el("span", { class: "keys-or" }, " or "), el("kbd", {}, k)] : [el("kbd", {}, k)])),
  );
}

function combo(...parts: string[]): HTMLElement {
  return el("span", { class: "keys" }, ...parts.flatMap((p, i) => (i > 0 ? ["+", el("kbd", {}, p)] : [el("kbd", {}, p)])));
}

function group(title: string, rows: [HTMLElement, string][]): HTMLElement {
  return el(
    "section",
    { class: "shortcut-group" },
    el("h3", {}, title),
    el("dl", {}, ...rows.map(([k, what]) => el("div", { class: "shortcut-row" }, el("dt", {}, k), el("dd", {}, what)))),
  );
}

fill(
  dialogBody,
  group("Anywhere", [
    [combo(MOD, "O"), "Open reports to add to your library"],
    [combo(MOD, "1"), "Library"],
    [combo(MOD, "2"), "Compare"],
    [combo(MOD, "F"), "Search"],
    [combo(isMac ? "⌥" : "Alt", "←"), "Back"],
    [keys("?"), "This list of shortcuts"],
    [keys("Esc"), "Close a dialog or panel"],
  ]),
  group("Comparing", [
    [keys("N", "J", "F8"), "Next change"],
    [keys("P", "K", "F7"), "Previous change"],
    [keys("C"), "Show changes only, or everything"],
    [keys("S"), "Swap before and after"],
    [combo(MOD, "P"), "Print a one-page summary"],
  ]),
);

export function mountShortcutsDialog(parent: HTMLElement): void {
  parent.append(dialog);
}

export function setAbout(text: string): void {
  aboutNode.textContent = text;
}

export function showShortcuts(): void {
  if (!dialog.open) dialog.showModal();
}

export function installShortcuts(actions: ShortcutActions): void {
  window.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.isComposing) return;
    const mod = isMac ? e.metaKey : e.ctrlKey;
    const key = e.key;

    if (mod && !e.altKey && !e.shiftKey) {
      const action =
        key === "1"
          ? actions.library
          : key === "2"
            ? actions.compare
            : key === "3" || key.toLowerCase() === "f"
              ? actions.search
              : key.toLowerCase() === "p"
                ? actions.print
                : null;
      if (action) {
        e.preventDefault();
        action();
      }
      return;
    }
    if (e.altKey && key === "ArrowLeft" && !isTypingTarget(e.target)) {
      e.preventDefault();
      actions.back();
      return;
    }
    if (key === "Escape") {
      // Open dialogs close themselves on Escape; other overlays are closed here.
      if (document.querySelector("dialog[open]")) return;
      if (actions.closeOverlay()) e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
    if (document.querySelector("dialog[open]")) return;

    if (key === "?") {
      e.preventDefault();
      showShortcuts();
      return;
    }
    if (key === "/") {
      e.preventDefault();
      actions.search();
      return;
    }
    if (!actions.inCompare()) return;
    switch (key.toLowerCase()) {
      // F8 and F7 step through differences as they do in WinMerge.
      case "n":
      case "j":
      case "f8":
        e.preventDefault();
        actions.nextChange();
        break;
      case "p":
      case "k":
      case "f7":
        e.preventDefault();
        actions.previousChange();
        break;
      case "c":
        e.preventDefault();
        actions.toggleChangesOnly();
        break;
      case "s":
        e.preventDefault();
        actions.swap();
        break;
    }
  });
}

