// The library: every authority, alphabetically, with its inspections on a timeline.
import type { InspectionSummary } from "../bindings/InspectionSummary";
import { gradeBadge } from "../components/grade";
import { icon } from "../components/icons";
import { button, el, fill } from "../dom";
import { FRAMEWORKS } from "../bindings/vocabulary";
import { formatRange, isGraded, judgementLabel, MOD, noOverallReason, plural, yearLabel, yearOf } from "../format";
import { navigate, type View } from "../router";
import {
  authorityNames,
  authorityRow,
  byDate,
  inspectionName,
  inspectionsOf,
  latestTwo,
  library,
  libraryChecked,
  onLibraryCheck,
  onLibraryChange,
  overallOf,
  previousOf,
  selectAuthority,
} from "../state";

/** Above this many inspections the Library draws an authority only when it comes near the
 *  screen: a national library holds thousands of cards, and building them all made every
 *  start and every keystroke in the filter cost more as the library grew. */
const DRAW_ALL_UP_TO = 250;
/** Authorities drawn at once in a large library: a screenful, so the first paint shows cards
 *  rather than waiting a frame for the observer. */
const DRAW_FIRST = 2;

/** How each authority not drawn yet is drawn. */
const pending = new WeakMap<Element, () => void>();
/** How each drawn authority goes back to a placeholder once far from the screen. */
const drawn = new WeakMap<Element, () => void>();
/** Each authority's height when last drawn, so its placeholder keeps it (the scroll position
 *  stays on the same authority when people come back). */
const heights = new Map<string, number>();
let near: IntersectionObserver | null = null;
let far: IntersectionObserver | null = null;

/** Draws authorities as they near the visible part of the scrolling main area, and takes
 *  those far from it back to placeholders, so the page holds a few screens of cards however
 *  large the library (a national library drawn whole held 3,000 cards and 490 MB). */
function watchers(scroller: Element | null): { near: IntersectionObserver; far: IntersectionObserver } {
  near ??= runOnce(pending, scroller, "300px 0px", (entry) => entry.isIntersecting);
  far ??= runOnce(drawn, scroller, "2500px 0px", (entry) => {
    // Keyboard focus stays where people put it; a hidden view (no size) keeps what it drew.
    const hidden = !entry.rootBounds || (entry.target as HTMLElement).offsetHeight === 0;
    return !entry.isIntersecting && !hidden && !entry.target.contains(document.activeElement);
  });
  return { near, far };
}

/** Watches elements and, once `due` says so for one, runs what `registry` holds for it and
 *  stops watching it. */
function runOnce(registry: WeakMap<Element, () => void>, scroller: Element | null, rootMargin: string, due: (entry: IntersectionObserverEntry) => boolean): IntersectionObserver {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!due(entry)) continue;
        const run = registry.get(entry.target);
        registry.delete(entry.target);
        observer.unobserve(entry.target);
        run?.();
      }
    },
    { root: scroller, rootMargin },
  );
  return observer;
}

