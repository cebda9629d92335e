// Types for scripts/npm-audit.mjs, so its decision can be tested from TypeScript.

export interface AuditDecision {
  exitCode: number;
  messages: string[];
  outcome: 'clean' | 'advisories' | 'blocked' | 'unreachable';
}

export const BLOCKING_SEVERITIES: readonly string[];

/** Decides from `npm audit --omit=dev --json`'s output and exit status alone. */
export function decideAudit(audit: { stdout: string; status: number | null }, options: { required: boolean }): AuditDecision;
