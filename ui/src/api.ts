// Typed calls to the app's Tauri commands. Errors arrive as {kind, message}.
import { invoke } from "@tauri-apps/api/core";

export interface Judgement {
  area: string;
  grade: string;
  scale_rank: number | null;
  key: string;
  statement?: string;
  evidence: { paragraph: number; page: number } | null;
}

export interface ReportSummary {
  file_name: string;
  local_authority: string;
  framework: string;
  framework_label: string;
  title: string;
  inspection_start: string | null;
  inspection_end: string | null;
  lead_inspector: string | null;
  judgements: Judgement[];
  recommendations: string[];
  lscb_recommendations: string[];
  warnings: string[];
}

export interface CommandError {
  kind: string;
  message: string;
}

export function isCommandError(value: unknown): value is CommandError {
  return typeof value === "object" && value !== null && "kind" in value && "message" in value;
}

export function readReport(path: string): Promise<ReportSummary> {
  return invoke<ReportSummary>("read_report", { path });
}
