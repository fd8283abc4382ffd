// Two inspections compared: judgements first (what most people came for), then recommendations,
// then both texts side by side with every change marked and a way to step through them.
import * as api from "../api";
import type { Comparison } from "../bindings/Comparison";
import type { Hunk } from "../bindings/Hunk";
import type { InspectionSummary } from "../bindings/InspectionSummary";
import type { JudgementSide } from "../bindings/JudgementSide";
import type { ParagraphChange } from "../bindings/ParagraphChange";
import type { ParagraphKind } from "../bindings/ParagraphKind";
import type { ReportSummary } from "../bindings/ReportSummary";
import type { SectionPair } from "../bindings/SectionPair";
import { CHANGE_INFO, changeTag, gradeBadge, gradeWord } from "../components/grade";
import { icon } from "../components/icons";
import { announce, toast } from "../components/status";
import { button, el, fill, flash, prefersReducedMotion, scrollToNode, type Child } from "../dom";
import { excerpt, formatRange, MOD, percent, plural, yearLabel } from "../format";
import { navigate, type View } from "../router";
import { printSummary } from "./print";
import {
  authorityNames,
  byDate,
  defaultPair,
  inspectionById,
  inspectionsOf,
  library,
  loadComparison,
  onLibraryChange,
  overallOf,
  selectAuthority,
  setComparedPair,
} from "../state";

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

type Side = "before" | "after";

const KIND_WORDS: Record<ParagraphKind, string> = {
  unchanged: "Unchanged",
  changed: "Changed",
  added: "Added",
  removed: "Removed",
  moved: "Moved",
  moved_changed: "Moved and changed",
};

const TOPIC_LABELS: Record<string, string> = {
  summary: "Summary",
  context: "Context",
  help_protection: "Help and protection",
  children_in_care: "Children in care",
  care_leavers: "Care leavers",
  adoption: "Adoption",
  leadership: "Leadership",
  lscb: "Safeguarding board",
  recommendations: "Recommendations",
};