export function createLibraryView(): View {
  const filterInput = el("input", {
    type: "search",
    id: "library-filter",
    placeholder: "Type a name",
    autocomplete: "off",
    spellcheck: "false",
  });
  const frameworkSelect = el("select", { id: "library-framework" });
  const regionSelect = el("select", { id: "library-region" });
  const clearButton = button("Clear filters", () => clearFilters(), { class: "link-button", hidden: true });
  const count = el("p", { class: "toolbar-count", "aria-live": "polite" });
  const content = el("div", { class: "library-content" });
  const subtitle = el("p", { class: "page-sub" });

  const toolbar = el(
    "div",
    { class: "toolbar library-toolbar", role: "search", "aria-label": "Filter the library" },
    el("div", { class: "field" }, el("label", { for: "library-filter" }, "Authority"), filterInput),
    el("div", { class: "field" }, el("label", { for: "library-framework" }, "Framework"), frameworkSelect),
    el("div", { class: "field" }, el("label", { for: "library-region" }, "Region"), regionSelect),
    el("div", { class: "toolbar-end" }, clearButton, count),
  );

  const root = el(
    "section",
    { class: "view view-library", "aria-labelledby": "library-title" },
    el("header", { class: "page-head" }, el("div", {}, el("h1", { id: "library-title" }, "Library"), subtitle)),
    toolbar,
    content,
  );

  filterInput.addEventListener("input", () => render());
  frameworkSelect.addEventListener("change", () => render());
  regionSelect.addEventListener("change", () => render());
  filterInput.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && filterInput.value) {
      filterInput.value = "";
      render();
      e.stopPropagation();
    }
  });

  function clearFilters(): void {
    filterInput.value = "";
    frameworkSelect.value = "";
    regionSelect.value = "";
    render();
    filterInput.focus();
  }

  /** Keeps the options to what the library holds, and the current choice when it still exists. */
  function refreshOptions(): void {
    const frameworks = new Map<string, string>();
    const regions = new Set<string>();
    for (const i of library.inspections) {
      frameworks.set(i.framework, i.framework_label);
      regions.add(i.region ?? "Region not known");
    }
    const keepFramework = frameworkSelect.value;
    const keepRegion = regionSelect.value;
    const order = Object.keys(FRAMEWORKS);
    fill(
      frameworkSelect,
      el("option", { value: "" }, "All frameworks"),
      ...[...frameworks]
        .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
        .map(([id, label]) => el("option", { value: id }, label)),
    );
    fill(
      regionSelect,
      el("option", { value: "" }, "All regions"),
      ...[...regions].sort((a, b) => a.localeCompare(b, "en-GB")).map((r) => el("option", { value: r }, r)),
    );
    frameworkSelect.value = frameworks.has(keepFramework) ? keepFramework : "";
    regionSelect.value = regions.has(keepRegion) ? keepRegion : "";
  }

  function render(): void {
    const total = library.inspections.length;
    const authorityCount = authorityNames().length;
    subtitle.textContent = total
      ? `${plural(total, "inspection")} of ${plural(authorityCount, "local authority", "local authorities")}`
      : "Ofsted inspections of local authority children’s services";
    showCheck();

    if (!library.loaded) {
      toolbar.hidden = true;
      fill(content, el("div", { class: "loading-block" }, el("span", { class: "spinner", "aria-hidden": "true" }), "Loading your library…"));
      return;
    }
    if (library.error) {
      toolbar.hidden = true;
      fill(content, el("div", { class: "empty-state error-state" }, el("h2", {}, "The library could not be read"), el("p", {}, library.error)));
      return;
    }
    if (total === 0) {
      toolbar.hidden = true;
      fill(content, emptyLibrary());
      return;
    }
    toolbar.hidden = false;

    const text = filterInput.value.trim().toLowerCase();
    const framework = frameworkSelect.value;
    const region = regionSelect.value;
    const filtering = Boolean(text || framework || region);
    clearButton.hidden = !filtering;

    const groups = new Map<string, HTMLElement[]>();
    const lazy = total > DRAW_ALL_UP_TO;
    near?.disconnect();
    far?.disconnect();
    let shownAuthorities = 0;
    let shownInspections = 0;
    for (const name of authorityNames()) {
      if (text && !name.toLowerCase().includes(text)) continue;
      const all = inspectionsOf(name);
      const authorityRegion = all[0]?.region ?? authorityRow(name)?.region ?? "Region not known";
      if (region && authorityRegion !== region) continue;
      const shown = framework ? all.filter((i) => i.framework === framework) : all;
      if (shown.length === 0) continue;
      shownAuthorities += 1;
      shownInspections += shown.length;
      const letter = name.charAt(0).toUpperCase();
      const draw = (): HTMLElement => authorityBlock(name, authorityRegion, all, shown, (i) => !framework || i.framework === framework);
      const block = !lazy ? draw() : shownAuthorities > DRAW_FIRST ? pendingBlock(name, authorityRegion, draw) : drawnBlock(name, authorityRegion, draw);
      const list = groups.get(letter);
      if (list) list.push(block);
      else groups.set(letter, [block]);
    }

    count.textContent = filtering
      ? `Showing ${plural(shownInspections, "inspection")} of ${plural(shownAuthorities, "authority", "authorities")}`
      : "";

    if (shownAuthorities === 0) {
      fill(
        content,
        el(
          "div",
          { class: "empty-state compact" },
          el("h2", {}, "No inspections match these filters"),
          el("p", {}, "Try a shorter name, or another framework or region."),
          button("Clear filters", () => clearFilters(), { class: "btn" }),
        ),
      );
      return;
    }

    fill(
      content,
      ...[...groups].map(([letter, blocks]) =>
        el(
          "section",
          { class: "letter-group", "aria-label": letter },
          // An index letter for the eye; the authorities below it are the headings (h2).
          el("div", { class: "letter-heading", "aria-hidden": "true" }, letter),
          el("div", { class: "letter-items" }, ...blocks),
        ),
      ),
    );
    if (lazy) {
      const watch = watchers(root.closest("main"));
      for (const node of content.querySelectorAll(".authority-pending")) watch.near.observe(node);
      for (const node of content.querySelectorAll(".authority-drawn")) watch.far.observe(node);
    }
    // Start-up's own timings (`--measure-startup`) say when the library was first drawn.
    if (performance.getEntriesByName("library-drawn").length === 0) performance.mark("library-drawn");
  }

  /** The whole check runs after start; what it found is said under the title, quietly. */
  function showCheck(): void {
    const words = libraryChecked();
    subtitle.querySelector(".library-check")?.remove();
    if (words) subtitle.append(el("span", { class: "library-check" }, ` · Library ${words}`));
  }

  onLibraryChange(() => {
    refreshOptions();
    render();
  });
  onLibraryCheck(showCheck);
  refreshOptions();
  render();

  return {
    root,
    // Drawn when the library changes, shown as it was left: the authorities near the scroll
    // position it comes back to are still drawn.
    show: () => undefined,
  };
}

