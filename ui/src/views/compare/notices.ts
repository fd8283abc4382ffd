// "Read with care": the comparison's warnings, and a way back to date order when the "before"
// inspection is the later one.
import type { Comparison } from "../../bindings/Comparison";
import { icon } from "../../components/icons";
import { button, el, fill, type Child } from "../../dom";
import { byDate, inspectionById } from "../../state";

export interface CompareNotices {
  root: HTMLElement;
  /** Shows the notes on the comparison shown, or none when there is no comparison. */
  update(c: Comparison | null, beforeId: number | null, afterId: number | null): void;
}

export function createNotices(handlers: { reorder(a: number, b: number): void }): CompareNotices {
  const root = el("div", { class: "compare-notices" });

  return {
    root,
    update(c, beforeId, afterId) {
      if (c === null) {
        fill(root);
        return;
      }
      const notes: Child[] = c.warnings.map((w) => el("li", {}, w));
      const ib = beforeId !== null ? inspectionById(beforeId) : undefined;
      const ia = afterId !== null ? inspectionById(afterId) : undefined;
      if (ib && ia && byDate(ib, ia) > 0) {
        notes.push(
          el(
            "li",
            {},
            "The “before” inspection is the later one, so changes read backwards in time. ",
            button("Put them in date order", () => handlers.reorder(ia.id, ib.id), { class: "link-button" }),
          ),
        );
      }
      fill(
        root,
        notes.length
          ? el("div", { class: "notice notice-info", role: "note" }, icon("warning"), el("div", {}, el("strong", {}, "Read with care"), el("ul", {}, ...notes)))
          : null,
      );
    },
  };
}
