// Typed calls to the app's Tauri commands. The types come from the Rust side (ts-rs bindings),
// so a change there shows up here as a type error. Errors arrive as {kind, message}.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./bindings/AppInfo";
import type { AuthorityGroup } from "./bindings/AuthorityGroup";
import type { AuthorityRow } from "./bindings/AuthorityRow";
import type { CommandError } from "./bindings/CommandError";
import type { Comparison } from "./bindings/Comparison";
import type { Format } from "./bindings/Format";
import type { GroupKind } from "./bindings/GroupKind";
import type { ImportEvent } from "./bindings/ImportEvent";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { InspectionSummary } from "./bindings/InspectionSummary";
import type { LibraryCheck } from "./bindings/LibraryCheck";
import type { SearchHit } from "./bindings/SearchHit";
import type { Startup } from "./bindings/Startup";
import type { StoredInspection } from "./bindings/StoredInspection";
import type { Summary } from "./bindings/Summary";
import type { Tracker } from "./bindings/Tracker";
import type { TrackerStatus } from "./bindings/TrackerStatus";

export function isCommandError(value: unknown): value is CommandError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/** A sentence for people, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (isCommandError(error)) return error.message;
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return "Something went wrong.";
}

export function appInfo(): Promise<AppInfo> {
  return invoke<AppInfo>("app_info");
}

export function startup(): Promise<Startup> {
  return invoke<Startup>("startup");
}

export function listInspections(): Promise<InspectionSummary[]> {
  return invoke<InspectionSummary[]>("list_inspections");
}

/** Authorities with inspections in the library, or every one of the list with `all`. */
export function listAuthorities(all = false): Promise<AuthorityRow[]> {
  return invoke<AuthorityRow[]>("list_authorities", { all });
}

/** Files an inspection under an authority of the list (remembered); returns its name. */
export function chooseAuthority(id: number, authority: string): Promise<string> {
  return invoke<string>("choose_authority", { id, authority });
}

export function getInspection(id: number): Promise<StoredInspection> {
  return invoke<StoredInspection>("get_inspection", { id });
}

export interface SearchFilters {
  authority?: string;
  framework?: string;
  year?: number;
}

export function search(query: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
  // Only filters that are set are sent: the command treats a missing one as "any".
  const args: Record<string, unknown> = { query };
  if (filters.authority) args.authority = filters.authority;
  if (filters.framework) args.framework = filters.framework;
  if (filters.year !== undefined) args.year = filters.year;
  return invoke<SearchHit[]>("search", args);
}

export function importPaths(paths: string[], onProgress: (event: ImportEvent) => void): Promise<ImportSummary> {
  const channel = new Channel<ImportEvent>();
  channel.onmessage = onProgress;
  return invoke<ImportSummary>("import_paths", { paths, onProgress: channel });
}

export function compareInspections(a: number, b: number, keepOrder: boolean): Promise<Comparison> {
  return invoke<Comparison>("compare_inspections", { a, b, keepOrder });
}

export function removeInspection(id: number): Promise<void> {
  return invoke<void>("remove_inspection", { id });
}

/** Tells the app the window is interactive (and how long the launch comparison took to show). */
export function uiReady(comparisonMs: number | null, marks: Record<string, number>): Promise<void> {
  return invoke<void>("ui_ready", { comparisonMs, marks });
}

export function comparisonSummary(a: number, b: number, keepOrder: boolean): Promise<Summary> {
  return invoke<Summary>("comparison_summary", { a, b, keepOrder });
}

/** An export format as the engine names it (`render::Format`). */
export type ExportFormat = Format;

/** Asks where to save (a native dialog) and writes the file; null when cancelled. */
export function exportComparison(a: number, b: number, keepOrder: boolean, format: ExportFormat): Promise<string | null> {
  return invoke<string | null>("export_comparison", { a, b, keepOrder, format });
}

/** An authority's recommendation tracker. */
export function authorityTracker(authority: string): Promise<Tracker> {
  return invoke<Tracker>("authority_tracker", { authority });
}

/** Records (or, with null, clears) a tracker status and note. */
export function setTrackerStatus(id: number, key: string, status: TrackerStatus | null, note: string): Promise<void> {
  return invoke<void>("set_tracker_status", { id, key, status, note });
}

/** The tracker formats: PDF, CSV, Markdown, HTML. */
export type TrackerFormat = Extract<Format, "pdf" | "csv" | "md" | "html">;

/** Asks where to save the tracker (a native dialog) and writes it; null when cancelled. */
export function exportTracker(authority: string, format: TrackerFormat): Promise<string | null> {
  return invoke<string | null>("export_tracker", { authority, format });
}

/** An authority's statistical neighbours, or a region (by its name or an authority's),
 *  standing at `at` ("YYYY-MM-DD"). */
export function authorityGroup(kind: GroupKind, name: string, at: string): Promise<AuthorityGroup> {
  return invoke<AuthorityGroup>("authority_group", { kind, name, at });
}

/** Checks every page of the library (off the start path); a damaged one is moved aside. */
export function checkLibrary(): Promise<LibraryCheck> {
  return invoke<LibraryCheck>("check_library");
}

/** Stops the import under way after the document being stored. */
export function cancelImport(): Promise<void> {
  return invoke<void>("cancel_import");
}

/** Forgets an unfinished import people chose not to resume. */
export function dismissImport(id: number): Promise<void> {
  return invoke<void>("dismiss_import", { id });
}
