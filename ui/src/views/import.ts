// Importing reports: a panel in the corner (people can keep working while it runs) with a
// progress bar and what became of every file.
import * as api from "../api";
import type { ImportOutcome } from "../bindings/ImportOutcome";
import { icon } from "../components/icons";
import { announce, toast } from "../components/status";
import { button, el, fill } from "../dom";
import { baseName, plural } from "../format";
import { navigate } from "../router";
import { getComparedPair, inspectionById, inspectionName, refreshLibrary, selectAuthority } from "../state";

const title = el("h2", { class: "import-title", id: "import-title" }, "Adding reports");
const summary = el("p", { class: "import-summary" });
const bar = el("div", { class: "progress-fill" });
const progress = el(
  "div",
  {
    id: "import-progress",
    class: "progress indeterminate",
    role: "progressbar",
    "aria-label": "Import progress",
    "aria-valuemin": "0",
  },
  bar,
);
const list = el("ol", { class: "import-list", "aria-label": "Files" });
const actions = el("div", { class: "import-actions" });
const closeButton = button(icon("close"), () => hidePanel(), { class: "icon-button", "aria-label": "Close the import panel" });
const panel = el(
  "section",
  { id: "import-panel", class: "import-panel", "aria-labelledby": "import-title", hidden: true },
  el("header", { class: "import-head" }, title, closeButton),
  progress,
  summary,
  list,
  actions,
);

interface Row {
  outcome: ImportOutcome;
  node: HTMLLIElement;
}

let rows: Row[] = [];
let running = false;
const queue: string[][] = [];
/** Items asked for since the panel was last cleared, for its title. */
let queued = 0;

export function mountImportPanel(parent: HTMLElement): void {
  parent.append(panel);
}

export function isImportPanelOpen(): boolean {
  return !panel.hidden;
}

export function hidePanel(): void {
  panel.hidden = true;
}

/**
 * Imports dropped or opened paths. Imports run one after another; drops made while one runs
 * wait their turn and join the same panel, so every file of a quick series of drops is listed.
 */
export function importPaths(paths: string[]): void {
  if (paths.length === 0) return;
  queue.push(paths);
  queued += paths.length;
  if (running) {
    title.textContent = `Adding ${plural(queued, "item")}…`;
  } else {
    void runQueue();
  }
}

async function runQueue(): Promise<void> {
  running = true;
  rows = [];
  list.replaceChildren();
  while (queue.length > 0) {
    const paths = queue.shift() ?? [];
    showRunning();
    if (!(await importBatch(paths))) break;
  }
  queue.length = 0;
  queued = 0;
  running = false;
}

function showRunning(): void {
  actions.replaceChildren();
  panel.hidden = false;
  panel.classList.add("running");
  panel.classList.remove("finished");
  title.textContent = `Adding ${plural(queued, "item")}…`;
  summary.textContent = "Reading files…";
  setProgress(0, null);
  announce(`Adding ${plural(queued, "item")} to your library`);
}

/** One batch of paths; false when the import failed as a whole (the rest of the queue stops). */
async function importBatch(paths: string[]): Promise<boolean> {
  const first = rows.length;
  try {
    const result = await api.importPaths(paths, (event) => {
      setProgress(event.done, event.total);
      addRow(event.outcome);
      summary.textContent = `${event.done.toLocaleString("en-GB")} of ${plural(event.total, "file")} read`;
    });
    // Progress messages can trail the final answer; the summary is complete, so fill any gaps.
    for (const outcome of result.outcomes) {
      if (!rows.slice(first).some((r) => r.outcome.path === outcome.path)) addRow(outcome);
    }
    setProgress(result.outcomes.length, result.outcomes.length);
    await refreshLibrary();
    finish(rows.map((r) => r.outcome));
    return true;
  } catch (e) {
    panel.classList.remove("running");
    panel.classList.add("finished");
    setProgress(0, 0);
    title.textContent = "The reports could not be added";
    summary.textContent = api.errorMessage(e);
    toast(api.errorMessage(e), "error");
    return false;
  }
}

/** Shows outcomes that arrived without a running import (the files given at launch). */
export async function showOutcomes(outcomes: ImportOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  rows = [];
  list.replaceChildren();
  actions.replaceChildren();
  panel.hidden = false;
  for (const outcome of outcomes) addRow(outcome);
  setProgress(outcomes.length, outcomes.length);
  await refreshLibrary();
  finish(outcomes);
}

