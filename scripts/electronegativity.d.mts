// Types for scripts/electronegativity.mjs, so its decision can be tested from TypeScript.

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';

export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  manualReview: boolean;
  /** Relative to the scanned tree, which mirrors the repository; "N/A" for app-wide findings. */
  file: string;
  /** 1-based; 0 when the finding has no line. */
  line: number;
  column: number;
  description: string;
}

export interface ScanError {
  file: string;
  message: string;
  tolerable: boolean;
}

export interface Verdict {
  failures: Array<{ finding?: Finding; error?: ScanError; why: string }>;
  reviewed: Array<{ finding: Finding; reason: string }>;
  notes: Finding[];
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>>;
export const FAIL_AT_SEVERITY: Severity;
export const MIN_REASON_CHARS: number;
export const EXCLUDED_CHECKS: readonly string[];
export const SCANNED_FOLDERS: readonly string[];

/** The reason of the reviewed note for `id` on 1-based `line` or in the comment lines right above it. */
export function findReviewNote(lines: readonly string[], line: number, id: string): string | null;
export function judgeScan(
  scan: { findings: readonly Finding[]; errors: readonly ScanError[]; scannedFiles: number },
  readLines: (file: string) => readonly string[] | null,
): Verdict;
export function toFindings(issues: ReadonlyArray<Record<string, unknown>>): Finding[];
export function formatVerdict(verdict: Verdict, context: { scannedFiles: number; electronVersion: string }): string;