/** An authority not drawn yet: its name (a heading, so it can be found and read) in a block
 *  the height of a drawn one, so the scroll bar stays true; drawn when it nears the screen. */
function pendingBlock(name: string, region: string, draw: () => HTMLElement): HTMLElement {
  const headingId = `authority-${slug(name)}`;
  const block = el(
    "article",
    { class: "authority authority-pending", "data-authority": name, "aria-labelledby": headingId, "aria-busy": "true" },
    el("header", { class: "authority-head" }, el("div", {}, el("h2", { id: headingId, class: "authority-name" }, name), el("p", { class: "authority-meta" }, region))),
  );
  const known = heights.get(name);
  // Set through the CSSOM (the CSP forbids style attributes): the height it had when drawn.
  if (known) block.style.minHeight = `${known}px`;
  pending.set(block, () => {
    const full = drawnBlock(name, region, draw);
    block.replaceWith(full);
    far?.observe(full);
  });
  return block;
}

/** An authority drawn in a large library, which goes back to a placeholder of its own height
 *  when it is far from the screen. */
function drawnBlock(name: string, region: string, draw: () => HTMLElement): HTMLElement {
  const full = draw();
  full.classList.add("authority-drawn");
  drawn.set(full, () => {
    heights.set(name, full.offsetHeight);
    const placeholder = pendingBlock(name, region, draw);
    full.replaceWith(placeholder);
    near?.observe(placeholder);
  });
  return full;
}

