import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPdqPass, type PdqPassDeps, type PdqPassItem, type PdqPassProgress } from '../../../../../electron/services/known/pdq-pass.js';
import { PoolUnavailableError, type PdqJob, type PdqOutcome, type RunOptions } from '../../../../../electron/services/media/worker-pool.js';

let root = '';
let caseRoot = '';
const items: PdqPassItem[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'veil-pdq-pass-'));
  caseRoot = path.join(root, 'case');
  await mkdir(caseRoot);
  for (let i = 0; i < 6; i += 1) {
    await writeFile(path.join(caseRoot, `img-${i}.jpg`), 'stand-in: the fake pool does not read it');
    items.push({ itemId: `item-000${i}`, absolutePath: path.join(caseRoot, `img-${i}.jpg`), caseRoot });
  }
  await writeFile(path.join(root, 'outside.jpg'), 'not in the case');
  await symlink(path.join(root, 'outside.jpg'), path.join(caseRoot, 'link.jpg'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const hashOf = (i: number) => ({ hex: i.toString(16).padStart(64, '0'), quality: 80, widthPx: 640 + i, heightPx: 480 });
const indexOf = (filePath: string) => Number(/img-(\d+)\.jpg$/.exec(filePath)?.[1] ?? -1);

interface Call {
  filePath: string;
  resolve: (outcome: PdqOutcome) => void;
  reject: (error: unknown) => void;
}

/** A pool whose jobs the test settles; an abort rejects a job as the real pool does a queued one, unless `running` (a worker has it). */
function fakePool(running = false) {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const runPdq = (job: PdqJob, options: Pick<RunOptions, 'signal'> = {}) =>
    new Promise<PdqOutcome>((resolve, reject) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const finish = () => (inFlight -= 1);
      if (!running) options.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true });
      calls.push({
        filePath: job.filePath,
        resolve: (outcome) => {
          finish();
          resolve(outcome);
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      });
    });
  /** Settles the job for `index` once the pass has sent it. */
  const answer = async (index: number, outcome: PdqOutcome = { ok: true, pdq: hashOf(index) }) => {
    const call = await vi.waitFor(() => {
      const found = calls.find((c) => indexOf(c.filePath) === index);
      if (found === undefined) throw new Error(`image ${index} was not sent`);
      return found;
    });
    call.resolve(outcome);
  };
  return { pool: { runPdq }, calls, answer, maxInFlight: () => maxInFlight };
}

function makePass(overrides: Partial<PdqPassDeps> = {}, list: readonly PdqPassItem[] = items, jobsRunning = false) {
  const fake = fakePool(jobsRunning);
  let nowMs = 0;
  const progress: PdqPassProgress[] = [];
  const onPdq = vi.fn();
  const log = vi.fn();
  const pass = startPdqPass(
    { pool: fake.pool, stillNeedsPdq: () => true, onPdq, onProgress: (p) => progress.push(p), nowMs: () => nowMs, log, ...overrides },
    list,
  );
  return { pass, fake, progress, onPdq, log, advance: (ms: number) => (nowMs += ms) };
}

