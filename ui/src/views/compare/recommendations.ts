// The recommendations: made in both reports, made before and not repeated, and new.
import type { Comparison } from "../../bindings/Comparison";
import { el } from "../../dom";
import { percent, yearLabel } from "../../format";

export function recommendationSection(c: Comparison): HTMLElement {
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
      el("p", { class: "section-sub" }, `${r.recurring.length} recurring · ${r.resolved.length} not raised again · ${r.new.length} new`),
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
        "Not raised again",
        `In the ${yb} report, not raised again in ${ya}`,
        r.resolved.length,
        r.resolved.length
          ? el(
              "ol",
              { class: "rec-list" },
              ...r.resolved.map((item) =>
                el(
                  "li",
                  { class: "rec-item" },
                  el("p", {}, item.text),
                  tags(item.themes),
                  // Only what the later report shows: where it speaks to the item (quoted, as
                  // the engine's suggestion), or that no paragraph was found.
                  item.discussed.length
                    ? el(
                        "div",
                        { class: "rec-discussed" },
                        el("p", { class: "rec-discussed-label" }, `Discussed in ${ya} (suggested: read the paragraph)`),
                        ...item.discussed.map((d) => el("blockquote", { class: "rec-quote" }, `“${d.quote}” `, el("span", { class: "rec-page" }, `p. ${d.page}`))),
                      )
                    : el("p", { class: "rec-not-found" }, `No paragraph of the ${ya} report found that speaks to it`),
                ),
              ),
            )
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
