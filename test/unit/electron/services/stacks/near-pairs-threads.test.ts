import { describe, expect, it } from 'vitest';
import { buildStacksInThreads, findNearPairsInThreads } from '../../../../../electron/services/stacks/near-pairs-threads.js';
import { buildStacks } from '../../../../../shared/known/stacks/build-stacks.js';
import { forEachNearPair } from '../../../../../shared/known/stacks/near-index.js';
import { seededBytes } from '../../../../fixtures/synthetic-media.js';
import { flipBits, pack } from '../../../shared/known/stacks/random-hashes.js';
import { spawnTsxNearPairsWorker } from './tsx-near-pairs-worker.js';

describe('findNearPairsInThreads', () => {
  it('finds on two threads exactly the pairs one thread finds, and the same stacks', async () => {
    // 60 random hashes, each followed by a copy with 0–59 bits flipped: pairs on both sides of the threshold.
    const bases = seededBytes(6, 60 * 32);
    const hashes = Array.from({ length: 60 }, (_, k) => Array.from(new Uint32Array(bases.buffer, bases.byteOffset + k * 32, 8))).flatMap((hash, k) => [
      hash,
      flipBits(
        hash,
        Array.from({ length: k }, (_, b) => (b * 37) % 256),
      ),
    ]);
    const words = pack(hashes);
    const single: string[] = [];
    forEachNearPair(words, 40, (i, j) => single.push(`${i}-${j}`));
    const threaded = await findNearPairsInThreads(words, 40, spawnTsxNearPairsWorker, 2);
    const pairs = Array.from({ length: threaded.length / 2 }, (_, k) => `${threaded[2 * k]}-${threaded[2 * k + 1]}`);
    expect(single.length).toBeGreaterThan(0);
    expect(pairs.sort()).toEqual(single.sort());

    const items = hashes.map((pdq, at) => ({ sha256: String(at), pixels: at % 4, relativePath: `f${at}.jpg`, pdq, pdqQuality: 90 }));
    expect(await buildStacksInThreads(items, 40, spawnTsxNearPairsWorker)).toEqual(buildStacks(items, 40));
  });

  it("rejects with the search's reason for a threshold outside 0–63", async () => {
    await expect(findNearPairsInThreads(new Uint32Array(16), 64, spawnTsxNearPairsWorker)).rejects.toThrow(/0 to 63/);
  });
});
