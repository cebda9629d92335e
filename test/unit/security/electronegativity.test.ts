import { describe, expect, it } from 'vitest';
import { findReviewNote, formatVerdict, judgeScan, toFindings, type Finding } from '../../../scripts/electronegativity.mjs';

const WINDOW_TS = [
  "import { BrowserWindow } from 'electron';",
  'export function createMainWindow(preloadPath: string): BrowserWindow {',
  '  const window = new BrowserWindow({',
  '    webPreferences: {',
  '      // electronegativity: PRELOAD_JS_CHECK reviewed — our preload exposes named contract functions only',
  '      preload: preloadPath,',
  '      sandbox: true,',
  '    },',
  '  });',
  '  return window;',
  '}',
];

function finding(overrides: Partial<Finding>): Finding {
  return {
    id: 'PRELOAD_JS_CHECK',
    severity: 'MEDIUM',
    confidence: 'FIRM',
    manualReview: true,
    file: 'electron/app/window.ts',
    line: 6,
    column: 6,
    description: 'Review the use of preload scripts',
    ...overrides,
  };
}

const sources: Record<string, readonly string[]> = { 'electron/app/window.ts': WINDOW_TS };
const readLines = (file: string) => sources[file] ?? null;
const scan = (findings: Finding[], errors: Array<{ file: string; message: string; tolerable: boolean }> = []) =>
  judgeScan({ findings, errors, scannedFiles: 12 }, readLines);

describe('Electronegativity gate', () => {
  it('passes a review-required finding whose line carries a reviewed note naming the check', () => {
    const verdict = scan([finding({})]);
    expect(verdict.failures).toEqual([]);
    expect(verdict.reviewed).toEqual([{ finding: finding({}), reason: 'our preload exposes named contract functions only' }]);
  });

  it('fails a review-required finding with no note, a note for another check, or a note without a reason', () => {
    expect(scan([finding({ line: 3 })]).failures).toHaveLength(1);
    expect(scan([finding({ id: 'REMOTE_MODULE_JS_CHECK' })]).failures).toHaveLength(1);
    const shortReason = ['// electronegativity: PRELOAD_JS_CHECK reviewed — fine', 'preload: p,'];
    expect(judgeScan({ findings: [finding({ line: 2 })], errors: [], scannedFiles: 1 }, () => shortReason).failures).toHaveLength(1);
  });

  it('fails a misconfiguration at MEDIUM or above even when someone wrote a note for it', () => {
    const auxclick = finding({ id: 'AUXCLICK_JS_CHECK', manualReview: false, line: 3 });
    const noted = ['// electronegativity: AUXCLICK_JS_CHECK reviewed — middle clicks are denied by the window-open handler', 'new BrowserWindow({'];
    const verdict = judgeScan({ findings: [auxclick], errors: [], scannedFiles: 1 }, () => noted);
    expect(verdict.failures).toEqual([{ finding: auxclick, why: expect.stringMatching(/fix it/) }]);
  });

  it('fails an app-wide finding (no CSP found) that no comment can answer', () => {
    const verdict = scan([finding({ id: 'CSP_GLOBAL_CHECK', manualReview: false, file: 'N/A', line: 0, severity: 'MEDIUM' })]);
    expect(verdict.failures).toHaveLength(1);
  });

  it('lists findings below MEDIUM without failing, and treats an unknown severity as high', () => {
    const low = finding({ id: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'renderer/index.html', line: 5 });
    expect(scan([low])).toEqual({ failures: [], reviewed: [], notes: [low] });
    expect(scan([finding({ severity: 'SEVERE', manualReview: false })]).failures).toHaveLength(1);
  });

  it('fails when a file could not be parsed (it went unchecked) or nothing was scanned', () => {
    expect(scan([], [{ file: 'electron/app/new.ts', message: 'Unexpected token', tolerable: false }]).failures).toHaveLength(1);
    expect(scan([], [{ file: 'electron/app/new.ts', message: 'recovered', tolerable: true }]).failures).toEqual([]);
    expect(judgeScan({ findings: [], errors: [], scannedFiles: 0 }, readLines).failures).toEqual([{ why: 'nothing was scanned' }]);
  });

  it('reads a note on the same line, in an HTML comment, or listing several checks', () => {
    const trailing = ['preload: p, // electronegativity: PRELOAD_JS_CHECK reviewed — same-line note with a real reason'];
    expect(findReviewNote(trailing, 1, 'PRELOAD_JS_CHECK')).toMatch(/same-line note/);
    const html = ["<!-- electronegativity: CSP_GLOBAL_CHECK reviewed — 'self' serves only the built bundle -->", '<meta http-equiv="Content-Security-Policy">'];
    expect(findReviewNote(html, 2, 'CSP_GLOBAL_CHECK')).toBe("'self' serves only the built bundle");
    const several = ['// electronegativity: A_CHECK, PRELOAD_JS_CHECK reviewed - both looked at by a person', 'x'];
    expect(findReviewNote(several, 2, 'PRELOAD_JS_CHECK')).toBe('both looked at by a person');
    // A note separated from the line by code does not count.
    expect(
      findReviewNote(['// electronegativity: PRELOAD_JS_CHECK reviewed — a reason that is long enough', 'other: 1,', 'preload: p,'], 3, 'PRELOAD_JS_CHECK'),
    ).toBeNull();
  });

  it("reduces Electronegativity's issue objects and prints a summary that names each outcome", () => {
    const [reduced] = toFindings([
      {
        id: 'PRELOAD_JS_CHECK',
        severity: { value: 2, name: 'MEDIUM' },
        confidence: { value: 1, name: 'FIRM' },
        manualReview: true,
        file: 'electron/app/window.ts',
        location: { line: 6, column: 6 },
        description: 'Review',
      },
    ]);
    expect(reduced).toEqual(finding({ description: 'Review' }));
    const verdict = scan([reduced!, finding({ id: 'AUXCLICK_JS_CHECK', manualReview: false, line: 3 })]);
    const text = formatVerdict(verdict, { scannedFiles: 12, electronVersion: '45.5.0' });
    expect(text).toMatch(/12 files scanned as Electron 45\.5\.0/);
    expect(text).toMatch(/reviewed {2}PRELOAD_JS_CHECK \(MEDIUM\) electron\/app\/window\.ts:6/);
    expect(text).toMatch(/FAIL {6}AUXCLICK_JS_CHECK/);
    expect(text).toMatch(/FAILED: 1 finding/);
  });
});
