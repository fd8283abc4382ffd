// Full-text search over every paragraph in the library.
import * as api from "../api";
import type { SearchHit } from "../bindings/SearchHit";
import { icon } from "../components/icons";
import { announce } from "../components/status";
import { button, el, fill } from "../dom";
import { FRAMEWORKS } from "../bindings/vocabulary";
import type { Framework } from "../bindings/Framework";
import { formatDate, frameworkLabel, MOD, plural, yearOf } from "../format";
import { navigate, type View } from "../router";
import { authorityNames, library, onLibraryChange, selectAuthority } from "../state";

const EXAMPLES = ["private fostering", "missing from home", "care leavers", "chronologies", "management oversight"];
// The command returns at most this many hits.
const LIMIT = 100;

export function createSearchView(): View & { focusInput(): void } {
  const input = el("input", {
    id: "search-input",
    type: "search",
    placeholder: "Search every report, e.g. private fostering",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": "search-help",
  });
  const authoritySelect = el("select", { id: "search-authority" });
  const frameworkSelect = el("select", { id: "search-framework" });
  const yearSelect = el("select", { id: "search-year" });
  const status = el("p", { class: "search-status", "aria-live": "polite" });
  const results = el("ol", { class: "search-results", "aria-label": "Search results" });
  const body = el("div", { class: "search-body" });

  const form = el(
    "form",
    { class: "search-form", role: "search" },
    el(
      "div",
      { class: "search-box" },
      el("label", { for: "search-input", class: "visually-hidden" }, "Search the library"),
      icon("search", "search-box-icon"),
      input,
      el("span", { class: "search-box-kbd", "aria-hidden": "true" }, el("kbd", {}, MOD), el("kbd", {}, "F")),
    ),
    el(
      "div",
      { class: "toolbar search-filters" },
      el("div", { class: "field" }, el("label", { for: "search-authority" }, "Authority"), authoritySelect),
      el("div", { class: "field" }, el("label", { for: "search-framework" }, "Framework"), frameworkSelect),
      el("div", { class: "field" }, el("label", { for: "search-year" }, "Year inspected"), yearSelect),
    ),
    el("p", { id: "search-help", class: "search-help" }, "All the words must appear in a paragraph. Put a phrase in quotes to find it exactly: “private fostering”."),
  );

  const root = el(
    "section",
    { class: "view view-search", "aria-labelledby": "search-title" },
    el("header", { class: "page-head" }, el("div", {}, el("h1", { id: "search-title" }, "Search"), el("p", { class: "page-sub" }, "Every paragraph of every report in your library"))),
    form,
    body,
  );

  let timer = 0;
  let token = 0;
  let lastKey = "";

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void run(true);
  });
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(false), 280);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      const first = results.querySelector<HTMLButtonElement>(".search-hit");
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === "Escape" && input.value) {
      e.stopPropagation();
      input.value = "";
      void run(true);
    }
  });
  for (const select of [authoritySelect, frameworkSelect, yearSelect]) select.addEventListener("change", () => void run(true));
  results.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const hits = [...results.querySelectorAll<HTMLButtonElement>(".search-hit")];
    const at = hits.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    const next = e.key === "ArrowDown" ? hits[at + 1] : hits[at - 1];
    if (next) next.focus();
    else if (e.key === "ArrowUp") input.focus();
  });

  function refreshOptions(): void {
    const keep = [authoritySelect.value, frameworkSelect.value, yearSelect.value] as const;
    fill(authoritySelect, el("option", { value: "" }, "All authorities"), ...authorityNames().map((n) => el("option", { value: n }, n)));
    const frameworks = new Set(library.inspections.map((i) => i.framework));
    fill(
      frameworkSelect,
      el("option", { value: "" }, "All frameworks"),
      ...(Object.keys(FRAMEWORKS) as Framework[])
        .filter((id) => frameworks.has(id))
        .map((id) => el("option", { value: id }, frameworkLabel(id))),
    );
    const years = [...new Set(library.inspections.map((i) => yearOf(i.inspection_start)).filter((y): y is number => y !== null))].sort((a, b) => b - a);
    fill(yearSelect, el("option", { value: "" }, "Any year"), ...years.map((y) => el("option", { value: String(y) }, String(y))));
    authoritySelect.value = keep[0];
    frameworkSelect.value = keep[1];
    yearSelect.value = keep[2];
    // A value that no longer exists leaves the select empty; fall back to "any".
    if (authoritySelect.selectedIndex < 0) authoritySelect.value = "";
    if (frameworkSelect.selectedIndex < 0) frameworkSelect.value = "";
    if (yearSelect.selectedIndex < 0) yearSelect.value = "";
  }

  async function run(force: boolean): Promise<void> {
    const query = input.value.trim();
    const filters: api.SearchFilters = {};
    if (authoritySelect.value) filters.authority = authoritySelect.value;
    if (frameworkSelect.value) filters.framework = frameworkSelect.value;
    if (yearSelect.value) filters.year = Number(yearSelect.value);
    const key = JSON.stringify([query, filters]);
    if (!force && key === lastKey) return;
    lastKey = key;
    const mine = ++token;
    if (query.length === 0) {
      showIntro();
      return;
    }
    root.classList.add("searching");
    status.textContent = "Searching…";
    try {
      const hits = await api.search(query, filters);
      if (mine !== token) return;
      showHits(query, hits);
    } catch (e) {
      if (mine !== token) return;
      fill(body, status, el("div", { class: "notice notice-error" }, api.errorMessage(e)));
      status.textContent = "";
    } finally {
      if (mine === token) root.classList.remove("searching");
    }
  }

  function showIntro(): void {
    status.textContent = "";
    const empty = library.loaded && library.inspections.length === 0;
    fill(
      body,
      el(
        "div",
        { class: "search-intro" },
        empty
          ? el("p", {}, "Your library is empty. Add reports first: drop them on this window or press ", el("kbd", {}, MOD), "+", el("kbd", {}, "O"), ".")
          : el("p", {}, "Try one of these:"),
        empty
          ? null
          : el(
              "div",
              { class: "chip-row" },
              ...EXAMPLES.map((example) =>
                button(example, () => {
                  input.value = `"${example}"`;
                  void run(true);
                  input.focus();
                }, { class: "chip" }),
              ),
            ),
      ),
    );
  }

  function showHits(query: string, hits: SearchHit[]): void {
    if (hits.length === 0) {
      status.textContent = `No paragraphs match ${quoted(query)}.`;
      fill(body, status, el("p", { class: "muted search-empty" }, "Check the spelling, use fewer words, or clear the filters."));
      return;
    }
    const reports = new Set(hits.map((h) => h.inspection_id)).size;
    status.textContent =
      hits.length >= LIMIT
        ? `The first ${LIMIT} paragraphs matching ${quoted(query)}, in ${plural(reports, "report")}. Narrow the search to see others.`
        : `${plural(hits.length, "paragraph")} in ${plural(reports, "report")} ${hits.length === 1 ? "matches" : "match"} ${quoted(query)}.`;
    announce(status.textContent);
    fill(results, ...hits.map((hit) => el("li", {}, hitButton(hit))));
    fill(body, status, results);
  }

  function hitButton(hit: SearchHit): HTMLElement {
    const terms = hit.snippet_parts.filter((p) => p.hit).map((p) => p.text);
    return button(
      [
        el(
          "span",
          { class: "hit-head" },
          el("strong", { class: "hit-authority" }, hit.local_authority),
          el("span", { class: "hit-meta" }, `${formatDate(hit.inspection_start, true)} · ${frameworkLabel(hit.framework)}`),
          el("span", { class: "hit-page" }, `Page ${hit.page}`),
        ),
        el("span", { class: "hit-snippet" }, ...hit.snippet_parts.map((part) => (part.hit ? el("mark", {}, part.text) : part.text))),
      ],
      () => {
        selectAuthority(hit.local_authority);
        navigate({ view: "report", id: hit.inspection_id, paragraph: hit.paragraph, highlight: terms });
      },
      { class: "search-hit", "data-inspection-id": String(hit.inspection_id), "data-paragraph": String(hit.paragraph) },
    );
  }

  onLibraryChange(() => {
    refreshOptions();
    // Results may point at removed reports, or miss new ones.
    if (input.value.trim()) void run(true);
    else showIntro();
  });
  refreshOptions();
  showIntro();

  return {
    root,
    show: (route) => {
      if (route.view === "search" && route.focus) focusInput();
    },
    focusInput,
  };

  function focusInput(): void {
    input.focus();
    input.select();
  }
}

/** The query as people typed it, in quotes unless it has its own. */
function quoted(query: string): string {
  return /["“”]/.test(query) ? query : `“${query}”`;
}
