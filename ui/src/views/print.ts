// Printing a comparison: a one-page summary built from the engine's Summary (the same content
// as the PDF export), shown alone while the OS print dialog is open. Text only, as everywhere.
import { RECOMMENDATION_APPENDIX, RECOMMENDATION_LIST_TITLES } from "../bindings/vocabulary";
import type { Summary } from "../bindings/Summary";
import { el } from "../dom";

const sheet = el("section", { id: "print-summary", class: "print-summary", "aria-hidden": "true" });

export function mountPrintSheet(parent: HTMLElement): void {
  parent.append(sheet);
}

function build(s: Summary): void {
  const side = (label: string, x: Summary["before"]): HTMLElement =>
    el(
      "div",
      { class: "ps-side" },
      el("p", { class: "ps-label" }, `${label} · ${x.year}`),
      el("p", { class: "ps-framework" }, x.framework),
      el("p", {}, x.dates),
      el("p", {}, `Lead inspector: ${x.lead_inspector}`),
      el("p", { class: "ps-strong" }, `Overall effectiveness: ${x.overall_text}`),
    );
  const r = s.recommendations;
  const [again, notAgain, fresh] = RECOMMENDATION_LIST_TITLES;
  const lists: [string, string[], number][] = [
    [again, r.recurring, r.more[0]],
    [notAgain, r.resolved, r.more[1]],
    [fresh, r.new, r.more[2]],
  ];
  sheet.replaceChildren(
    el("p", { class: "ps-kicker" }, "OFSTED INSPECTIONS COMPARED"),
    el("h1", {}, s.authority),
    el("p", { class: "ps-sub" }, `What changed between the ${s.before.year} and ${s.after.year} inspections`),
    el("div", { class: "ps-sides" }, side("BEFORE", s.before), side("AFTER", s.after)),
    el("p", { class: "ps-headline" }, s.headline),
    ...s.warnings.map((w) => el("p", { class: "ps-note" }, `Note: ${w}`)),
    el("h2", {}, "Judgements"),
    el(
      "table",
      {},
      el(
        "thead",
        {},
        el("tr", {}, el("th", {}, "Judgement"), el("th", {}, `Before (${s.before.year})`), el("th", {}, `After (${s.after.year})`), el("th", {}, "Change")),
      ),
      el(
        "tbody",
        {},
        ...s.judgements.map((j) =>
          el(
            "tr",
            {},
            el("th", { scope: "row" }, j.judgement),
            el("td", {}, j.before),
            el("td", {}, j.after),
            el("td", { class: j.changed ? "ps-strong" : "" }, `${j.symbol} ${j.change}`),
          ),
        ),
      ),
    ),
    el("h2", {}, "Recommendations"),
    ...lists.flatMap(([title, items, more]) => [
      el("h3", {}, `${title} (${items.length + more})`),
      items.length === 0
        ? el("p", { class: "ps-note" }, "None.")
        : el(
            "ul",
            {},
            ...items.map((item) => el("li", {}, item)),
            more > 0 ? el("li", { class: "ps-note" }, `… and ${more} ${RECOMMENDATION_APPENDIX.more}`) : null,
          ),
    ]),
    el("h2", {}, "The most significant text changes"),
    el("p", { class: "ps-note" }, s.text_stats),
    ...s.text_changes.map((c) =>
      el(
        "div",
        { class: "ps-change" },
        el("p", { class: "ps-strong" }, `${c.section} · ${c.kind} · ${c.pages}`),
        c.before ? el("p", { class: "ps-before" }, `${s.before.year}: ${c.before}`) : null,
        c.after ? el("p", {}, `${s.after.year}: ${c.after}`) : null,
      ),
    ),
    ...(r.more.some((n) => n > 0)
      ? [
          el(
          "div",
          { class: "ps-appendix" },
          el("h2", {}, RECOMMENDATION_APPENDIX.title),
          ...lists.flatMap(([title], i) => {
            const all = r.complete[i] ?? [];
            return [el("h3", {}, `${title} (${all.length})`), all.length === 0 ? el("p", { class: "ps-note" }, "None.") : el("ol", {}, ...all.map((item) => el("li", {}, item)))];
          }),
          ),
        ]
      : []),
    el(
      "footer",
      {},
      ...s.sources.map((source) => el("p", {}, source)),
      el("p", {}, `Summary made ${s.made} with Inspection Compare. Ofsted reports are Crown copyright, reused under the Open Government Licence v3.0.`),
    ),
  );
}

/**
 * Shows the summary alone and opens the print dialog. While printing, the rest of the app is
 * hidden on screen too (the `printing` class), so what the dialog previews is the summary.
 */
export function printSummary(s: Summary): void {
  build(s);
  const root = document.documentElement;
  const done = (): void => root.classList.remove("printing");
  root.classList.add("printing");
  window.addEventListener("afterprint", done, { once: true });
  try {
    window.print();
  } finally {
    // Some engines return from print() before the dialog closes and never fire afterprint.
    window.setTimeout(done, 1000);
  }
}
