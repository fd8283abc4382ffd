// One inspection: what it judged, what it recommended, and its full text by section, with the
// page of every paragraph so people can find it in the printed report.
import * as api from "../api";
import type { Report } from "../bindings/Report";
import type { StoredInspection } from "../bindings/StoredInspection";
import { confirmDialog } from "../components/dialog";
import { gradeBadge } from "../components/grade";
import { icon } from "../components/icons";
import { backButton } from "../components/page-head";
import { toast } from "../components/status";
import { button, el, fill, flash, scrollToNode, type Child } from "../dom";
import { formatDate, formatRange, judgementLabel, plural } from "../format";
import { canGoBack, navigate, type Route, type View } from "../router";
import { forgetInspection, inspectionName, loadInspection, previousOf, refreshLibrary, selectAuthority } from "../state";

export function createReportView(scroller: HTMLElement): View {
  const root = el("section", { class: "view view-report", "aria-label": "Report" });
  let shownId: number | null = null;
  let token = 0;

  async function open(route: Extract<Route, { view: "report" }>): Promise<void> {
    const mine = ++token;
    if (shownId !== route.id) {
      fill(root, el("div", { class: "loading-block" }, el("span", { class: "spinner", "aria-hidden": "true" }), "Opening the report…"));
      let stored: StoredInspection;
      try {
        stored = await loadInspection(route.id);
      } catch (e) {
        if (mine !== token) return;
        shownId = null;
        fill(root, el("div", { class: "empty-state error-state" }, el("h2", {}, "This report could not be opened"), el("p", {}, api.errorMessage(e)), backButton()));
        return;
      }
      if (mine !== token) return;
      selectAuthority(stored.summary.local_authority);
      render(stored, route.highlight ?? []);
      shownId = route.id;
      if (route.paragraph === undefined) scroller.scrollTop = 0;
    } else if (route.highlight?.length && route.paragraph !== undefined) {
      markTerms(route.paragraph, route.highlight);
    }
    if (route.paragraph !== undefined) goToParagraph(route.paragraph);
  }

  function goToParagraph(index: number): void {
    const node = root.querySelector(`#para-${index}`);
    if (!node) {
      toast("That paragraph is not in this report.", "info");
      return;
    }
    root.querySelectorAll(".para.target").forEach((n) => n.classList.remove("target"));
    node.classList.add("target");
    // Wait a frame so a view that was just shown has its layout.
    requestAnimationFrame(() => {
      scrollToNode(node);
      flash(node);
      (node as HTMLElement).focus({ preventScroll: true });
    });
  }

  function markTerms(index: number, terms: string[]): void {
    const node = root.querySelector<HTMLElement>(`#para-${index} .para-text`);
    if (!node) return;
    fill(node, ...highlightTerms(node.textContent ?? "", terms));
  }

  function render(stored: StoredInspection, highlight: string[]): void {
    const { summary, report } = stored;
    const previous = previousOf(summary);
    const name = inspectionName(summary);

    const head = el(
      "header",
      { class: "page-head report-head" },
      canGoBack() ? backButton() : null,
      el("p", { class: "eyebrow" }, summary.framework_label),
      el("h1", { id: "report-title" }, summary.local_authority),
      el("p", { class: "report-doc-title" }, report.title),
      el(
        "dl",
        { class: "meta-grid" },
        meta("Inspection dates", formatRange(summary.inspection_start, summary.inspection_end)),
        meta("Published", summary.published ? formatDate(summary.published) : report.published_in_report ? formatDate(report.published_in_report) : "Not stated"),
        meta("Lead inspector", summary.lead_inspector ?? "Not found"),
        meta("File", summary.file_name),
        meta("Length", `${plural(report.page_count, "page")}, ${plural(report.paragraphs.length, "paragraph")}`),
      ),
      el(
        "div",
        { class: "head-actions" },
        previous
          ? button([icon("compare"), `Compare with ${inspectionName(previous)}`], () => navigate({ view: "compare", a: previous.id, b: summary.id }), { class: "btn" })
          : null,
        button([icon("trash"), "Remove from library"], () => void remove(summary.id, name), { class: "btn btn-secondary btn-quiet" }),
      ),
    );

    const warnings = report.warnings.length
      ? el("div", { class: "notice notice-warning", role: "note" }, icon("warning"), el("div", {}, el("strong", {}, "About this reading of the report"), el("ul", {}, ...report.warnings.map((w) => el("li", {}, w)))))
      : null;

    const toc = el(
      "nav",
      { class: "toc", "aria-label": "Contents of this report" },
      el("h2", { class: "toc-title" }, "Contents"),
      el(
        "ol",
        {},
        tocItem("Judgements", "report-judgements"),
        tocItem("Recommendations", "report-recommendations"),
        tocItem("Full text", "report-text"),
        ...sectionTargets(report).map(({ heading, index, page }) =>
          el("li", { class: "toc-section" }, button([el("span", { class: "toc-label" }, heading), el("span", { class: "toc-page" }, `p. ${page}`)], () => goToParagraph(index), { class: "toc-link" })),
        ),
      ),
    );

    const body = el(
      "article",
      { class: "report-body", "aria-labelledby": "report-title" },
      judgementSection(report, goToParagraph),
      recommendationSection(report),
      textSection(report, highlight),
    );

    fill(root, head, summary.authority_known ? null : authorityChooser(summary.id, summary.local_authority_as_printed), warnings, el("div", { class: "report-layout" }, toc, body));
  }

  /**
   * For a report whose authority the reader could not tell: never a made-up authority, so
   * people are asked which of the list it is. The choice is kept for the document.
   */
  function authorityChooser(id: number, printed: string): HTMLElement {
    const select = el("select", { id: "choose-authority", class: "picker" }, el("option", { value: "" }, "Loading the authorities…"));
    const save = button("File under this authority", () => void choose(), { class: "btn", id: "choose-authority-save", disabled: true });
    void api
      .listAuthorities(true)
      .then((all) => {
        fill(select, el("option", { value: "" }, "Choose an authority"), ...all.map((a) => el("option", { value: a.name }, `${a.name} (${a.region})`)));
        save.disabled = false;
      })
      .catch((e) => toast(api.errorMessage(e), "error"));

    async function choose(): Promise<void> {
      if (!select.value) {
        toast("Choose an authority from the list first.", "info");
        select.focus();
        return;
      }
      try {
        const name = await api.chooseAuthority(id, select.value);
        forgetInspection(id);
        shownId = null;
        await refreshLibrary();
        toast(`Filed under ${name}. Inspection Compare will remember this for this report.`, "success");
        void open({ view: "report", id });
      } catch (e) {
        toast(api.errorMessage(e), "error");
      }
    }

    return el(
      "div",
      { class: "notice notice-warning authority-chooser", role: "group", "aria-labelledby": "choose-authority-title" },
      icon("warning"),
      el(
        "div",
        {},
        el("strong", { id: "choose-authority-title" }, "Which authority is this report about?"),
        el("p", {}, `The report names “${printed || "no authority"}”, which is not on the list of English local authorities. Choose it, so the report lines up with the authority’s other inspections.`),
        el("div", { class: "chooser-row" }, el("label", { for: "choose-authority", class: "visually-hidden" }, "Authority"), select, save),
      ),
    );
  }

  function tocItem(label: string, target: string): HTMLElement {
    return el("li", {}, button(label, () => {
      const node = root.querySelector(`#${target}`);
      if (node) scrollToNode(node, "start");
    }, { class: "toc-link toc-main" }));
  }

  async function remove(id: number, name: string): Promise<void> {
    const ok = await confirmDialog({
      title: `Remove ${name}?`,
      body: [
        el("p", {}, "The inspection and its stored copy leave your library. The report file on your disk is not touched; you can add it again at any time."),
        el("p", {}, "Statuses and notes recorded for its items in the recommendation tracker are kept: they come back when you add the report again."),
      ],
      confirm: "Remove",
      danger: true,
    });
    if (!ok) return;
    try {
      await api.removeInspection(id);
      forgetInspection(id);
      shownId = null;
      await refreshLibrary();
      toast(`${name} was removed from your library.`, "success");
      navigate({ view: "library" }, { remember: false });
    } catch (e) {
      toast(api.errorMessage(e), "error");
    }
  }

  return {
    root,
    show: (route) => {
      if (route.view === "report") void open(route);
    },
  };
}