function authorityBlock(name: string, region: string, all: InspectionSummary[], shown: InspectionSummary[], kept: (i: InspectionSummary) => boolean): HTMLElement {
  const row = authorityRow(name);
  // A council that replaced others (Cumbria → Cumberland, Northamptonshire → North and West)
  // carries their history on its timeline, each marked as the predecessor's.
  const predecessors = library.authorities.filter((a) => a.successors.includes(name) && a.inspections > 0).map((a) => a.name);
  const timeline = [...shown.map((i) => ({ inspection: i, predecessor: null as string | null })), ...predecessors.flatMap((p) => inspectionsOf(p).filter(kept).map((i) => ({ inspection: i, predecessor: p })))].sort((x, y) => byDate(x.inspection, y.inspection));
  const lineage = [
    predecessors.length ? `Formed from ${listWords(predecessors)}` : null,
    row?.successors.length ? `Replaced by ${listWords(row.successors)}` : null,
  ];
  const letters = all.filter((i) => !isGraded(i.framework)).length;
  const counts = [plural(all.length - letters, "inspection"), letters ? plural(letters, "letter or joint report", "letters or joint reports") : null];
  const meta = [region, row?.la_type, ...counts, ...lineage, row ? null : "Not on the list of authorities: open a report to choose its authority"]
    .filter(Boolean)
    .join(" · ");
  const headingId = `authority-${slug(name)}`;
  const [beforeLast, last] = latestTwo(name) ?? [undefined, undefined];
  const compareLatest =
    last && beforeLast
      ? button([icon("compare"), "Compare latest two"], () => {
          selectAuthority(name);
          navigate({ view: "compare", a: beforeLast.id, b: last.id });
        }, {
          class: "btn btn-secondary compare-latest",
          title: `Compare ${yearLabel(beforeLast.inspection_start)} with ${yearLabel(last.inspection_start)}`,
        })
      : null;

  const tracker = button([icon("list"), "Recommendation tracker"], () => navigate({ view: "tracker", authority: name }), {
    class: "btn btn-secondary tracker-button",
    "aria-label": `Recommendation tracker: ${name}`,
  });
  // Only authorities of the list have statistical neighbours and a region.
  const neighbours = row
    ? button([icon("library"), "Neighbours"], () => navigate({ view: "group", kind: "neighbours", name }), {
        class: "btn btn-secondary neighbours-button",
        "aria-label": `Statistical neighbours: ${name}`,
        title: `${name} among its ten statistical neighbours, and its region`,
      })
    : null;
  return el(
    "article",
    { class: "authority", "data-authority": name, "aria-labelledby": headingId },
    el(
      "header",
      { class: "authority-head" },
      el("div", {}, el("h2", { id: headingId, class: "authority-name" }, name), el("p", { class: "authority-meta" }, meta)),
      el("div", { class: "authority-actions" }, neighbours, tracker, compareLatest),
    ),
    el("ol", { class: "timeline", "aria-label": `Inspections of ${name}, earliest first` }, ...timeline.map((t, n) => timelineItem(t.inspection, timeline[n + 1]?.inspection, t.predecessor))),
  );
}