export function createCompareView(scroller: HTMLElement): CompareView {
  const pickBefore = el("select", { id: "compare-before", class: "picker" });
  const pickAfter = el("select", { id: "compare-after", class: "picker" });
  const metaBefore = el("div", { class: "side-meta" });
  const metaAfter = el("div", { class: "side-meta" });
  const title = el("h1", { id: "compare-title" }, "Compare");
  const subtitle = el("p", { class: "page-sub" });
  const notices = el("div", { class: "compare-notices" });
  const content = el("div", { class: "compare-content" });
  const swapButton = button([icon("swap"), el("span", {}, "Swap")], () => swap(), {
    class: "btn btn-secondary swap-button",
    id: "swap-button",
    title: "Swap before and after (S)",
  });

  const sides = el(
    "div",
    { class: "compare-sides" },
    el("div", { class: "side-card side-card-before" }, el("label", { for: "compare-before", class: "side-label" }, el("span", { class: "side-dot" }), "Before"), pickBefore, metaBefore),
    swapButton,
    el("div", { class: "side-card side-card-after" }, el("label", { for: "compare-after", class: "side-label" }, el("span", { class: "side-dot" }), "After"), pickAfter, metaAfter),
  );

  const printButton = button([icon("print"), el("span", {}, "Print summary")], () => print(), {
    class: "btn btn-secondary",
    id: "print-button",
    title: `Print a one-page summary (${MOD}+P)`,
    disabled: true,
  });
  const exportOptions: [api.ExportFormat, string][] = [
    ["pdf", "PDF"],
    ["html", "Web page (HTML)"],
    ["csv", "Judgement table (CSV)"],
    ["md", "Markdown"],
  ];
  const exportMenu = el(
    "div",
    { class: "export-menu", id: "export-menu", role: "menu", hidden: true },
    ...exportOptions.map(([format, label]) =>
      button(label, () => {
        exportMenu.hidden = true;
        exportAs(format);
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
    title: "Save the summary as PDF, HTML, CSV or Markdown",
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
  const headActions = el("div", { class: "compare-actions" }, printButton, el("div", { class: "export-wrap" }, exportButton, exportMenu));

  const root = el(
    "section",
    { class: "view view-compare", "aria-labelledby": "compare-title" },
    el("header", { class: "page-head compare-head" }, el("div", {}, el("p", { class: "eyebrow" }, "Comparison"), title, subtitle), headActions),
    sides,
    notices,
    content,
  );

  let beforeId: number | null = null;
  let afterId: number | null = null;
  let comparison: Comparison | null = null;
  let token = 0;
  let loading = false;

  // The text comparison's moving parts, rebuilt with each comparison.
  let changeRows: HTMLElement[] = [];
  let changeLinks: HTMLElement[] = [];
  let current = -1;
  let pairsNode: HTMLElement | null = null;
  let changesOnlyBox: HTMLInputElement | null = null;
  let positionNode: HTMLElement | null = null;
  let listPanel: HTMLElement | null = null;
  let toolbarObserver: ResizeObserver | null = null;

  pickBefore.addEventListener("change", () => pick());
  pickAfter.addEventListener("change", () => pick());

  function pick(): void {
    const a = Number(pickBefore.value);
    const b = Number(pickAfter.value);
    if (Number.isFinite(a) && Number.isFinite(b)) void load(a, b, true);
  }

  function syncActions(): void {
    printButton.disabled = comparison === null;
    exportButton.disabled = comparison === null;
    if (comparison === null) exportMenu.hidden = true;
  }

  /** The shown pair as the commands take it: in the order shown. */
  function shownPair(): [number, number] | null {
    return comparison && beforeId !== null && afterId !== null ? [beforeId, afterId] : null;
  }

  function print(): void {
    const pair = shownPair();
    if (!pair) {
      toast("Open a comparison first: the printed summary is of the comparison shown.", "info");
      return;
    }
    api
      .comparisonSummary(pair[0], pair[1], true)
      .then((summary) => printSummary(summary))
      .catch((e) => toast(`The summary could not be printed: ${api.errorMessage(e)}`, "error"));
  }

  function exportAs(format: api.ExportFormat): void {
    const pair = shownPair();
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

  function swap(): void {
    if (beforeId !== null && afterId !== null) void load(afterId, beforeId, true);
  }

  function refreshPickers(): void {
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
    setPickers();
  }

  function setPickers(): void {
    if (beforeId !== null) pickBefore.value = String(beforeId);
    if (afterId !== null) pickAfter.value = String(afterId);
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
    setPickers();
    const ia = inspectionById(a);
    const ib = inspectionById(b);
    if (ia) selectAuthority(ia.local_authority);
    root.classList.add("is-loading");
    fill(
      content,
      el(
        "div",
        { class: "loading-block" },
        el("span", { class: "spinner", "aria-hidden": "true" }),
        ia && ib ? `Comparing ${ia.local_authority} ${yearLabel(ia.inspection_start)} with ${yearLabel(ib.inspection_start)}…` : "Comparing…",
      ),
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
      setPickers();
      render(result);
      syncActions();
      performance.mark("compare-drawn");
      scroller.scrollTop = 0;
      performance.mark("compare-scrolled");
      announce(`Comparison ready: ${judgementSummaryText(result)}.`);
    } catch (e) {
      if (mine !== token) return;
      comparison = null;
      syncActions();
      fill(notices);
      fill(content, el("div", { class: "empty-state error-state compact" }, el("h2", {}, "These inspections could not be compared"), el("p", {}, api.errorMessage(e))));
    } finally {
      if (mine === token) {
        loading = false;
        root.classList.remove("is-loading");
      }
    }
  }

  function showEmpty(): void {
    comparison = null;
      syncActions();
    beforeId = null;
    afterId = null;
    sides.hidden = true;
    title.textContent = "Compare";
    subtitle.textContent = "";
    fill(notices);
    if (!library.loaded) {
      fill(content, el("div", { class: "loading-block" }, el("span", { class: "spinner", "aria-hidden": "true" }), "Loading your library…"));
      return;
    }
    fill(
      content,
      el(
        "div",
        { class: "empty-state" },
        el("div", { class: "empty-illustration", "aria-hidden": "true" }, icon("compare")),
        el("h2", {}, "Comparing needs two inspections"),
        el("p", {}, "Add at least two inspection reports of the same local authority — for example its 2013 and 2018 inspections — and see what changed: judgements, recommendations and the text itself."),
        button("Go to the library", () => navigate({ view: "library" }), { class: "btn" }),
      ),
    );
  }

  function ensureSomething(): void {
    if (comparison || loading) return;
    const pair = defaultPair();
    if (pair) {
      sides.hidden = false;
      void load(pair[0].id, pair[1].id, false);
    } else {
      showEmpty();
    }
  }

  function render(c: Comparison): void {
    sides.hidden = false;
    const sameAuthority = c.before.local_authority === c.after.local_authority;
    title.textContent = sameAuthority ? c.before.local_authority : `${c.before.local_authority} and ${c.after.local_authority}`;
    const yb = yearLabel(c.before.inspection_start);
    const ya = yearLabel(c.after.inspection_start);
    subtitle.textContent = `What changed between the ${yb} and ${ya} inspections`;
    fill(metaBefore, ...sideMeta(c.before, beforeId));
    fill(metaAfter, ...sideMeta(c.after, afterId));

    const notes: Child[] = c.warnings.map((w) => el("li", {}, w));
    const ib = beforeId !== null ? inspectionById(beforeId) : undefined;
    const ia = afterId !== null ? inspectionById(afterId) : undefined;
    if (ib && ia && byDate(ib, ia) > 0) {
      notes.push(
        el(
          "li",
          {},
          "The “before” inspection is the later one, so changes read backwards in time. ",
          button("Put them in date order", () => void load(ia.id, ib.id, false), { class: "link-button" }),
        ),
      );
    }
    fill(
      notices,
      notes.length
        ? el("div", { class: "notice notice-info", role: "note" }, icon("warning"), el("div", {}, el("strong", {}, "Read with care"), el("ul", {}, ...notes)))
        : null,
    );

    const jump = (label: string, target: string): HTMLElement =>
      button(label, () => {
        const node = content.querySelector(`#${target}`);
        if (node) scrollToNode(node, "start");
      }, { class: "jump-link" });
    fill(
      content,
      el("nav", { class: "jump-nav", "aria-label": "Parts of the comparison" }, el("span", { class: "muted" }, "Jump to"), jump("Judgements", "compare-judgements"), jump("Recommendations", "compare-recommendations"), jump("The reports side by side", "compare-text")),
      judgementSection(c),
      recommendationSection(c),
      textSection(c),
    );
  }

  function sideMeta(s: ReportSummary, id: number | null): Child[] {
    const overall = s.overall;
    const rank = overall === null ? null : rankOf(overall);
    return [
      el("p", { class: "side-framework" }, s.framework_label),
      el("p", { class: "side-dates" }, formatRange(s.inspection_start, s.inspection_end)),
      el("p", { class: "side-inspector" }, s.lead_inspector ? `Lead inspector: ${s.lead_inspector}` : "Lead inspector not found"),
      el(
        "div",
        { class: "side-foot" },
        overall !== null ? el("span", { class: "side-overall" }, el("span", { class: "muted" }, "Overall"), gradeBadge(overall, rank)) : el("span", { class: "muted" }, "No overall judgement"),
        id !== null ? button([icon("report"), "Open report"], () => navigate({ view: "report", id }), { class: "link-button" }) : null,
      ),
    ];
  }

  /** The overall grade's rank, from the judgement rows (the summary carries only the word). */
  function rankOf(grade: string): number | null {
    const row = comparison?.judgements.find((j) => j.domain === "overall");
    for (const side of [row?.before, row?.after]) if (side && side.grade === grade) return side.scale_rank;
    return rankFromWord(grade);
  }

  // ---- Judgements ----

  function judgementSection(c: Comparison): HTMLElement {
    const yb = yearLabel(c.before.inspection_start);
    const ya = yearLabel(c.after.inspection_start);
    const counts = new Map<string, number>();
    for (const row of c.judgements) counts.set(row.change, (counts.get(row.change) ?? 0) + 1);
    const sameAuthority = c.before.local_authority === c.after.local_authority;
    const who = sameAuthority ? c.before.local_authority : `${c.before.local_authority} and ${c.after.local_authority}`;

    const body: Child[] = [];
    for (const row of c.judgements) {
      const tr = el(
        "tr",
        { class: `judgement-row row-${row.change}`, "data-domain": row.domain, "data-change": row.change },
        el(
          "th",
          { scope: "row" },
          el("span", { class: "judgement-label" }, row.label),
          areaDetail(row.label, row.before, row.after),
        ),
        el("td", { class: "grade-cell" }, gradeCell(row.before, "before")),
        el("td", { class: "grade-cell" }, gradeCell(row.after, "after")),
        el("td", { class: "change-cell" }, changeTag(row.change)),
      );
      if (row.note) tr.classList.add("has-note");
      body.push(tr);
      if (row.note) {
        body.push(el("tr", { class: "judgement-note-row", "data-domain": row.domain }, el("td", { colspan: "4" }, el("p", { class: "judgement-note" }, row.note))));
      }
    }

    const order: (keyof typeof CHANGE_INFO)[] = ["improved", "declined", "unchanged", "added", "removed", "not_comparable"];
    return el(
      "section",
      { class: "compare-section", id: "compare-judgements", "aria-labelledby": "judgements-title" },
      el(
        "div",
        { class: "section-headline" },
        el("h2", { id: "judgements-title", class: "section-title" }, "Judgements"),
        el(
          "p",
          { class: "chip-row summary-chips" },
          ...order
            .filter((k) => counts.get(k))
            .map((k) => {
              const n = counts.get(k) ?? 0;
              return el("span", { class: `summary-chip change-${k}` }, el("span", { "aria-hidden": "true" }, CHANGE_INFO[k].symbol), ` ${n} ${countWord(k, n)}`);
            }),
        ),
      ),
      c.judgements.length
        ? el(
            "table",
            { id: "judgement-table", class: "data-table judgement-table" },
            el("caption", {}, `${who}: judgements at the ${yb} and ${ya} inspections`),
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                el("th", { scope: "col" }, "Judgement"),
                el("th", { scope: "col" }, `Before (${yb})`),
                el("th", { scope: "col" }, `After (${ya})`),
                el("th", { scope: "col" }, "Change"),
              ),
            ),
            el("tbody", {}, ...body),
          )
        : el("p", { class: "muted" }, "Neither report gives graded judgements."),
      c.judgements.some((j) => j.before?.paragraph != null || j.after?.paragraph != null)
        ? el("p", { class: "table-foot muted" }, "Select a grade to see the paragraph that states it.")
        : null,
    );
  }

  function areaDetail(label: string, before: JudgementSide | null, after: JudgementSide | null): HTMLElement | null {
    // The headings as printed, when they say more than the label.
    const areas = [...new Set([before?.area, after?.area].filter((a): a is string => Boolean(a)))];
    if (areas.length === 0 || (areas.length === 1 && areas[0]?.toLowerCase() === label.toLowerCase())) return null;
    return el("span", { class: "judgement-area" }, areas.length === 2 ? `${areas[0]} / ${areas[1]}` : (areas[0] ?? ""));
  }

  function gradeCell(side: JudgementSide | null, which: Side): HTMLElement {
    if (!side) return el("span", { class: "no-grade" }, el("span", { "aria-hidden": "true" }, "—"), el("span", { class: "visually-hidden" }, "Not part of this inspection"));
    const badge = gradeBadge(side.grade, side.scale_rank);
    const paragraph = side.paragraph;
    if (paragraph === null) return badge;
    return button(
      [badge, side.page !== null ? el("span", { class: "grade-page" }, `p. ${side.page}`) : null],
      () => showEvidence(which, paragraph),
      {
        class: "grade-link",
        title: `Show the paragraph that states this grade${side.page !== null ? ` (page ${side.page})` : ""}`,
        "aria-label": `${gradeWord(side.grade, side.scale_rank)}: show the paragraph that states it${side.page !== null ? `, page ${side.page}` : ""}`,
      },
    );
  }

  /** Shows the stating paragraph in the side-by-side text, or in the report when it is hidden. */
  function showEvidence(which: Side, paragraph: number): void {
    const row = pairsNode?.querySelector<HTMLElement>(`.pair-row[data-${which}="${paragraph}"]`);
    if (row && row.offsetParent !== null) {
      const cell = row.querySelector(`.side-${which}`) ?? row;
      scrollToNode(row);
      flash(cell);
      return;
    }
    const id = which === "before" ? beforeId : afterId;
    if (id !== null) navigate({ view: "report", id, paragraph });
  }

  // ---- Recommendations ----

  function recommendationSection(c: Comparison): HTMLElement {
    const r = c.recommendations;
    const yb = yearLabel(c.before.inspection_start);
    const ya = yearLabel(c.after.inspection_start);
    const tags = (themes: string[]): HTMLElement | null =>
      themes.length ? el("span", { class: "tag-row" }, ...themes.map((t) => el("span", { class: "tag" }, t))) : null;
    const none = (text: string): HTMLElement => el("p", { class: "muted rec-none" }, text);

    const column = (kind: string, heading: string, note: string, count: number, list: HTMLElement): HTMLElement =>
      el(
        "section",
        { class: `rec-col rec-${kind}`, "aria-label": `${heading}: ${count}` },
        el("h3", { class: "rec-col-title" }, el("span", {}, heading), el("span", { class: "count-pill" }, String(count))),
        el("p", { class: "rec-col-note" }, note),
        list,
      );

    return el(
      "section",
      { class: "compare-section", id: "compare-recommendations", "aria-labelledby": "recs-title" },
      el(
        "div",
        { class: "section-headline" },
        el("h2", { id: "recs-title", class: "section-title" }, "Recommendations"),
        el("p", { class: "section-sub" }, `${r.recurring.length} recurring · ${r.resolved.length} not repeated · ${r.new.length} new`),
      ),
      r.recurring_themes.length
        ? el("p", { class: "themes-line" }, el("span", { class: "themes-label" }, "Themes raised in both reports"), tags(r.recurring_themes))
        : null,
      el(
        "div",
        { class: "recs-grid" },
        column(
          "recurring",
          "Recurring",
          `Raised in ${yb} and again in ${ya}`,
          r.recurring.length,
          r.recurring.length
            ? el(
                "ol",
                { class: "rec-list" },
                ...r.recurring.map((item) =>
                  el(
                    "li",
                    { class: "rec-item" },
                    el("p", { class: "rec-before" }, el("span", { class: "rec-year" }, yb), item.before),
                    el("p", { class: "rec-arrow", "aria-hidden": "true" }, "↓"),
                    el("p", { class: "rec-after" }, el("span", { class: "rec-year" }, ya), item.after),
                    el("p", { class: "rec-meta" }, el("span", { class: "similarity" }, `${percent(item.similarity)} similar`), tags(item.themes)),
                  ),
                ),
              )
            : none("No recommendation was made again."),
        ),
        column(
          "resolved",
          "Resolved",
          `In the ${yb} report, not repeated in ${ya}`,
          r.resolved.length,
          r.resolved.length
            ? el("ol", { class: "rec-list" }, ...r.resolved.map((item) => el("li", { class: "rec-item" }, el("p", {}, item.text), tags(item.themes))))
            : none("Every earlier recommendation was made again."),
        ),
        column(
          "new",
          "New",
          `First made in the ${ya} report`,
          r.new.length,
          r.new.length
            ? el("ol", { class: "rec-list" }, ...r.new.map((item) => el("li", { class: "rec-item" }, el("p", {}, item.text), tags(item.themes))))
            : none("No new recommendations."),
        ),
      ),
    );
  }

  // ---- Text side by side ----

  function textSection(c: Comparison): HTMLElement {
    changeRows = [];
    changeLinks = [];
    current = -1;
    const yb = yearLabel(c.before.inspection_start);
    const ya = yearLabel(c.after.inspection_start);

    const blocks = c.sections.map((section) => sectionBlock(section, yb, ya));
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
            el("span", { class: `kind-pill kind-${kind}` }, KIND_WORDS[kind]),
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

  function statChip(kind: string, n: number, word: string): HTMLElement {
    return el("span", { class: `summary-chip kind-chip kind-${kind}` }, `${n.toLocaleString("en-GB")} ${word}`);
  }

  function sectionBlock(section: SectionPair, yb: string, ya: string): HTMLElement {
    const rows = section.paragraphs.map((p) => pairRow(p, yb, ya));
    const hasChanges = section.paragraphs.some((p) => p.kind !== "unchanged");
    const topic = section.topic ? (TOPIC_LABELS[section.topic] ?? capitalise(section.topic.replace(/_/g, " "))) : "Other text";
    const head = (heading: string | null, page: number | null, which: Side): HTMLElement => {
      const hasText = section.paragraphs.some((p) => p[which] !== null);
      const year = which === "before" ? yb : ya;
      return el(
        "div",
        { class: `section-head-side section-head-${which}` },
        heading
          ? el("span", { class: "section-heading-text" }, heading)
          : el("span", { class: "muted" }, hasText ? "Untitled part" : `No matching section in ${year}`),
        page !== null ? el("span", { class: "section-page" }, `p. ${page}`) : null,
      );
    };
    return el(
      "div",
      { class: `section-block${hasChanges ? "" : " no-changes"}`, "data-topic": section.topic ?? "" },
      el(
        "div",
        { class: "section-head" },
        el("span", { class: "topic-tag" }, topic),
        el("div", { class: "section-head-sides" }, head(section.before_heading, section.before_page, "before"), el("span", { class: "section-arrow", "aria-hidden": "true" }, "⇄"), head(section.after_heading, section.after_page, "after")),
      ),
      ...rows,
    );
  }

  function pairRow(p: ParagraphChange, yb: string, ya: string): HTMLElement {
    const isChange = p.kind !== "unchanged";
    const row = el("div", {
      class: `pair-row kind-${p.kind}${isChange ? " change" : " unchanged"}`,
      "data-kind": p.kind,
      "data-before": p.before ? String(p.before.index) : undefined,
      "data-after": p.after ? String(p.after.index) : undefined,
    });
    const word = KIND_WORDS[p.kind];
    let beforeLabel: string | null = null;
    let afterLabel: string | null = null;
    if (p.kind === "moved" || p.kind === "moved_changed") {
      beforeLabel = p.after ? `Moved to p. ${p.after.page}` : "Moved";
      afterLabel = p.before ? `Moved from p. ${p.before.page}` : "Moved";
    } else if (isChange) {
      beforeLabel = p.before ? word : null;
      afterLabel = p.after ? word : null;
    }

    const withHunks = (p.kind === "changed" || p.kind === "moved_changed") && p.hunks.length > 0;
    const beforeText: Child[] = p.before ? (withHunks ? hunkNodes(p.hunks, "delete") : [p.before.text]) : [];
    const afterText: Child[] = p.after ? (withHunks ? hunkNodes(p.hunks, "insert") : [p.after.text]) : [];

    row.append(
      p.before ? sideCell("before", p.before.page, beforeText, beforeLabel) : emptyCell("before", `Not in the ${yb} report`),
      p.after ? sideCell("after", p.after.page, afterText, afterLabel) : emptyCell("after", `Not in the ${ya} report`),
    );

    if (isChange) {
      const n = changeRows.length + 1;
      row.id = `change-${n}`;
      row.dataset.n = String(n);
      const pages = [p.before ? `p. ${p.before.page}` : null, p.after ? `p. ${p.after.page}` : null].filter(Boolean).join(" → ");
      row.dataset.pages = pages;
      row.dataset.excerpt = excerpt((p.after ?? p.before)?.text ?? "", 90);
      if (withHunks) row.title = `${percent(p.similarity)} of the words are the same`;
      row.addEventListener("click", (e) => {
        // Selecting text should not jump; a plain click marks this change as the current one.
        if (window.getSelection()?.toString()) return;
        if ((e.target as HTMLElement).closest("button, a")) return;
        setCurrent(changeRows.indexOf(row), false);
      });
      changeRows.push(row);
    }
    return row;
  }

  function sideCell(which: Side, page: number, text: Child[], label: string | null): HTMLElement {
    return el(
      "div",
      { class: `side side-${which}` },
      el("div", { class: "side-gutter" }, el("span", { class: "pg" }, `p. ${page}`), label ? el("span", { class: "kind-label" }, label) : null),
      el("div", { class: "side-text" }, ...text),
    );
  }

  function emptyCell(which: Side, text: string): HTMLElement {
    return el("div", { class: `side side-${which} side-empty` }, el("span", { class: "empty-note" }, text));
  }

  // ---- Stepping through changes ----

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
    announce(`Change ${index + 1} of ${changeRows.length}: ${KIND_WORDS[kind].toLowerCase()}, ${row.dataset.pages ?? ""}`);
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

  onLibraryChange(() => {
    refreshPickers();
    const gone = (beforeId !== null && !inspectionById(beforeId)) || (afterId !== null && !inspectionById(afterId));
    if (gone) {
      comparison = null;
      syncActions();
      beforeId = null;
      afterId = null;
    }
    if (!root.hidden) ensureSomething();
  });
  refreshPickers();

  return {
    root,
    show(route) {
      if (route.view !== "compare") return;
      if (route.a !== undefined && route.b !== undefined) {
        sides.hidden = false;
        void load(route.a, route.b, route.keepOrder ?? false);
      } else {
        ensureSomething();
      }
    },
    nextChange,
    previousChange,
    toggleChangesOnly,
    swap,
    hasComparison: () => comparison !== null,
    print,
    exportAs,
    settled: () => pending,
  };
}

/**
 * One side of a word diff: equal text plain, this side's own words marked (<del> before,
 * <ins> after). Words changed in a row are marked as one run, spaces included, so a changed
 * phrase reads as a phrase rather than as separate boxes.
 */
function hunkNodes(hunks: Hunk[], own: "delete" | "insert"): Child[] {
  const side = hunks.filter((h) => h.tag === "equal" || h.tag === own);
  const out: Child[] = [];
  let run = "";
  const flush = (): void => {
    if (run) out.push(el(own === "delete" ? "del" : "ins", {}, run));
    run = "";
  };
  side.forEach((h, i) => {
    if (h.tag === own) {
      run += h.text;
    } else if (run && /^\s+$/.test(h.text) && side[i + 1]?.tag === own) {
      run += h.text;
    } else {
      flush();
      out.push(h.text);
    }
  });
  flush();
  return out;
}

function optionLabel(i: InspectionSummary): string {
  const overall = overallOf(i);
  const grade = overall ? ` · ${gradeWord(overall.grade, overall.scale_rank, true)}` : "";
  return `${yearLabel(i.inspection_start)} · ${i.framework_label}${grade}`;
}

function rankFromWord(grade: string): number | null {
  const g = grade.toLowerCase();
  if (g.includes("outstanding")) return 1;
  if (g.includes("inadequate")) return 4;
  if (g.includes("good") && !g.includes("improvement")) return 2;
  if (g.includes("improvement") || g.includes("adequate")) return 3;
  return null;
}

function judgementSummaryText(c: Comparison): string {
  const overall = c.judgements.find((j) => j.domain === "overall");
  if (!overall) return plural(c.judgements.length, "judgement");
  const before = overall.before ? gradeWord(overall.before.grade, overall.before.scale_rank) : "not judged";
  const after = overall.after ? gradeWord(overall.after.grade, overall.after.scale_rank) : "not judged";
  return `overall effectiveness ${before} then ${after}, ${CHANGE_INFO[overall.change].word.toLowerCase()}`;
}

function countWord(change: keyof typeof CHANGE_INFO, n: number): string {
  switch (change) {
    case "added":
      return n === 1 ? "new judgement" : "new judgements";
    default:
      return CHANGE_INFO[change].word.toLowerCase();
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
