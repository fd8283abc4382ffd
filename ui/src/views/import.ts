// Importing reports: a panel in the corner (people can keep working while it runs) with a
// progress bar and what became of every file.
import * as api from "../api";
import type { ImportOutcome } from "../bindings/ImportOutcome";
import type { ImportSummary } from "../bindings/ImportSummary";
import type { UnfinishedImport } from "../bindings/UnfinishedImport";
import { ERROR_KINDS } from "../bindings/vocabulary";
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
const refusals = el("div", { class: "import-refusals", hidden: true });
const list = el("ol", { class: "import-list", "aria-label": "Files" });
const actions = el("div", { class: "import-actions" });
const closeButton = button(icon("close"), () => hidePanel(), { class: "icon-button", "aria-label": "Close the import panel" });
const panel = el(
  "section",
  { id: "import-panel", class: "import-panel", "aria-labelledby": "import-title", hidden: true },
  el("header", { class: "import-head" }, title, closeButton),
  progress,
  summary,
  refusals,
  list,
  actions,
);

interface Row {
  outcome: ImportOutcome;
  node: HTMLLIElement;
}

let rows: Row[] = [];
let running = false;
/** The paths of the batch under way, to resume it after a cancel. */
let current: string[] = [];
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
    // A failure or a Cancel ends the series: drops waiting their turn are not imported.
    if (!(await importBatch(paths)) || cancelButtonPressed) break;
  }
  if (queue.length > 0) {
    const waiting = queue.reduce((n, paths) => n + paths.length, 0);
    toast(`${plural(waiting, "item")} dropped meanwhile ${waiting === 1 ? "was" : "were"} not imported: drop ${waiting === 1 ? "it" : "them"} again to add ${waiting === 1 ? "it" : "them"}.`, "info", 12000);
  }
  queue.length = 0;
  queued = 0;
  running = false;
}

function showRunning(): void {
  actions.replaceChildren(
    button("Cancel", () => {
      cancelButtonPressed = true;
      summary.textContent = "Stopping after the file being stored…";
      void api.cancelImport().catch((e) => toast(api.errorMessage(e), "error"));
    }, { class: "btn btn-secondary", id: "import-cancel" }),
  );
  cancelButtonPressed = false;
  refusals.hidden = true;
  panel.hidden = false;
  panel.classList.add("running");
  panel.classList.remove("finished");
  title.textContent = `Adding ${plural(queued, "item")}…`;
  summary.textContent = "Reading files…";
  setProgress(0, null);
  announce(`Adding ${plural(queued, "item")} to your library`);
}

let cancelButtonPressed = false;

/** What became of the files so far: the counts the panel says while it runs and at the end. */
interface Tally {
  added: number;
  present: number;
  refused: number;
}

function counted(tally: Tally, outcome: ImportOutcome): Tally {
  if (outcome.status === "imported") tally.added += 1;
  else if (outcome.status === "already_present") tally.present += 1;
  else tally.refused += 1;
  return tally;
}

/** "12 added", "3 already in your library", "1 not added": what there is of each. */
function tallyWords(tally: Tally): string[] {
  const parts = [`${tally.added.toLocaleString("en-GB")} added`];
  if (tally.present) parts.push(`${tally.present.toLocaleString("en-GB")} already in your library`);
  if (tally.refused) parts.push(`${tally.refused.toLocaleString("en-GB")} not added`);
  return parts;
}

/** "about 2 minutes left", from the pace of the files read so far (files already in the
 *  library go fast, so the pace is of this run, not a guess per file). */
function timeLeft(done: number, total: number, startedAt: number): string {
  const elapsed = (performance.now() - startedAt) / 1000;
  if (done < 5 || elapsed < 2 || done >= total) return "";
  const seconds = ((total - done) * elapsed) / done;
  if (seconds < 10) return " · a few seconds left";
  if (seconds < 90) return ` · about ${Math.round(seconds / 5) * 5} seconds left`;
  return ` · about ${Math.round(seconds / 60)} minutes left`;
}

/** One batch of paths; false when the import failed as a whole or was stopped (the rest of the
 *  queue stops). */
