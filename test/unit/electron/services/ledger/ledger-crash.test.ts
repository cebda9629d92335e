import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWriter, runCrashLoop } from '../../../../fixtures/ledger/crash-loop.js';
import { makeTempDir } from './ledger-test-records.js';

/**
 * The real ledger in a child process, killed with SIGKILL at seeded random points (while
 * loading, as a flush starts, between flushes) and reopened each time on the same folder.
 * This waits on real processes, so it uses real time, but never a fixed sleep: every kill
 * is triggered by a line the writer prints. npm run bench:ledger-crash does 1,000 kills.
 */
const FLUSH_INTERVAL_MS = 25;
const KILLS = 30;

let root = '';
let remove: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir: root, remove } = await makeTempDir('veil-ledger-crash-'));
});
afterAll(() => remove());

describe('ledger crash safety', () => {
  it(`keeps every record announced durable through ${KILLS} SIGKILLs and loses only what came after the last flush began`, { timeout: 90_000 }, async () => {
    const writer = await bundleWriter(root);
    const report = await runCrashLoop({ rootDir: root, kills: KILLS, flushIntervalMs: FLUSH_INTERVAL_MS, seed: 20_250_602, writer });

    expect(report.failures).toEqual([]);
    expect(report.kills).toBe(KILLS);
    expect(report.recordsLost).toBe(0);
    expect(report.filesKeptAside).toBe(0);
    // The loop exercised something: records were written, announced and then recovered.
    expect(report.recordsAnnouncedDurable).toBeGreaterThan(KILLS);
    expect(report.killsDuringStartUp).toBeGreaterThan(0);
  });
});
