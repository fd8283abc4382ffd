// The page head: which authority (or authorities) and years are compared, with the actions.
import type { Comparison } from "../../bindings/Comparison";
import { el } from "../../dom";
import { yearLabel } from "../../format";

export interface CompareHeader {
  root: HTMLElement;
  /** Titles the page after the comparison shown, or plainly "Compare" when there is none. */
  update(c: Comparison | null): void;
}

export function createHeader(actions: HTMLElement): CompareHeader {
  const title = el("h1", { id: "compare-title" }, "Compare");
  const subtitle = el("p", { class: "page-sub" });
  const root = el("header", { class: "page-head compare-head" }, el("div", {}, el("p", { class: "eyebrow" }, "Comparison"), title, subtitle), actions);

  return {
    root,
    update(c) {
      if (c === null) {
        title.textContent = "Compare";
        subtitle.textContent = "";
        return;
      }
      const sameAuthority = c.before.local_authority === c.after.local_authority;
      title.textContent = sameAuthority ? c.before.local_authority : `${c.before.local_authority} and ${c.after.local_authority}`;
      const yb = yearLabel(c.before.inspection_start);
      const ya = yearLabel(c.after.inspection_start);
      subtitle.textContent = `What changed between the ${yb} and ${ya} inspections`;
    },
  };
}
