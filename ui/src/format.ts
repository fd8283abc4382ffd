// Words and dates for people. Dates arrive as ISO "YYYY-MM-DD" strings and are formatted by
// hand, so no time zone can shift a day.
import type { Framework } from "./bindings/Framework";
import type { JudgementKey } from "./bindings/JudgementKey";
import { FRAMEWORKS, JUDGEMENTS } from "./bindings/vocabulary";

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(iso: string | null | undefined): Ymd | null {
  if (!iso) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  const [, y, m, d] = match;
  return { y: Number(y), m: Number(m), d: Number(d) };
}

function monthName(m: number, short: boolean): string {
  const name = MONTHS[m - 1] ?? "";
  return short ? name.slice(0, 3) : name;
}

/** "28 January 2013" (or "28 Jan 2013" when short). */
export function formatDate(iso: string | null | undefined, short = false): string {
  const p = parse(iso);
  if (!p) return iso ?? "date unknown";
  return `${p.d} ${monthName(p.m, short)} ${p.y}`;
}

/** "15–19 October 2018", "28 January – 6 February 2013", or one date when the other is missing. */
export function formatRange(start: string | null | undefined, end: string | null | undefined, short = false): string {
  const a = parse(start);
  const b = parse(end);
  if (!a && !b) return "Dates not found";
  if (!a || !b) return formatDate(start ?? end, short);
  if (a.y === b.y && a.m === b.m && a.d === b.d) return formatDate(start, short);
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${monthName(b.m, short)} ${b.y}`;
  if (a.y === b.y) return `${a.d} ${monthName(a.m, short)} – ${b.d} ${monthName(b.m, short)} ${b.y}`;
  return `${formatDate(start, short)} – ${formatDate(end, short)}`;
}

export function yearOf(iso: string | null | undefined): number | null {
  return parse(iso)?.y ?? null;
}

export function yearLabel(iso: string | null | undefined): string {
  return String(yearOf(iso) ?? "Undated");
}

/** A framework's name for people (worded once, in the engine: bindings/vocabulary.ts). */
export function frameworkLabel(framework: Framework): string {
  return FRAMEWORKS[framework].label;
}

/** Letters and joint reports have no judgements and are kept off the judgement comparison. */
export function isGraded(framework: Framework): boolean {
  return FRAMEWORKS[framework].graded;
}

/** Why a graded inspection shows no overall effectiveness grade. */
export function noOverallReason(framework: Framework): string {
  return FRAMEWORKS[framework].no_overall;
}

/** Short names for judgement areas: the printed headings run to twenty words. */
export function judgementLabel(key: JudgementKey): string {
  return JUDGEMENTS[key];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** The file name of a path from any platform. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? path;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** The first words of a text, for lists. */
export function excerpt(text: string, max = 110): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The modifier key as people see it on their keyboard. */
export const MOD = isMac ? "⌘" : "Ctrl";
