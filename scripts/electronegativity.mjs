// Doyensec's Electronegativity over the code that ships in Veil: `node scripts/electronegativity.mjs`.
//
// It scans a copy of electron/, shared/ and renderer/ (the .ts/.tsx/.html files), so it
// also reads the CSP meta tag in renderer/index.html, with the installed Electron version
// and without its one network check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads
// Electron's release list; test/unit/security/electron-version.test.ts covers currency).
// It fails on any finding at MEDIUM or above unless Electronegativity itself marks it
// "review required" and the source carries, on the finding's line or in the comment
// block right above it, a reviewed note naming the check:
//
//   // electronegativity: PRELOAD_JS_CHECK reviewed — <why it is safe, 20+ characters>
//   <!-- electronegativity: CSP_GLOBAL_CHECK reviewed — <why> -->
//
// Lower findings are listed (with their note when there is one) but do not fail.
// A file the scanner cannot parse fails the run: an unscanned file proves nothing.
// Results: test-results/electronegativity/electronegativity.sarif, and the copy it scanned.
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
/** Findings at this severity or above fail the run unless reviewed. */
export const FAIL_AT_SEVERITY = 'MEDIUM';
export const MIN_REASON_CHARS = 20;
/** Checks left out: the only one that goes to the network. */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
/** Folders whose code ships in the app, scanned as one tree so global checks see all of it. */
export const SCANNED_FOLDERS = ['electron', 'shared', 'renderer'];
const SCANNED_EXTENSIONS = new Set(['.ts', '.tsx', '.html']);

const NOTE = /electronegativity:\s*([A-Z0-9_]+(?:\s*,\s*[A-Z0-9_]+)*)\s+reviewed\s*[—–-]+\s*(.*?)\s*(?:\*\/|-->)?\s*$/;
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*|<!--)/;

/**
 * The reviewed note for check `id` at 1-based `line` of a file: on that line, or in the
 * unbroken run of comment lines directly above it. Returns the reason, or null.
 * @param {readonly string[]} lines
 * @param {number} line
 * @param {string} id
 * @returns {string | null}
 */
export function findReviewNote(lines, line, id) {
  const candidates = [];
  if (line >= 1 && line <= lines.length) candidates.push(lines[line - 1]);
  for (let index = line - 2; index >= 0 && COMMENT_LINE.test(lines[index] ?? ''); index -= 1) candidates.push(lines[index]);
  for (const text of candidates) {
    const match = NOTE.exec(text ?? '');
    if (!match) continue;
    const ids = match[1].split(',').map((name) => name.trim());
    const reason = match[2].trim();
    if (ids.includes(id) && reason.length >= MIN_REASON_CHARS) return reason;
  }
  return null;
}

/**
 * @typedef {{ id: string, severity: string, confidence: string, manualReview: boolean, file: string, line: number, column: number, description: string }} Finding
 * @typedef {{ file: string, message: string, tolerable: boolean }} ScanError
 * @typedef {{ failures: Array<{ finding?: Finding, error?: ScanError, why: string }>, reviewed: Array<{ finding: Finding, reason: string }>, notes: Finding[] }} Verdict
 */

/**
 * The decision, kept pure so it can be tested with canned findings: which findings fail
 * the run, which are reviewed (and why), which are only listed.
 * @param {{ findings: readonly Finding[], errors: readonly ScanError[], scannedFiles: number }} scan
 * @param {(file: string) => readonly string[] | null} readLines the scanned file's lines, by the finding's relative path
 * @returns {Verdict}
 */
export function judgeScan(scan, readLines) {
  /** @type {Verdict} */
  const verdict = { failures: [], reviewed: [], notes: [] };
  if (scan.scannedFiles === 0) verdict.failures.push({ why: 'nothing was scanned' });
  for (const error of scan.errors) {
    if (!error.tolerable) verdict.failures.push({ error, why: `could not be parsed, so it was not checked: ${error.message}` });
  }
  for (const finding of scan.findings) {
    const rank = SEVERITY_RANK[finding.severity] ?? SEVERITY_RANK.HIGH;
    const lines = finding.file === 'N/A' ? null : readLines(finding.file);
    const reason = lines ? findReviewNote(lines, finding.line, finding.id) : null;
    if (rank < SEVERITY_RANK[FAIL_AT_SEVERITY]) {
      if (reason) verdict.reviewed.push({ finding, reason });
      else verdict.notes.push(finding);
    } else if (!finding.manualReview) {
      verdict.failures.push({ finding, why: 'a misconfiguration, not a review item: fix it' });
    } else if (reason) {
      verdict.reviewed.push({ finding, reason });
    } else {
      verdict.failures.push({ finding, why: `review required: add "electronegativity: ${finding.id} reviewed — <why>" at or above the line` });
    }
  }
  return verdict;
}

