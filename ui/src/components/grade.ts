// Grade badges and change tags. Each carries the word as well as a colour, so it reads in black
// and white and for people who do not see the colours.
import type { Change } from "../bindings/Change";
import { el } from "../dom";

/**
 * The grade in standard wording. Reports print grades in many cases and spellings ("require
 * improvement to be Good", "Not Judged"); the rank says which grade it is, and the printed
 * text keeps the 2012–13 "Adequate" distinct from the later "Requires improvement".
 */
export function gradeWord(grade: string, rank: number | null, short = false): string {
  const printed = grade.trim().toLowerCase();
  switch (rank) {
    case 1:
      return "Outstanding";
    case 2:
      return "Good";
    case 3:
      if (/^adequate/.test(printed)) return "Adequate";
      return !short && /to be good/.test(printed) ? "Requires improvement to be good" : "Requires improvement";
    case 4:
      return "Inadequate";
    default:
      return "Not judged";
  }
}

export interface BadgeOptions {
  /** "Requires improvement" instead of "... to be good", for tight spaces. */
  short?: boolean;
  size?: "small" | "normal" | "large";
}

export function gradeBadge(grade: string, rank: number | null, options: BadgeOptions = {}): HTMLElement {
  const word = gradeWord(grade, rank, options.short ?? false);
  const cls = ["grade", rank === null ? "grade-none" : `grade-${rank}`];
  if (options.size && options.size !== "normal") cls.push(`grade-${options.size}`);
  const asPrinted = grade.trim();
  const title = asPrinted && asPrinted.toLowerCase() !== word.toLowerCase() ? `As printed: “${asPrinted}”` : undefined;
  return el("span", { class: cls.join(" "), title }, word);
}

interface ChangeInfo {
  symbol: string;
  word: string;
}

export const CHANGE_INFO: Record<Change, ChangeInfo> = {
  improved: { symbol: "▲", word: "Improved" },
  declined: { symbol: "▼", word: "Declined" },
  unchanged: { symbol: "=", word: "Unchanged" },
  added: { symbol: "+", word: "New judgement" },
  removed: { symbol: "−", word: "No longer judged" },
  not_comparable: { symbol: "?", word: "Not comparable" },
};

export function changeTag(change: Change): HTMLElement {
  const info = CHANGE_INFO[change];
  return el(
    "span",
    { class: `change-tag change-${change}` },
    el("span", { class: "change-symbol", "aria-hidden": "true" }, info.symbol),
    el("span", { class: "change-word" }, info.word),
  );
}