describe('startPdqPass', () => {
  it('hashes every image in grid order, two at a time, and reports each hash and the end', async () => {
    const { pass, fake, onPdq, progress } = makePass();
    await vi.waitFor(() => expect(fake.calls).toHaveLength(2));
    for (let i = 0; i < items.length; i += 1) await fake.answer(i);
    await expect(pass.done).resolves.toEqual({ outcome: 'finished', doneCount: 6, totalCount: 6 });
    // Taken in grid order by two lanes: each lane checks its file's place before asking the pool, so two neighbours may swap.
    const asked = fake.calls.map((c) => indexOf(c.filePath));
    expect([...asked].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(asked.every((index, position) => Math.abs(index - position) <= 1)).toBe(true);
    expect(fake.maxInFlight()).toBe(2);
    expect(onPdq.mock.calls).toEqual(items.map((item, i) => [item.itemId, hashOf(i)]));
    expect(progress.at(0)).toEqual({ doneCount: 0, totalCount: 6 });
    expect(progress.at(-1)).toEqual({ doneCount: 6, totalCount: 6 });
  });

  it('reports progress at most every 250 ms of its clock, and always the end', async () => {
    const { pass, fake, progress, advance } = makePass();
    await fake.answer(0);
    await fake.answer(1);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(4));
    expect(progress).toEqual([{ doneCount: 0, totalCount: 6 }]);
    advance(250);
    await fake.answer(2);
    await vi.waitFor(() => expect(progress).toHaveLength(2));
    expect(progress.at(-1)).toEqual({ doneCount: 3, totalCount: 6 });
    advance(249);
    await fake.answer(3);
    await fake.answer(4);
    await fake.answer(5);
    await pass.done;
    expect(progress).toEqual([
      { doneCount: 0, totalCount: 6 },
      { doneCount: 3, totalCount: 6 },
      { doneCount: 6, totalCount: 6 },
    ]);
  });

  it('skips images a thumbnail hashed meanwhile, before sending them and when their result comes', async () => {
    const hashed = new Set(['item-0001']);
    const { pass, fake, onPdq } = makePass({ stillNeedsPdq: (itemId) => !hashed.has(itemId) });
    await vi.waitFor(() => expect(fake.calls).toHaveLength(2));
    hashed.add('item-0000');
    await fake.answer(0);
    for (let i = 2; i < items.length; i += 1) await fake.answer(i);
    await expect(pass.done).resolves.toMatchObject({ outcome: 'finished', doneCount: 6 });
    // Two lanes each resolve their file's place before asking the pool, so 3 and 4 may be asked in either order.
    expect(fake.calls.map((c) => indexOf(c.filePath)).sort((a, b) => a - b)).toEqual([0, 2, 3, 4, 5]);
    expect(onPdq.mock.calls.map(([itemId]) => itemId).sort()).toEqual(['item-0002', 'item-0003', 'item-0004', 'item-0005']);
  });

  it('counts a file that cannot be decoded, or now leads outside the case, as done without a hash', async () => {
    const list = [items[0]!, { itemId: 'item-link', absolutePath: path.join(caseRoot, 'link.jpg'), caseRoot }, items[1]!];
    const { pass, fake, onPdq } = makePass({}, list);
    await fake.answer(0, { ok: false, error: { code: 'decode-failed', detail: 'truncated' } });
    await fake.answer(1);
    await expect(pass.done).resolves.toEqual({ outcome: 'finished', doneCount: 3, totalCount: 3 });
    expect(fake.calls.map((c) => path.basename(c.filePath)).sort()).toEqual(['img-0.jpg', 'img-1.jpg']);
    expect(onPdq.mock.calls).toEqual([['item-0001', hashOf(1)]]);
  });

  it('stops on cancel(): queued jobs are withdrawn and nothing more is sent', async () => {
    const { pass, fake, onPdq, progress } = makePass();
    await vi.waitFor(() => expect(fake.calls).toHaveLength(2));
    pass.cancel();
    await expect(pass.done).resolves.toEqual({ outcome: 'cancelled', doneCount: 0, totalCount: 6 });
    expect(fake.calls).toHaveLength(2);
    expect(onPdq).not.toHaveBeenCalled();
    expect(progress).toEqual([{ doneCount: 0, totalCount: 6 }]);
  });

  it('ignores the results of jobs a worker had when the pass was cancelled', async () => {
    const { pass, fake, onPdq, progress } = makePass({}, items, true);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(2));
    pass.cancel();
    await fake.answer(0);
    await fake.answer(1);
    await expect(pass.done).resolves.toEqual({ outcome: 'cancelled', doneCount: 0, totalCount: 6 });
    expect(fake.calls).toHaveLength(2);
    expect(onPdq).not.toHaveBeenCalled();
    expect(progress).toEqual([{ doneCount: 0, totalCount: 6 }]);
  });

  it('stops when the caller’s signal aborts (the case was closed)', async () => {
    const closed = new AbortController();
    const { pass, fake, onPdq } = makePass({ signal: closed.signal });
    await fake.answer(0);
    await vi.waitFor(() => expect(onPdq).toHaveBeenCalledTimes(1));
    closed.abort();
    await expect(pass.done).resolves.toMatchObject({ outcome: 'cancelled', doneCount: 1 });
  });

  it('ends as unavailable when the pool is shut down, without throwing', async () => {
    const { pass, fake, log } = makePass();
    await vi.waitFor(() => expect(fake.calls).toHaveLength(2));
    fake.calls[0]?.reject(new PoolUnavailableError('closed', 'the media worker pool is shut down'));
    fake.calls[1]?.reject(new PoolUnavailableError('closed', 'the media worker pool is shut down'));
    await expect(pass.done).resolves.toEqual({ outcome: 'unavailable', doneCount: 0, totalCount: 6 });
    expect(fake.calls).toHaveLength(2);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('shut down'));
  });

  it('logs a listener that throws and goes on', async () => {
    const { pass, fake, log } = makePass({
      onPdq: () => {
        throw new Error('session gone');
      },
      onProgress: () => {
        throw new Error('renderer gone');
      },
    });
    for (let i = 0; i < items.length; i += 1) await fake.answer(i);
    await expect(pass.done).resolves.toMatchObject({ outcome: 'finished', doneCount: 6 });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('session gone'));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('renderer gone'));
  });

  it('finishes at once with nothing to hash', async () => {
    const { pass, progress } = makePass({}, []);
    await expect(pass.done).resolves.toEqual({ outcome: 'finished', doneCount: 0, totalCount: 0 });
    expect(progress).toEqual([{ doneCount: 0, totalCount: 0 }]);
  });
});
