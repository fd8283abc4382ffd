// Grade badges and change tags. Each carries the word as well as a colour, so it reads in black
// and white and for people who do not see the colours.
import type { Change } from "../bindings/Change";
import type { Grade } from "../bindings/Grade";
import { CHANGES, GRADES } from "../bindings/vocabulary";
import { el } from "../dom";

/** The grade in standard wording (worded in the engine: bindings/vocabulary.ts). */
export function gradeWord(grade: Grade, short = false): string {
  return short ? GRADES[grade].short : GRADES[grade].label;
}

export interface BadgeOptions {
  /** "Requires improvement" instead of "... to be good", for tight spaces. */
  short?: boolean;
  size?: "small" | "normal" | "large";
}

/** A grade's badge: `printed` is the grade as the report prints it, shown on hover when the
 * standard wording differs; the grade's rank (1–4) picks the colour. */
export function gradeBadge(printed: string, grade: Grade, options: BadgeOptions = {}): HTMLElement {
  const word = gradeWord(grade, options.short ?? false);
  const rank = GRADES[grade].rank;
  const cls = ["grade", rank === null ? "grade-none" : `grade-${rank}`];
  if (options.size && options.size !== "normal") cls.push(`grade-${options.size}`);
  const asPrinted = printed.trim();
  const title = asPrinted && asPrinted.toLowerCase() !== word.toLowerCase() ? `As printed: “${asPrinted}”` : undefined;
  return el("span", { class: cls.join(" "), title }, word);
}

/** A change's word with a capital, as a tag or heading shows it. */
export function changeWord(change: Change): string {
  const label = CHANGES[change].label;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function changeTag(change: Change): HTMLElement {
  return el(
    "span",
    { class: `change-tag change-${change}` },
    el("span", { class: "change-symbol", "aria-hidden": "true" }, CHANGES[change].symbol),
    el("span", { class: "change-word" }, changeWord(change)),
  );
}
