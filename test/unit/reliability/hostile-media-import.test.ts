/**
 * A hostile case imported through the real main-side services with real media worker
 * processes: every file ends as a correct veiled image or a clear error, nothing crashes,
 * nothing hangs past the per-item timeout, and the exposure ledger is untouched by it all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/case/import-progress.js';
import type { ImportProblem, MediaItem } from '../../../shared/case/media-item.js';
import type { EventPayloads } from '../../../shared/contract.js';
import { DERIVATIVE_LONG_EDGE_PX } from '../../../shared/media/derivative.js';
import { planDerivative } from '../../../electron/media-worker/derive-plan.js';
import { createLedger } from '../../../electron/services/ledger/ledger.js';
import { decodeRgb, maxChannelSpread } from '../electron/media-worker/image-metrics.js';
import { exposure } from '../electron/services/ledger/ledger-test-records.js';
import { writeHostileCase, type Expected } from './hostile-case.js';
import { removeDataDir, startServiceHarness, type ServiceHarness, type StillOutcome } from './service-harness.js';

/** The pool's own per-item limit (MediaWorkerPool's default jobTimeoutMs): past it an item is failed 'timed-out'. */
const PER_ITEM_TIMEOUT_MS = 20_000;
const DAY_MS = 86_400_000;
const dayKeyOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

let caseDir = '';
let expected: Record<string, Expected> = {};
let harness: ServiceHarness;
let caseId = '';
let progress: ImportProgress;
let items: MediaItem[] = [];
let problems: ImportProblem[] = [];
const outcomes = new Map<string, StillOutcome>();

beforeAll(async () => {
  caseDir = mkdtempSync(path.join(tmpdir(), 'veil-hostile-import-'));
  expected = await writeHostileCase(caseDir);
  harness = await startServiceHarness();
  ({ caseId, progress } = await harness.openCase(caseDir));
  items = await harness.listAllItems(caseId);
  problems = (await harness.services.handlers.listProblems({ caseId, offset: 0, limit: 1000 })).problems;
}, 180_000);

afterAll(async () => {
  await harness?.close();
  if (harness) removeDataDir(harness);
  rmSync(caseDir, { recursive: true, force: true });
});