function setProgress(done: number, total: number | null): void {
  // Until the first file is read the total is not known (folders are walked first).
  progress.classList.toggle("indeterminate", total === null);
  if (total === null) {
    progress.removeAttribute("aria-valuenow");
    progress.removeAttribute("aria-valuemax");
    progress.setAttribute("aria-valuetext", "Starting");
    bar.style.setProperty("width", "");
    return;
  }
  const max = Math.max(total, 1);
  progress.setAttribute("aria-valuemax", String(max));
  progress.setAttribute("aria-valuenow", String(Math.min(done, max)));
  progress.setAttribute("aria-valuetext", `${done} of ${total} files`);
  bar.style.setProperty("width", `${Math.round((Math.min(done, max) / max) * 100)}%`);
}

function outcomeText(outcome: ImportOutcome): string {
  switch (outcome.status) {
    case "imported":
      return "Added";
    case "already_present":
      return "Already in your library";
    case "refused":
      return `Not added: ${outcome.reason}`;
  }
}

function addRow(outcome: ImportOutcome): void {
  const mark = outcome.status === "refused" ? "!" : outcome.status === "imported" ? "✓" : "=";
  const detail = el("span", { class: "import-detail" });
  const node = el(
    "li",
    { class: "import-outcome", "data-status": outcome.status, title: outcome.path },
    el("span", { class: "import-mark", "aria-hidden": "true" }, mark),
    el(
      "div",
      { class: "import-body" },
      el("span", { class: "import-file" }, baseName(outcome.path)),
      el("span", { class: "import-reason" }, outcomeText(outcome)),
      detail,
    ),
  );
  rows.push({ outcome, node });
  list.append(node);
  node.scrollIntoView({ block: "nearest" });
}

function finish(outcomes: ImportOutcome[]): void {
  panel.classList.remove("running");
  panel.classList.add("finished");
  const added = outcomes.filter((o) => o.status === "imported").length;
  const present = outcomes.filter((o) => o.status === "already_present").length;
  const refused = outcomes.length - added - present;

  title.textContent =
    added > 0 ? `Added ${plural(added, "report")}` : refused > 0 && present === 0 ? "No reports added" : "Nothing new to add";
  const parts = [`${added.toLocaleString("en-GB")} added`];
  if (present) parts.push(`${present.toLocaleString("en-GB")} already in your library`);
  if (refused) parts.push(`${refused.toLocaleString("en-GB")} not added`);
  summary.textContent = outcomes.length === 0 ? "No report files were found there." : parts.join(" · ");
  announce(`Import finished: ${parts.join(", ")}.`);

  // Now the library knows them, name each report and offer to open it.
  const ids: number[] = [];
  for (const row of rows) {
    const o = row.outcome;
    if (o.status === "refused") continue;
    if (!ids.includes(o.inspection_id)) ids.push(o.inspection_id);
    const inspection = inspectionById(o.inspection_id);
    const detail = row.node.querySelector(".import-detail");
    if (!inspection || !detail) continue;
    const open = (): void => {
      selectAuthority(inspection.local_authority);
      navigate({ view: "report", id: inspection.id });
    };
    // Never a made-up authority: one the reader could not tell is asked for in the report.
    fill(
      detail,
      el("span", {}, `${inspectionName(inspection)} · ${inspection.framework_label}`),
      inspection.authority_known
        ? button("Open", open, { class: "link-button", "aria-label": `Open ${inspectionName(inspection)}` })
        : button("Which authority? Choose it", open, { class: "link-button needs-authority", "aria-label": `Which authority? Choose it for ${inspectionName(inspection)}` }),
    );
  }

  const [first, second] = ids;
  const shown = getComparedPair();
  const alreadyShown = shown !== null && ids.length === 2 && ids.every((id) => shown.includes(id));
  if (ids.length === 2 && first !== undefined && second !== undefined && !alreadyShown) {
    actions.append(
      button([icon("compare"), "Compare these two"], () => {
        const a = inspectionById(first);
        if (a) selectAuthority(a.local_authority);
        navigate({ view: "compare", a: first, b: second });
      }, { class: "btn" }),
    );
  }
  if (ids.length > 0) {
    actions.append(button("Show library", () => navigate({ view: "library" }), { class: "btn btn-secondary" }));
  }
}
