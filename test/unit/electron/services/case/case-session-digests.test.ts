import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MediaItemSchema, type MediaItem } from '../../../../../shared/case/media-item.js';
import { pdqHexFromBits } from '../../../../../shared/known/pdq/hash-hex.js';
import { createCaseSession } from '../../../../../electron/services/case/case-session.js';
import { counterIds, steppingClock, writeManyFiles } from './case-fixture.js';

const NEAR_A = pdqHexFromBits(Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
const NEAR_B = pdqHexFromBits(Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 9]));

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'veil-session-digests-'));
  writeManyFiles(root, 12);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The digests of the file an item shows, read from disk now. */
function digestsOnDisk(item: MediaItem): { md5: string; sha1: string; sha256: string } {
  const content = readFileSync(path.join(root, ...item.relativePath.split('/')));
  const hex = (algorithm: string) => createHash(algorithm).update(content).digest('hex');
  return { md5: hex('md5'), sha1: hex('sha1'), sha256: hex('sha256') };
}

/**
 * What the renderer receives of an item: the Electron adapter sends results by structured clone,
 * the browser host as JSON. Neither keeps a getter or a private field, so an item that holds its
 * digests in the case's DigestTable would arrive without them (and fail the renderer's check).
 */
function asReceived(item: MediaItem): MediaItem[] {
  return [structuredClone(item), JSON.parse(JSON.stringify(item)) as unknown].map((received) => MediaItemSchema.parse(received));
}

describe('the items a case session hands out', () => {
  it('carry the digests and PDQ hash of their file across a structured clone and JSON, from every request that lists them', async () => {
    const session = createCaseSession({ idGenerator: counterIds('id'), nowMs: steppingClock(1).nowMs, emit: () => undefined });
    const { caseId } = await session.open(root);
    await session.whenIdle();
    const [first, second] = session.listItems(caseId, 0, 2).items as [MediaItem, MediaItem];
    expect(session.recordPdq(first.id, { hex: NEAR_A, quality: 90, widthPx: 10, heightPx: 10 })).toBe(true);
    expect(session.recordPdq(second.id, { hex: NEAR_B, quality: 90, widthPx: 20, heightPx: 20 })).toBe(true);

    const listed = session.listItems(caseId, 0, 100).items;
    const fetched = session.getItems(
      caseId,
      listed.map((item) => item.id),
    );
    const stacked = session.stackMembers(caseId, first.id).map((member) => member.item);
    expect(listed.length).toBeGreaterThan(2);
    expect(stacked.map((item) => item.id).sort()).toEqual([first.id, second.id].sort());
    const pdqOf = new Map([
      [first.id, NEAR_A],
      [second.id, NEAR_B],
    ]);
    for (const item of [...listed, ...fetched, ...stacked]) {
      for (const received of asReceived(item)) {
        expect(received).toMatchObject({ id: item.id, ...digestsOnDisk(item), pdq: pdqOf.get(item.id) ?? null });
      }
    }
  });
});
