import { describe, expect, it } from 'vitest';
import type { HashSetSummary } from '../../../../../shared/known/hash-set-contract.js';
import { pdqHexFromBits } from '../../../../../shared/known/pdq/hash-hex.js';
import { createCasePdq } from '../../../../../electron/services/known/case-pdq.js';
import { flipBits } from '../../../shared/known/stacks/random-hashes.js';

const BASE = [0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321, 0xdeadbeef, 0xcafebabe, 0x01234567, 0x89abcdef];
const SET: HashSetSummary = {
  setId: 1,
  name: 'Near set',
  sourceFileName: 'near.txt',
  scheme: 'custom',
  format: 'text',
  importedAtMs: 0,
  recordCount: 1,
  hashCounts: { md5: 0, sha1: 0, sha256: 0, pdq: 1 },
  enabled: true,
  badRecordCount: 0,
  badByReason: {},
};

describe('near matching of the open case follows the near-match distance setting', () => {
  it('matches a picture 20 bits from a set hash at the default 31, not once the setting is 10, at once', () => {
    const setting = { bits: 31 };
    const casePdq = createCasePdq({
      session: { summary: () => null, pdqCandidates: () => [], needsPdq: () => false, recordPdq: () => true, reportPdqProgress: () => undefined },
      pool: { runPdq: () => Promise.reject(new Error('not used')) },
      known: { listHashSets: () => [SET], pdqHashes: () => [{ pdq: pdqHexFromBits(Uint32Array.from(BASE)), quality: 100, category: null }] },
      nowMs: () => 0,
      thresholdBits: () => setting.bits,
    });
    const item = {
      hex: pdqHexFromBits(
        Uint32Array.from(
          flipBits(
            BASE,
            Array.from({ length: 20 }, (_, k) => k * 7),
          ),
        ),
      ),
      quality: 90,
    };
    expect(casePdq.matchNear(item)).toMatchObject({ type: 'near', setName: 'Near set', distance: 20 });
    setting.bits = 10;
    expect(casePdq.matchNear(item)).toBeNull();
  });
});
