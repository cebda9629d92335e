import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCasePdq, type CasePdq, type CasePdqDeps } from '../../../../../electron/services/known/case-pdq.js';
import { openKnownLibraryToRead } from '../../../../../electron/services/known/known-library-db.js';
import { createKnownMaterialService, type KnownMaterialService } from '../../../../../electron/services/known/known-material-service.js';
import { pdqHashes, pdqHashesInRuns } from '../../../../../electron/services/known/known-queries.js';
import { buildNearIndexInWorker } from '../../../../../electron/services/known/near-index-client.js';
import { nearMatcherFromLibrary, nearSetsOf } from '../../../../../electron/services/known/near-matcher.js';
import { spawnTsxNearIndexWorker } from './tsx-near-index-worker.js';

/** Hashes in the large set: enough that indexing takes many turns of the event loop on any machine. */
const LARGE_SET_HASHES = 40_000;

/** A deterministic stream of 32-bit words (xorshift32), so a failure can be replayed. */
function wordStream(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

function randomHex(next: () => number): string {
  return Array.from({ length: 8 }, () => next().toString(16).padStart(8, '0')).join('');
}

/** `hex` with `count` of its digits changed (each by one bit, so at most `count` bits apart). */
function nudged(hex: string, count: number, next: () => number): string {
  const digits = hex.split('');
  for (let k = 0; k < count; k += 1) {
    const at = next() % 64;
    digits[at] = (Number.parseInt(digits[at]!, 16) ^ (1 << (next() % 4))).toString(16);
  }
  return digits.join('');
}

describe('the library near index built on a worker thread', { timeout: 120_000 }, () => {
  let dir = '';
  let service: KnownMaterialService;
  const next = wordStream(0x9e3779b9);
  const largeHashes: string[] = [];
  let queries: { hex: string; quality: number }[] = [];
  let importSet: (name: string, rows: string[]) => Promise<number> = () => Promise.reject(new Error('not ready'));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'veil-near-worker-'));
    service = createKnownMaterialService({
      folder: () => path.join(dir, 'library'),
      nowMs: () => 1_700_000_000_000,
      onProgress: () => {},
      onSetsChanged: () => {},
    });
    importSet = async (name, rows) => {
      const filePath = path.join(dir, `${name}.csv`);
      await writeFile(filePath, `PDQ,Quality,Category\n${rows.join('\n')}\n`);
      const result = await service.importHashSet({ filePath, name, scheme: 'vic-us', hex64Kind: 'sha256' });
      if (result.outcome !== 'imported') throw new Error(`expected ${name} to import`);
      return result.set.setId;
    };
    for (let k = 0; k < LARGE_SET_HASHES; k += 1) largeHashes.push(randomHex(next));
    // Qualities under 50 are left out of the index and categories repeat: both must survive the trip between threads.
    await importSet(
      'Large',
      largeHashes.map((hex, k) => `${hex},${k % 10 === 0 ? 30 : 90},${k % 3 === 0 ? '' : String(1 + (k % 3))}`),
    );
    await importSet(
      'Small',
      largeHashes.slice(0, 50).map((hex) => `${nudged(hex, 3, next)},,2`),
    );
    queries = largeHashes.slice(0, 400).map((hex, k) => ({ hex: nudged(hex, k % 40, next), quality: 60 + (k % 40) }));
  }, 120_000);

  /** The open case's PDQ over the test library, with no case session behind it: only near matching is used. */
  function casePdqOf(log: (message: string) => void, nearIndex: CasePdqDeps['nearIndex']): CasePdq {
    return createCasePdq({
      session: { summary: () => null, pdqCandidates: () => [], needsPdq: () => false, recordPdq: () => true, reportPdqProgress: () => undefined },
      pool: { runPdq: () => Promise.reject(new Error('not used')) },
      known: service,
      nowMs: () => 0,
      log,
      nearIndex,
    });
  }

  afterAll(async () => {
    service.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every query exactly as an index built on this thread, set, category and distance alike', async () => {
    const here = nearMatcherFromLibrary(service);
    const build = buildNearIndexInWorker(service.libraryFile(), nearSetsOf(service), spawnTsxNearIndexWorker);
    const there = await build.matcher;
    expect(there.hashCount).toBe(here.hashCount);
    const found = queries.map((query) => here.match(query));
    // Not a vacuous comparison: near hashes of both sets, and misses, are among the answers.
    expect(new Set(found.map((match) => match?.setName ?? 'none'))).toEqual(new Set(['Large', 'Small', 'none']));
    for (const thresholdBits of [10, 31, 40])
      expect(queries.map((query) => there.match(query, thresholdBits))).toEqual(queries.map((query) => here.match(query, thresholdBits)));
  });

  it('keeps the main side’s event loop turning while a large set is indexed', async () => {
    const events: string[] = [];
    const build = buildNearIndexInWorker(service.libraryFile(), nearSetsOf(service), spawnTsxNearIndexWorker);
    let turns = 0;
    let ticking = true;
    const tick = (): void => {
      turns += 1;
      if (turns === 3) events.push('three turns of the event loop');
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await build.matcher.then(() => events.push('index ready'));
    ticking = false;
    expect(events).toEqual(['three turns of the event loop', 'index ready']);
  });

  it('lets the case answer with the index once built, tells it so, and answers with the previous one while sets change', async () => {
    const ready: string[] = [];
    const casePdq = casePdqOf(() => {}, { spawn: spawnTsxNearIndexWorker, libraryFile: () => service.libraryFile(), onReady: () => ready.push('ready') });
    const query = { hex: nudged(largeHashes[1]!, 4, next), quality: 90 };
    const expected = { type: 'near', ...nearMatcherFromLibrary(service).match(query) };
    expect(expected).toMatchObject({ setName: 'Large' });
    // Nothing to answer with until the first index is in: no match yet, and no stall waiting for one.
    expect(casePdq.matchNear(query)).toBeNull();
    await expect.poll(() => ready, { timeout: 60_000 }).toEqual(['ready']);
    expect(casePdq.matchNear(query)).toEqual(expected);

    casePdq.setsChanged();
    expect(casePdq.matchNear(query)).toEqual(expected);
    await expect.poll(() => ready, { timeout: 60_000 }).toEqual(['ready', 'ready']);
    expect(casePdq.matchNear(query)).toEqual(expected);
    await casePdq.close();
  });

  it('holds pictures of comparable items while the index is built, so a stored near match never goes out under a weaker veil', async () => {
    const casePdq = casePdqOf(() => {}, { spawn: spawnTsxNearIndexWorker, libraryFile: () => service.libraryFile(), onReady: () => {} });
    const query = { hex: nudged(largeHashes[2]!, 5, next), quality: 90 };
    expect(casePdq.matchNear(query)).toBeNull();
    const first = casePdq.nearIndexSettling();
    expect(first).not.toBeNull();
    await first;
    expect(casePdq.matchNear(query)).toMatchObject({ type: 'near', setName: 'Large' });
    expect(casePdq.nearIndexSettling()).toBeNull();
    // Sets change twice while a picture waits: it waits through the cancelled build for the one that replaced it.
    casePdq.setsChanged();
    const again = casePdq.nearIndexSettling();
    casePdq.setsChanged();
    await again;
    expect(casePdq.nearIndexSettling()).toBeNull();
    expect(casePdq.matchNear(query)).toMatchObject({ type: 'near', setName: 'Large' });
    await casePdq.close();
  });

  it('stops matching a removed set at once, while the new index is built and for good when it cannot be', async () => {
    const ready: string[] = [];
    const logged: string[] = [];
    let libraryFile = service.libraryFile();
    const casePdq = casePdqOf((message) => logged.push(message), {
      spawn: spawnTsxNearIndexWorker,
      libraryFile: () => libraryFile,
      onReady: () => ready.push('ready'),
    });
    // The removable set holds the query itself: while it is enabled, it is the nearest.
    const query = { hex: nudged(largeHashes[7]!, 6, next), quality: 90 };
    const removableId = await importSet('Removable', [`${query.hex},90,1`]);
    casePdq.caseOpened();
    await expect.poll(() => ready, { timeout: 60_000 }).toEqual(['ready']);
    expect(casePdq.matchNear(query)).toMatchObject({ setName: 'Removable', distance: 0 });

    service.removeHashSet(removableId);
    const withoutIt = { type: 'near', ...nearMatcherFromLibrary(service).match(query) };
    expect(withoutIt).toMatchObject({ setName: 'Large' });
    // The new index cannot be built (the library went missing): the previous one answers, never for the removed set.
    libraryFile = path.join(dir, 'missing', 'known-material.sqlite');
    casePdq.setsChanged();
    expect(casePdq.matchNear(query)).toEqual(withoutIt);
    await expect.poll(() => logged.join('\n'), { timeout: 60_000 }).toMatch(/indexing the library for near matching failed/);
    expect(casePdq.matchNear(query)).toEqual(withoutIt);
    expect(ready).toEqual(['ready']);
    await casePdq.close();
  });

  it('counts a thread that cannot start as a failed build, tried again only when the sets change', () => {
    const logged: string[] = [];
    let spawned = 0;
    const casePdq = casePdqOf((message) => logged.push(message), {
      spawn: () => {
        spawned += 1;
        throw new Error('no more threads');
      },
      libraryFile: () => service.libraryFile(),
      onReady: () => {},
    });
    const query = { hex: largeHashes[1]!, quality: 90 };
    expect(casePdq.matchNear(query)).toBeNull();
    expect(casePdq.matchNear(query)).toBeNull();
    expect(spawned).toBe(1);
    expect(logged).toEqual(['indexing the library for near matching failed: no more threads']);
    casePdq.setsChanged();
    expect(casePdq.matchNear(query)).toBeNull();
    expect(spawned).toBe(2);
  });

  it('reads a set in short runs on its own read-only connection, the same hashes in the same order as one long read', () => {
    const db = openKnownLibraryToRead(service.libraryFile());
    try {
      for (const set of nearSetsOf(service)) expect([...pdqHashesInRuns(db, set.setId, 7)]).toEqual([...pdqHashes(db, set.setId)]);
      expect([...pdqHashesInRuns(db, 999)]).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('says why when the library cannot be read, and the case keeps going without near matches', async () => {
    const build = buildNearIndexInWorker(
      path.join(dir, 'missing', 'known-material.sqlite'),
      [{ setId: 1, setName: 'Gone', scheme: 'custom' }],
      spawnTsxNearIndexWorker,
    );
    await expect(build.matcher).rejects.toThrow(/unable to open|does not exist|no such file/i);
  });
});