async function importBatch(paths: string[]): Promise<boolean> {
  const first = rows.length;
  current = paths;
  const startedAt = performance.now();
  const tally: Tally = { added: 0, present: 0, refused: 0 };
  try {
    const result = await api.importPaths(paths, (event) => {
      setProgress(event.done, event.total);
      addRow(event.outcome);
      counted(tally, event.outcome);
      if (cancelButtonPressed) return;
      const read = `${event.done.toLocaleString("en-GB")} of ${plural(event.total, "file")} read`;
      summary.textContent = [read, ...tallyWords(tally)].join(" · ") + timeLeft(event.done, event.total, startedAt);
    });
    // Progress messages can trail the final answer; the summary is complete, so fill any gaps.
    for (const outcome of result.outcomes) {
      if (!rows.slice(first).some((r) => r.outcome.path === outcome.path)) addRow(outcome);
    }
    if (!result.stopped) setProgress(result.outcomes.length, result.outcomes.length);
    await refreshLibrary();
    finish(rows.map((r) => r.outcome), result);
    return !result.stopped;
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

/** Why files were not added, grouped by what was wrong, largest group first. */
function showRefusals(outcomes: ImportOutcome[]): void {
  const byKind = new Map<string, number>();
  for (const o of outcomes) if (o.status === "refused") byKind.set(ERROR_KINDS[o.kind], (byKind.get(ERROR_KINDS[o.kind]) ?? 0) + 1);
  refusals.hidden = byKind.size === 0;
  if (byKind.size === 0) return;
  fill(
    refusals,
    el("p", { class: "import-refusals-title" }, "Not added, and why (each file’s reason is in the list):"),
    el("ul", {}, ...[...byKind].sort((a, b) => b[1] - a[1]).map(([why, n]) => el("li", {}, `${n.toLocaleString("en-GB")} ${why}`))),
  );
}

/** An import that stopped before its end (cancelled, or the app closed while it ran): offered
 *  again at start. */
export function offerUnfinished(unfinished: UnfinishedImport): void {
  if (running) return;
  rows = [];
  list.replaceChildren();
  refusals.hidden = true;
  panel.hidden = false;
  panel.classList.remove("running");
  panel.classList.add("finished");
  title.textContent = "An import did not finish";
  const names = unfinished.paths.map(baseName).join(", ");
  summary.textContent = `${names}: ${unfinished.stored.toLocaleString("en-GB")} of ${plural(unfinished.files, "file")} stored. Resume to add the rest; files already stored are recognised by their content and skipped.`;
  setProgress(unfinished.stored, unfinished.files);
  actions.replaceChildren(
    button("Dismiss", () => {
      void api.dismissImport(unfinished.id).catch((e) => toast(api.errorMessage(e), "error"));
      hidePanel();
    }, { class: "btn btn-secondary", id: "import-dismiss" }),
    button("Resume", () => importPaths(unfinished.paths), { class: "btn", id: "import-resume" }),
  );
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

function finish(outcomes: ImportOutcome[], result: ImportSummary | null = null): void {
  panel.classList.remove("running");
  panel.classList.add("finished");
  const { added, present, refused } = outcomes.reduce(counted, { added: 0, present: 0, refused: 0 });
  const stopped = result?.stopped ?? false;

  title.textContent = stopped
    ? "Import stopped"
    : added > 0
      ? `Added ${plural(added, "report")}`
      : refused > 0 && present === 0
        ? "No reports added"
        : "Nothing new to add";
  const parts = tallyWords({ added, present, refused });
  if (stopped && result) parts.push(`${result.unread.toLocaleString("en-GB")} not read yet`);
  summary.textContent = outcomes.length === 0 && !stopped ? "No report files were found there." : parts.join(" · ");
  announce(`Import ${stopped ? "stopped" : "finished"}: ${parts.join(", ")}.`);
  showRefusals(outcomes);
  actions.replaceChildren();
  if (stopped) {
    const paths = current;
    actions.append(
      button("Resume", () => importPaths(paths), { class: "btn", id: "import-resume", title: "Files already stored are recognised by their content and skipped" }),
    );
  }

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