function meta(label: string, value: string): HTMLElement {
  return el("div", {}, el("dt", {}, label), el("dd", {}, value));
}

function judgementSection(report: Report, goTo: (paragraph: number) => void): HTMLElement {
  const heading = el("h2", { class: "section-title" }, "Judgements");
  if (report.judgements.length === 0) {
    return el("section", { id: "report-judgements", class: "report-section" }, heading, el("p", { class: "muted" }, "This report gives no graded judgements."));
  }
  return el(
    "section",
    { id: "report-judgements", class: "report-section" },
    heading,
    el(
      "table",
      { class: "data-table report-judgements" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Judgement"), el("th", { scope: "col" }, "Grade"), el("th", { scope: "col", class: "col-where" }, "Stated on"))),
      el(
        "tbody",
        {},
        ...report.judgements.map((j) => {
          const label = judgementLabel(j.key);
          const evidence = j.evidence;
          return el(
            "tr",
            { "data-key": j.key },
            el(
              "th",
              { scope: "row" },
              el("span", { class: "judgement-label" }, label),
              j.area.toLowerCase() !== label.toLowerCase() ? el("span", { class: "judgement-area" }, j.area) : null,
            ),
            el("td", {}, gradeBadge(j.grade, j.standard)),
            el(
              "td",
              { class: "col-where" },
              evidence
                ? button(`Page ${evidence.page}`, () => goTo(evidence.paragraph), { class: "link-button", title: "Show the paragraph that states this grade" })
                : el("span", { class: "muted" }, "—"),
            ),
          );
        }),
      ),
    ),
  );
}

function recommendationSection(report: Report): HTMLElement {
  const list = (items: string[]): HTMLElement =>
    items.length ? el("ol", { class: "rec-list" }, ...items.map((r) => el("li", {}, r))) : el("p", { class: "muted" }, "None found in this report.");
  return el(
    "section",
    { id: "report-recommendations", class: "report-section" },
    el("h2", { class: "section-title" }, "Recommendations"),
    list(report.recommendations),
    report.lscb_recommendations.length ? el("h3", { class: "subsection-title" }, "Recommendations for the Local Safeguarding Children Board") : null,
    report.lscb_recommendations.length ? list(report.lscb_recommendations) : null,
  );
}

interface SectionTarget {
  heading: string;
  index: number;
  page: number;
}

/**
 * Where each section starts. Headings are paragraphs of their own in the text, just before the
 * section's first paragraph; a section with no heading paragraph starts at its first paragraph.
 */
function sectionTargets(report: Report): SectionTarget[] {
  const out: SectionTarget[] = [];
  for (const section of report.sections) {
    const first = section.paragraphs[0];
    if (first === undefined) continue;
    const before = report.paragraphs[first - 1];
    const index = before && normal(before.text) === normal(section.heading) ? first - 1 : first;
    out.push({ heading: section.heading, index, page: report.paragraphs[index]?.page ?? section.page });
  }
  return out;
}

function normal(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

function textSection(report: Report, highlight: string[]): HTMLElement {
  // Paragraphs that are section headings are shown as headings.
  const headings = new Set<string>(report.sections.map((s) => normal(s.heading)));
  const covered = new Set<number>(report.sections.flatMap((s) => s.paragraphs));
  const nodes: HTMLElement[] = [];
  let lastPage = -1;
  report.paragraphs.forEach((p, index) => {
    const isHeading = !covered.has(index) && headings.has(normal(p.text));
    const newPage = p.page !== lastPage;
    lastPage = p.page;
    const page = el("span", { class: newPage ? "para-page" : "para-page same-page" }, `p. ${p.page}`);
    const text = el("span", { class: "para-text" }, ...(highlight.length ? highlightTerms(p.text, highlight) : [p.text]));
    nodes.push(
      el(isHeading ? "h3" : "p", { id: `para-${index}`, class: isHeading ? "para para-heading" : "para", tabindex: "-1", "data-page": String(p.page) }, page, text),
    );
  });
  return el(
    "section",
    { id: "report-text", class: "report-section report-text" },
    el("h2", { class: "section-title" }, "Full text"),
    el("p", { class: "muted section-note" }, "Page numbers in the margin are those of the original report."),
    ...nodes,
  );
}

/** Splits text so the searched words are wrapped in <mark> (as text nodes, never markup). */
export function highlightTerms(text: string, terms: string[]): Child[] {
  const clean = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1))];
  if (clean.length === 0) return [text];
  const pattern = new RegExp(`(${clean.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+")).join("|")})`, "gi");
  const parts: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(el("mark", {}, match[0]));
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

