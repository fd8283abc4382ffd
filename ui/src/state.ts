// The library as the UI knows it, plus caches of reports and comparisons. Views subscribe to
// changes instead of fetching on their own, so an import refreshes every view at once.
import * as api from "./api";
import type { AuthorityRow } from "./bindings/AuthorityRow";
import type { Comparison } from "./bindings/Comparison";
import type { InspectionSummary } from "./bindings/InspectionSummary";
import type { StoredInspection } from "./bindings/StoredInspection";
import { isGraded } from "./format";

export interface LibraryState {
  inspections: InspectionSummary[];
  authorities: AuthorityRow[];
  loaded: boolean;
  error: string | null;
}

export const library: LibraryState = { inspections: [], authorities: [], loaded: false, error: null };

/** What the whole check of the library (run after start, off the start path) found, in words;
 *  null until it has run. */
let checked: string | null = null;
const checkListeners = new Set<(words: string) => void>();

export function libraryChecked(): string | null {
  return checked;
}

export function onLibraryCheck(listener: (words: string) => void): void {
  checkListeners.add(listener);
}

export function noteLibraryCheck(words: string): void {
  checked = words;
  for (const listener of checkListeners) listener(words);
}

let byId = new Map<number, InspectionSummary>();
let byAuthority = new Map<string, InspectionSummary[]>();
const listeners = new Set<() => void>();

/** The authority people last looked at: the Compare view starts from it. */
let selectedAuthority: string | null = null;

export function onLibraryChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sorts by inspection date; undated inspections go last, in import order. */
export function byDate(a: InspectionSummary, b: InspectionSummary): number {
  const da = a.inspection_start ?? a.published ?? "9999";
  const db = b.inspection_start ?? b.published ?? "9999";
  return da < db ? -1 : da > db ? 1 : a.id - b.id;
}

let inFlight: Promise<void> | null = null;
let queued: Promise<void> | null = null;

/**
 * Re-reads the library. A call made while a refresh is running gets a fresh one after it, so
 * an import that finished meanwhile is never missed; several such calls share that one.
 */
export function refreshLibrary(): Promise<void> {
  if (!inFlight) {
    inFlight = readLibrary().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }
  queued ??= inFlight.then(() => {
    queued = null;
    return refreshLibrary();
  });
  return queued;
}

async function readLibrary(): Promise<void> {
  try {
    const [inspections, authorities] = await Promise.all([api.listInspections(), api.listAuthorities()]);
    if (performance.getEntriesByName("library-received").length === 0) performance.mark("library-received");
    library.inspections = inspections;
    library.authorities = authorities;
    library.error = null;
    byId = new Map(inspections.map((i) => [i.id, i]));
    byAuthority = new Map();
    for (const i of [...inspections].sort(byDate)) {
      const list = byAuthority.get(i.local_authority);
      if (list) list.push(i);
      else byAuthority.set(i.local_authority, [i]);
    }
    // Removed inspections must not be served from the caches.
    for (const id of reports.keys()) if (!byId.has(id)) reports.delete(id);
    for (const key of comparisons.keys()) {
      const [a, b] = key.split(":").map(Number);
      if (a === undefined || b === undefined || !byId.has(a) || !byId.has(b)) comparisons.delete(key);
    }
  } catch (e) {
    library.error = api.errorMessage(e);
  }
  library.loaded = true;
  for (const listener of listeners) listener();
}

export function inspectionById(id: number): InspectionSummary | undefined {
  return byId.get(id);
}

/** An authority's inspections, earliest first. */
export function inspectionsOf(authority: string): InspectionSummary[] {
  return byAuthority.get(authority) ?? [];
}

export function authorityNames(): string[] {
  return [...byAuthority.keys()].sort((a, b) => a.localeCompare(b, "en-GB"));
}

export function authorityRow(name: string): AuthorityRow | undefined {
  return library.authorities.find((a) => a.name === name);
}

/** The graded inspection of the same authority just before this one: for an inspection, the
 *  one before it; for a letter or joint report, the inspection whose areas for improvement it
 *  follows up. */
export function previousOf(inspection: InspectionSummary): InspectionSummary | undefined {
  const all = inspectionsOf(inspection.local_authority);
  const at = all.findIndex((i) => i.id === inspection.id);
  return all
    .slice(0, Math.max(at, 0))
    .filter((i) => isGraded(i.framework))
    .pop();
}

/** The authority's latest two graded inspections (letters and joint reports have no judgements
 *  to compare). */
export function latestTwo(authority: string): [InspectionSummary, InspectionSummary] | null {
  const list = inspectionsOf(authority).filter((i) => isGraded(i.framework));
  const a = list[list.length - 2];
  const b = list[list.length - 1];
  return a && b ? [a, b] : null;
}

/** The inspections the Compare view shows (before, after), so other views can tell. */
let comparedPair: [number, number] | null = null;

export function setComparedPair(pair: [number, number] | null): void {
  comparedPair = pair;
}

export function getComparedPair(): [number, number] | null {
  return comparedPair;
}

export function getSelectedAuthority(): string | null {
  return selectedAuthority;
}

export function selectAuthority(name: string | null): void {
  selectedAuthority = name;
}

/** The pair the Compare view opens with when nothing was asked for. */
export function defaultPair(): [InspectionSummary, InspectionSummary] | null {
  if (selectedAuthority) {
    const pair = latestTwo(selectedAuthority);
    if (pair) return pair;
  }
  for (const name of authorityNames()) {
    const pair = latestTwo(name);
    if (pair) return pair;
  }
  return null;
}

/** "Hertfordshire 2018" — how people name an inspection. */
export function inspectionName(i: InspectionSummary): string {
  const year = i.inspection_start?.slice(0, 4) ?? "undated";
  return `${i.local_authority} ${year}`;
}

export function overallOf(i: InspectionSummary): InspectionSummary["judgements"][number] | undefined {
  return i.judgements.find((j) => j.key === "overall") ?? (i.judgements.length === 1 ? i.judgements[0] : undefined);
}

// Reports and comparisons do not change once stored, so they are cached for the session.
const reports = new Map<number, Promise<StoredInspection>>();
const comparisons = new Map<string, Promise<Comparison>>();
const MAX_COMPARISONS = 8;

export function loadInspection(id: number): Promise<StoredInspection> {
  let pending = reports.get(id);
  if (!pending) {
    pending = api.getInspection(id);
    reports.set(id, pending);
    pending.catch(() => reports.delete(id));
  }
  return pending;
}

export function loadComparison(a: number, b: number, keepOrder: boolean): Promise<Comparison> {
  const key = `${a}:${b}:${keepOrder ? "kept" : "dated"}`;
  let pending = comparisons.get(key);
  if (!pending) {
    pending = api.compareInspections(a, b, keepOrder);
    comparisons.set(key, pending);
    pending.catch(() => comparisons.delete(key));
    while (comparisons.size > MAX_COMPARISONS) {
      const oldest = comparisons.keys().next().value;
      if (oldest === undefined) break;
      comparisons.delete(oldest);
    }
  }
  return pending;
}

export function forgetInspection(id: number): void {
  reports.delete(id);
}