/**
 * Electronegativity's issue objects, reduced to what the decision needs.
 * @param {ReadonlyArray<Record<string, any>>} issues
 * @returns {Finding[]}
 */
export function toFindings(issues) {
  return issues.map((issue) => ({
    id: String(issue.id),
    severity: String(issue.severity?.name ?? 'HIGH'),
    confidence: String(issue.confidence?.name ?? 'CERTAIN'),
    manualReview: issue.manualReview === true,
    file: String(issue.file),
    line: Number(issue.location?.line ?? 0),
    column: Number(issue.location?.column ?? 0),
    description: String(issue.description ?? ''),
  }));
}

/**
 * A short report for the terminal.
 * @param {Verdict} verdict
 * @param {{ scannedFiles: number, electronVersion: string }} context
 * @returns {string}
 */
export function formatVerdict(verdict, context) {
  const where = (finding) => `${finding.id} (${finding.severity}) ${finding.file}:${finding.line}`;
  const lines = [`Electronegativity: ${context.scannedFiles} files scanned as Electron ${context.electronVersion}.`];
  for (const { finding, reason } of verdict.reviewed) lines.push(`  reviewed  ${where(finding)} — ${reason}`);
  for (const finding of verdict.notes) lines.push(`  note      ${where(finding)} — ${finding.description}`);
  for (const failure of verdict.failures) {
    const subject = failure.finding ? where(failure.finding) : failure.error ? failure.error.file : 'scan';
    lines.push(`  FAIL      ${subject} — ${failure.why}`);
  }
  lines.push(
    verdict.failures.length === 0
      ? `OK: 0 findings at ${FAIL_AT_SEVERITY} or above without a review (${verdict.reviewed.length} reviewed, ${verdict.notes.length} below ${FAIL_AT_SEVERITY}).`
      : `FAILED: ${verdict.failures.length} finding(s) to fix or review.`,
  );
  return lines.join('\n');
}

function copyScannedTree(repoRoot, stageDir) {
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(stageDir, { recursive: true });
  let count = 0;
  for (const folder of SCANNED_FOLDERS) {
    cpSync(path.join(repoRoot, folder), path.join(stageDir, folder), {
      recursive: true,
      filter: (source) => {
        if (path.basename(source) === 'node_modules') return false;
        if (lstatSync(source).isDirectory()) return true;
        const extension = path.extname(source);
        const keep = SCANNED_EXTENSIONS.has(extension) && !source.endsWith('.d.ts');
        if (keep) count += 1;
        return keep;
      },
    });
  }
  return count;
}

async function main() {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const require = createRequire(import.meta.url);
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const outDir = path.join(repoRoot, 'test-results', 'electronegativity');
  const stageDir = path.join(outDir, 'scanned');
  const scannedFiles = copyScannedTree(repoRoot, stageDir);

  const run = require('@doyensec/electronegativity');
  const result = await run({
    input: stageDir,
    output: path.join(outDir, 'electronegativity.sarif'),
    isSarif: true,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED_CHECKS,
  });
  const readLines = (file) => {
    const full = path.join(stageDir, file);
    return existsSync(full) ? readFileSync(full, 'utf8').split('\n') : null;
  };
  const verdict = judgeScan({ findings: toFindings(result.issues), errors: result.errors, scannedFiles }, readLines);
  console.log(formatVerdict(verdict, { scannedFiles, electronVersion }));
  // exitCode, not exit(): Electronegativity writes its SARIF file asynchronously.
  process.exitCode = verdict.failures.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error('Electronegativity could not run:', error);
    process.exitCode = 1;
  });
}