describe('a hostile case imported through the services with real media workers', () => {
  it('finishes the import and lists every file once, as an item or as a file that could not be opened', () => {
    expect(progress).toMatchObject({ phase: 'done', failure: null, filesFound: Object.keys(expected).length });
    const listed = [...items.map((item) => item.relativePath), ...problems.map((problem) => problem.relativePath)].sort();
    expect(listed).toEqual(Object.keys(expected).sort());
    const problemCodes = Object.fromEntries(problems.map((problem) => [problem.relativePath, problem.error.code]));
    const expectedProblems = Object.fromEntries(
      Object.entries(expected).flatMap(([name, outcome]) => (outcome.as === 'problem' ? [[name, outcome.code]] : [])),
    );
    expect(problemCodes).toEqual(expectedProblems);
  });

  it('ends every item as a correct veiled image or an error tile with a clear code, each within the per-item timeout', async () => {
    // One at a time, so each time measured is that file's own.
    for (const item of items) outcomes.set(item.relativePath, await harness.thumb(item.id));

    const report: string[] = [];
    for (const item of items) {
      const outcome = outcomes.get(item.relativePath)!;
      const want = expected[item.relativePath]!;
      report.push(`${item.relativePath.padEnd(36)} ${outcome.ok ? 'image' : `${outcome.status} ${outcome.code}`} ${Math.round(outcome.ms)} ms`);
      expect(outcome.ms, item.relativePath).toBeLessThan(PER_ITEM_TIMEOUT_MS);
      if (want.as === 'problem') throw new Error(`${item.relativePath} should not be an item`);
      if (!outcome.ok) {
        expect(outcome.status, item.relativePath).toBe(422);
        expect(outcome.detail.length, item.relativePath).toBeGreaterThan(0);
        if (want.as === 'error') expect(outcome.code, item.relativePath).toBe(want.code);
        else if (want.as === 'image-or-error') expect(want.codes, item.relativePath).toContain(outcome.code);
        else throw new Error(`${item.relativePath}: expected an image, got ${outcome.code}: ${outcome.detail}`);
        continue;
      }
      if (want.as === 'error') throw new Error(`${item.relativePath}: expected ${want.code}, got an image`);
      const plan = planDerivative(want.sourceWidthPx, want.sourceHeightPx, DERIVATIVE_LONG_EDGE_PX.thumb, 'strong');
      const decoded = await decodeRgb(outcome.bytes);
      expect([decoded.widthPx, decoded.heightPx], item.relativePath).toEqual([plan.widthPx, plan.heightPx]);
      expect(maxChannelSpread(decoded), item.relativePath).toBeLessThanOrEqual(2);
    }
    const slowestMs = Math.max(...[...outcomes.values()].map((outcome) => outcome.ms));
    const errors = [...outcomes.values()].filter((outcome) => !outcome.ok).length;
    console.log(
      `[reliability] hostile case: ${Object.keys(expected).length} files → ${items.length - errors} images, ${errors} error tiles, ` +
        `${problems.length} not opened; slowest item ${Math.round(slowestMs)} ms (limit ${PER_ITEM_TIMEOUT_MS} ms)\n  ${report.join('\n  ')}`,
    );
  });

  it('shows each failed item as an error tile: the item carries the error and the renderer was told', async () => {
    const failedIds = new Set(
      harness.events.filter((event) => event.name === 'itemFailed').map((event) => (event.payload as EventPayloads['itemFailed']).itemId),
    );
    for (const item of await harness.listAllItems(caseId)) {
      const outcome = outcomes.get(item.relativePath)!;
      if (outcome.ok) {
        expect(item.error, item.relativePath).toBeNull();
        continue;
      }
      expect(item.error?.code, item.relativePath).toBe(outcome.code);
      expect(failedIds.has(item.id), item.relativePath).toBe(true);
    }
  });

  it('crashed no worker, so none was restarted', () => {
    // One worker process runs the pool's jobs (MediaWorkerPool's default size); a crash would have started a second.
    expect(harness.workers.length).toBe(1);
    expect(harness.workers.map((worker) => worker.ended)).toEqual([null]);
    console.log(
      `[reliability] hostile case: 0 worker crashes, ${harness.workers.reduce((sum, worker) => sum + worker.jobsSent, 0)} jobs on ${harness.workers.length} workers`,
    );
  });

  it('leaves the exposure ledger writing and reading back intact', async () => {
    const good = items
      .filter((item) => outcomes.get(item.relativePath)?.ok)
      .slice(0, 3)
      .map((item) => item.id);
    const filter = { greyscale: true, blur: 'strong', reveal: 'none' } as const;
    await expect(
      harness.services.handlers.reportVisibility({ caseId, seq: 1, pageVisible: true, surfaces: [{ surface: 'grid', itemIds: good, filter }], video: null }),
    ).resolves.toEqual({ counting: true });
    harness.advanceClock(5000);
    await harness.services.handlers.reportVisibility({ caseId, seq: 2, pageVisible: true, surfaces: [], video: null });
    await harness.close();

    const nowMs = Date.now() + 5000;
    const [fromKey, toKey] = [dayKeyOf(nowMs - DAY_MS), dayKeyOf(nowMs + DAY_MS)];
    const ledger = await createLedger({ dataDir: harness.dataDir, timeZone: 'UTC', nowMs: () => nowMs, retentionDays: 400, warmDays: 0 });
    expect(ledger.notices).toEqual([]);
    const viewed = (await ledger.readDays(fromKey, toKey)).filter((record) => record.type === 'exposure');
    expect(viewed.reduce((sum, record) => sum + record.endMs - record.startMs, 0)).toBeGreaterThanOrEqual(5000);
    const extra = exposure(nowMs, nowMs + 1000);
    ledger.add([extra]);
    await ledger.close();
    const reopened = await createLedger({ dataDir: harness.dataDir, timeZone: 'UTC', nowMs: () => nowMs, retentionDays: 400, warmDays: 0 });
    expect(reopened.notices).toEqual([]);
    expect(await reopened.readDays(fromKey, toKey)).toEqual(expect.arrayContaining([...viewed, extra]));
    await reopened.close();
  });
});
