// The texts side by side: a block per matched section, a row per paragraph pair, and within a
// changed paragraph the words each side has of its own. Change rows join the `ChangeRows` given.
import type { Hunk } from "../../bindings/Hunk";
import type { ParagraphChange } from "../../bindings/ParagraphChange";
import type { SectionPair } from "../../bindings/SectionPair";
import { el, type Child } from "../../dom";
import { excerpt, percent } from "../../format";
import { PARAGRAPH_KINDS, TOPICS } from "../../bindings/vocabulary";
import type { ChangeRows, Side } from "./types";

export function sectionBlock(section: SectionPair, yb: string, ya: string, changes: ChangeRows): HTMLElement {
  const rows = section.paragraphs.map((p) => pairRow(p, yb, ya, changes));
  const hasChanges = section.paragraphs.some((p) => p.kind !== "unchanged");
  const topic = section.topic ? TOPICS[section.topic] : "Other text";
  const head = (heading: string | null, page: number | null, which: Side): HTMLElement => {
    const hasText = section.paragraphs.some((p) => p[which] !== null);
    const year = which === "before" ? yb : ya;
    return el(
      "div",
      { class: `section-head-side section-head-${which}` },
      heading
        ? el("span", { class: "section-heading-text" }, heading)
        : // Only the first part of a report comes before any heading.
          el("span", { class: "muted" }, hasText ? "Start of the report" : `No matching section in ${year}`),
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

function pairRow(p: ParagraphChange, yb: string, ya: string, changes: ChangeRows): HTMLElement {
  const isChange = p.kind !== "unchanged";
  const row = el("div", {
    class: `pair-row kind-${p.kind}${isChange ? " change" : " unchanged"}`,
    "data-kind": p.kind,
    "data-before": p.before ? String(p.before.index) : undefined,
    "data-after": p.after ? String(p.after.index) : undefined,
  });
  const word = PARAGRAPH_KINDS[p.kind];
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
    const n = changes.rows.length + 1;
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
      changes.pick(row);
    });
    changes.rows.push(row);
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
    // Screen readers do not say <del>/<ins>: the words say which they are.
    if (run) out.push(el(own === "delete" ? "del" : "ins", {}, el("span", { class: "visually-hidden" }, own === "delete" ? "removed words: " : "added words: "), run, el("span", { class: "visually-hidden" }, " (end)")));
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