function listWords(names: string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function timelineItem(inspection: InspectionSummary, next: InspectionSummary | undefined, predecessor: string | null = null): HTMLElement {
  // The time to the next inspection sits on the line that leads to it.
  const year = yearOf(inspection.inspection_start);
  const nextYear = next ? yearOf(next.inspection_start) : null;
  const gap = year !== null && nextYear !== null ? nextYear - year : null;
  // Letters and joint reports are marks of their own on the line (never a grade's colour).
  const kind = isGraded(inspection.framework) ? "" : " timeline-letter";
  return el(
    "li",
    { class: `timeline-item${kind}${predecessor ? " timeline-predecessor" : ""}` },
    el(
      "div",
      { class: "timeline-marker", "aria-hidden": "true" },
      el("span", { class: "timeline-year" }, yearLabel(inspection.inspection_start)),
      el("span", { class: "timeline-dot" }),
      gap !== null && gap > 0 ? el("span", { class: "timeline-gap" }, gap === 1 ? "1 year" : `${gap} years`) : gap === 0 ? el("span", { class: "timeline-gap" }, "same year") : null,
    ),
    predecessor ? el("div", { class: "predecessor-card" }, el("p", { class: "predecessor-note" }, `Predecessor: ${predecessor}`), inspectionCard(inspection)) : inspectionCard(inspection),
  );
}

function inspectionCard(i: InspectionSummary): HTMLElement {
  const overall = overallOf(i);
  const others = i.judgements.filter((j) => j !== overall);
  const previous = previousOf(i);
  const name = inspectionName(i);
  const graded = i.judgements.length > 0;

  return el(
    "article",
    { class: "inspection-card", "data-inspection-id": String(i.id), "aria-label": `${name}: ${i.framework_label}` },
    el("p", { class: "card-framework" }, i.framework_label),
    el("p", { class: "card-dates" }, formatRange(i.inspection_start, i.inspection_end, true)),
    overall
      ? el(
          "div",
          { class: "card-overall" },
          el("span", { class: "card-overall-label" }, judgementLabel(overall.key)),
          gradeBadge(overall.grade, overall.standard, { size: "large" }),
        )
      : el("p", { class: "card-ungraded" }, graded ? noOverallReason(i.framework) : isGraded(i.framework) ? "Ungraded: no judgements" : "A letter or joint report: no judgements"),
    // Priority actions call for an action plan: flagged in words and a mark, never a grade colour.
    i.priority_actions > 0
      ? el("p", { class: "card-priority" }, el("span", { class: "priority-mark", "aria-hidden": "true" }, "!"), `${plural(i.priority_actions, "area")} for priority action`)
      : null,
    others.length
      ? el(
          "ul",
          { class: "card-judgements" },
          ...others.map((j) =>
            el(
              "li",
              { title: j.area },
              el("span", { class: "card-judgement-label" }, judgementLabel(j.key)),
              gradeBadge(j.grade, j.standard, { short: true, size: "small" }),
            ),
          ),
        )
      : null,
    el(
      "div",
      { class: "card-actions" },
      button("Open", () => {
        selectAuthority(i.local_authority);
        navigate({ view: "report", id: i.id });
      }, { class: "btn btn-small", "aria-label": `Open the ${name} report` }),
      previous
        ? button("Compare with previous", () => {
            selectAuthority(i.local_authority);
            navigate({ view: "compare", a: previous.id, b: i.id });
          }, {
            class: "btn btn-small btn-secondary",
            title: `Compare with ${inspectionName(previous)}`,
            // The visible words begin the name a screen reader or voice control uses.
            "aria-label": `Compare with previous: ${name} with ${inspectionName(previous)}`,
          })
        : null,
    ),
  );
}

function emptyLibrary(): HTMLElement {
  return el(
    "div",
    { class: "empty-state" },
    el("div", { class: "empty-illustration", "aria-hidden": "true" }, icon("upload")),
    el("h2", {}, "Your library is empty"),
    el(
      "p",
      {},
      "Add Ofsted inspection reports of a local authority’s children’s services — PDFs, text files or saved web pages, from any framework since 2012. Reports of the same authority line up on a timeline, ready to compare.",
    ),
    el(
      "div",
      { class: "empty-hints" },
      el("div", { class: "hint-card" }, el("strong", {}, "Drop files or folders"), el("span", {}, "anywhere on this window")),
      el("div", { class: "hint-or", "aria-hidden": "true" }, "or"),
      el(
        "div",
        { class: "hint-card" },
        el("strong", {}, "Open reports…"),
        el("span", {}, "press ", el("kbd", {}, MOD), el("kbd", {}, "O"), el("br", {}), "or choose File → Open Reports…"),
      ),
    ),
    el("p", { class: "empty-foot" }, "Reports stay on this computer. Nothing is uploaded."),
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
