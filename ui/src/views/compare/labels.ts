// The words the comparison puts on judgement counts. Every other label (paragraph kinds,
// topics, changes, grades) is worded once in the engine and read from bindings/vocabulary.ts.
import type { Change } from "../../bindings/Change";
import { CHANGES } from "../../bindings/vocabulary";

/** "2 improved", "1 new judgement", "3 new judgements". */
export function countWord(change: Change, n: number): string {
  switch (change) {
    case "added":
      return n === 1 ? CHANGES.added.label : `${CHANGES.added.label}s`;
    default:
      return CHANGES[change].label;
  }
}

/** Changes in the order the engine lists them. */
export const CHANGE_ORDER = Object.keys(CHANGES) as Change[];
