import { getCurrentWebview } from "@tauri-apps/api/webview";
import { isCommandError, readReport, type Judgement, type ReportSummary } from "./api";
import { el } from "./dom";

const GRADE_WORDS: Record<number, string> = { 1: "Outstanding", 2: "Good", 3: "Requires improvement", 4: "Inadequate" };

const app = document.querySelector<HTMLDivElement>("#app");
if (!app) throw new Error("missing #app");

const status = el("p", { class: "status", role: "status" }, "Drop an Ofsted children's services report (PDF, text or web page) anywhere on this window.");
const results = el("section", { class: "results", "aria-live": "polite" });
const overlay = el("div", { class: "drop-overlay", hidden: "" }, el("p", {}, "Drop reports to read them"));

app.append(
  el("header", { class: "app-header" }, el("h1", {}, "Inspection Compare"), el("p", { class: "tagline" }, "See how an authority's Ofsted inspections changed")),
  el("main", {}, status, results),
  overlay,
);

function gradeBadge(j: Judgement): HTMLElement {
  const rank = j.scale_rank;
  const cls = rank === null ? "grade grade-none" : `grade grade-${rank}`;
  const label = rank === null ? "Not judged" : (GRADE_WORDS[rank] ?? j.grade);
  return el("span", { class: cls, title: `As printed: ${j.grade}` }, label);
}

function renderReport(report: ReportSummary): HTMLElement {
  const dates = report.inspection_start && report.inspection_end ? `${report.inspection_start} to ${report.inspection_end}` : "dates not found";
  const rows = report.judgements.map((j) =>
    el("tr", {}, el("th", { scope: "row" }, j.area), el("td", {}, gradeBadge(j)), el("td", { class: "page" }, j.evidence ? `p. ${j.evidence.page}` : "")),
  );
  const recs = report.recommendations.map((r) => el("li", {}, r));
  return el(
    "article",
    { class: "report-card" },
    el("h2", {}, report.local_authority),
    el("p", { class: "meta" }, `${report.framework_label} · inspected ${dates} · lead inspector ${report.lead_inspector ?? "not found"} · ${report.file_name}`),
    el("table", { class: "judgements" }, el("thead", {}, el("tr", {}, el("th", {}, "Judgement"), el("th", {}, "Grade"), el("th", {}, "Page"))), el("tbody", {}, ...rows)),
    recs.length > 0 && el("h3", {}, "Recommendations"),
    recs.length > 0 && el("ol", { class: "recommendations" }, ...recs),
    ...report.warnings.map((w) => el("p", { class: "warning" }, `Note: ${w}`)),
  );
}

async function readPaths(paths: string[]): Promise<void> {
  status.textContent = `Reading ${paths.length} file${paths.length === 1 ? "" : "s"}…`;
  let ok = 0;
  for (const path of paths) {
    try {
      results.prepend(renderReport(await readReport(path)));
      ok += 1;
    } catch (e) {
      const message = isCommandError(e) ? e.message : String(e);
      results.prepend(el("p", { class: "error" }, message));
    }
  }
  status.textContent = `Read ${ok} of ${paths.length} file${paths.length === 1 ? "" : "s"}.`;
}

void getCurrentWebview().onDragDropEvent((event) => {
  const payload = event.payload;
  if (payload.type === "enter" || payload.type === "over") {
    overlay.hidden = false;
  } else if (payload.type === "leave") {
    overlay.hidden = true;
  } else {
    overlay.hidden = true;
    void readPaths(payload.paths);
  }
});
