import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../../../shared/case/case-summary.js';
import type { MediaItem } from '../../../../../shared/case/media-item.js';
import { pdqHexFromBits } from '../../../../../shared/known/pdq/hash-hex.js';
import { createCaseSession } from '../../../../../electron/services/case/case-session.js';
import { counterIds, steppingClock, writeManyFiles } from './case-fixture.js';
import { flipBits } from '../../../shared/known/stacks/random-hashes.js';

const BASE = [0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321, 0xdeadbeef, 0xcafebabe, 0x01234567, 0x89abcdef];
const hexOf = (words: readonly number[]) => pdqHexFromBits(Uint32Array.from(words));
const FILE_COUNT = 30;

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'veil-near-stacks-'));
  // 30 files, of which 3 are identical to others: 27 items.
  writeManyFiles(root, FILE_COUNT);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function openCase(thresholdBits: { current: number } = { current: 31 }, knownSha256: string | null = null) {
  const listVersions: number[] = [];
  const session = createCaseSession({
    idGenerator: counterIds('id'),
    nowMs: steppingClock(1).nowMs,
    emit: (name, payload) => {
      if (name === 'caseChanged' && 'listVersion' in payload) listVersions.push(payload.listVersion);
    },
    nearThresholdBits: () => thresholdBits.current,
    matchKnown: (digests) =>
      digests.sha256 === knownSha256 ? { type: 'known', setId: 1, setName: 'Unit set', scheme: 'vic-us', category: '1', matchedBy: 'sha256' } : null,
  });
  const { caseId } = await session.open(root);
  await session.whenIdle();
  const items = session.listItems(caseId, 0, 100).items;
  const summary = () => session.summary()!;
  const view = (name: 'to-review' | 'duplicates' | 'all') => session.listItems(caseId, 0, 100, name).items.map((item) => item.relativePath);
  return { session, caseId, items, summary, view, listVersions };
}

const files = (items: readonly MediaItem[]) => items.reduce((sum, item) => sum + 1 + item.duplicatePaths.length, 0);

function expectCountsAddUp(summary: CaseSummary): void {
  expect(summary.toReviewCount + summary.knownCount + summary.nearCopyCount).toBe(summary.itemCount);
  expect(summary.toReviewCount + summary.knownCount + summary.nearCopyCount + summary.duplicateCount).toBe(FILE_COUNT);
}

describe('near-duplicate stacks in the open case', () => {
  it('stacks items whose PDQ hashes are within the threshold as they arrive, showing each stack once to review with every file counted', async () => {
    const { session, caseId, items, summary, view } = await openCase();
    const [first, second, third, far, flat] = items as [MediaItem, MediaItem, MediaItem, MediaItem, MediaItem];
    expect(summary().toReviewCount).toBe(27);

    const before = summary().listVersion;
    session.recordPdq(first.id, { hex: hexOf(BASE), quality: 90 });
    session.recordPdq(far.id, { hex: hexOf(BASE.map((word) => ~word >>> 0)), quality: 90 });
    // Close enough, but too flat a picture for its hash to mean anything: never stacked.
    session.recordPdq(flat.id, { hex: hexOf(BASE), quality: 40 });
    expect(summary().listVersion).toBe(before);
    session.recordPdq(second.id, { hex: hexOf(flipBits(BASE, [0, 1, 2, 3, 4])), quality: 90 });
    expect(summary().listVersion).toBeGreaterThan(before);
    // 20 bits from the first and 25 from the second: joins through either.
    session.recordPdq(third.id, {
      hex: hexOf(
        flipBits(
          BASE,
          Array.from({ length: 20 }, (_, k) => 100 + k),
        ),
      ),
      quality: 90,
    });

    const stack = [first, second, third];
    const members = session.stackMembers(caseId, second.id);
    expect(members.map((member) => member.item.relativePath).sort()).toEqual(stack.map((item) => item.relativePath).sort());
    const representative = members[0]!.item;
    expect(members[0]!.distanceBits).toBe(0);
    expect(members.every((member) => member.item.stackId === representative.id && member.item.stackSize === files(stack))).toBe(true);
    expect(session.stackMembers(caseId, far.id)).toEqual([]);

    const toReview = view('to-review');
    expect(toReview).toContain(representative.relativePath);
    for (const other of stack.filter((item) => item.id !== representative.id)) expect(toReview).not.toContain(other.relativePath);
    expect(toReview).toHaveLength(25);
    expect(view('duplicates')).toContain(representative.relativePath);
    expect(view('all')).toHaveLength(27);
    expect(summary()).toMatchObject({ toReviewCount: 25, nearCopyCount: 2, knownCount: 0 });
    expectCountsAddUp(summary());
  });

  it('makes the stacks again when the distance setting changes: a lower one finds fewer, closer copies', async () => {
    const thresholdBits = { current: 31 };
    const { session, caseId, items, summary } = await openCase(thresholdBits);
    const [first, second, third] = items as [MediaItem, MediaItem, MediaItem];
    session.recordPdq(first.id, { hex: hexOf(BASE), quality: 90 });
    session.recordPdq(second.id, { hex: hexOf(flipBits(BASE, [0, 1, 2, 3, 4])), quality: 90 });
    session.recordPdq(third.id, {
      hex: hexOf(
        flipBits(
          BASE,
          Array.from({ length: 20 }, (_, k) => 100 + k),
        ),
      ),
      quality: 90,
    });
    expect(session.stackMembers(caseId, first.id)).toHaveLength(3);

    const before = summary().listVersion;
    thresholdBits.current = 10;
    session.restack();
    expect(summary().listVersion).toBeGreaterThan(before);
    expect(
      session
        .stackMembers(caseId, first.id)
        .map((member) => member.item.id)
        .sort(),
    ).toEqual([first.id, second.id].sort());
    expect(session.stackMembers(caseId, third.id)).toEqual([]);
    const [third2] = session.getItems(caseId, [third.id]);
    expect(third2).toMatchObject({ stackId: third.id, stackSize: 1 + third.duplicatePaths.length });
    expect(summary()).toMatchObject({ nearCopyCount: 1, toReviewCount: 26 });
    expectCountsAddUp(summary());
  });

  it('never lets a known item represent its stack: its near copies are reviewed through another member, and it is counted as known', async () => {
    const probe = await openCase();
    const knownSha256 = probe.items[0]!.sha256;
    const { session, caseId, items, summary, view } = await openCase({ current: 31 }, knownSha256);
    const [known, copy] = items as [MediaItem, MediaItem];
    expect(known.match?.type).toBe('known');
    // First in the case order with a file as large, the known item would otherwise represent the stack.
    session.recordPdq(known.id, { hex: hexOf(BASE), quality: 90 });
    session.recordPdq(copy.id, { hex: hexOf(flipBits(BASE, [9])), quality: 90 });
    expect(session.stackMembers(caseId, known.id)[0]!.item.id).toBe(copy.id);
    expect(view('to-review')).toContain(copy.relativePath);
    expect(summary()).toMatchObject({ knownCount: 1, nearCopyCount: 0, toReviewCount: 26 });
    expectCountsAddUp(summary());
  });

  it('lets the largest picture in pixels represent its stack, moving the representative when a larger copy arrives, with views and counts following', async () => {
    const { session, caseId, items, summary, view } = await openCase();
    // Files of about the same weight: only the pictures' sizes tell the original from its re-saves.
    const [small, large, mid] = items.filter((item) => item.duplicatePaths.length === 0) as [MediaItem, MediaItem, MediaItem];
    session.recordPdq(small.id, { hex: hexOf(BASE), quality: 90, widthPx: 640, heightPx: 480 });
    session.recordPdq(mid.id, { hex: hexOf(flipBits(BASE, [1, 2])), quality: 90, widthPx: 1600, heightPx: 1200 });
    expect(session.stackMembers(caseId, small.id)[0]!.item.id).toBe(mid.id);
    expect(view('to-review')).toContain(mid.relativePath);
    expect(view('to-review')).not.toContain(small.relativePath);
    const reviewedBefore = summary().toReviewCount;

    const versionBefore = summary().listVersion;
    session.recordPdq(large.id, { hex: hexOf(flipBits(BASE, [3])), quality: 90, widthPx: 4000, heightPx: 3000 });
    expect(summary().listVersion).toBeGreaterThan(versionBefore);
    const members = session.stackMembers(caseId, mid.id);
    expect(members.map((member) => member.item.id)).toEqual([
      large.id,
      ...[small.id, mid.id].sort((a, b) => items.findIndex((i) => i.id === a) - items.findIndex((i) => i.id === b)),
    ]);
    expect(members[0]!.item).toMatchObject({ widthPx: 4000, heightPx: 3000 });
    const toReview = view('to-review');
    expect(toReview).toContain(large.relativePath);
    expect(toReview.filter((relativePath) => [small, mid, large].some((item) => item.relativePath === relativePath))).toEqual([large.relativePath]);
    for (const item of session.getItems(caseId, [small.id, mid.id, large.id])) expect(item).toMatchObject({ stackId: large.id, stackSize: 3 });
    // One more file joined the stack, and the stack is still reviewed once.
    expect(summary()).toMatchObject({ toReviewCount: reviewedBefore - 1, nearCopyCount: 2 });
    expect(summary().toReviewCount).toBe(toReview.length);
    expectCountsAddUp(summary());
  });

  it('tells the renderer of growing stacks at most twice a second, and the next summary carries every change', async () => {
    const { session, items, summary, listVersions } = await openCase();
    const told = listVersions.length;
    for (const [at, item] of items.slice(0, 6).entries()) session.recordPdq(item.id, { hex: hexOf(flipBits(BASE, [at])), quality: 90 });
    // The clock moves 1 ms per read: only the first growth within the half second is told at once.
    expect(listVersions.length).toBe(told + 1);
    expect(summary().listVersion).toBeGreaterThan(listVersions.at(-1)!);
    expect(summary()).toMatchObject({ nearCopyCount: 5 });
  });

  it('says when the PDQ pass has gone through every picture, so the case’s near copies can be counted as spared', async () => {
    const ended: string[] = [];
    const session = createCaseSession({
      idGenerator: counterIds('id'),
      nowMs: steppingClock(1).nowMs,
      emit: () => undefined,
      onPdqPassEnded: (id) => ended.push(id),
    });
    const { caseId } = await session.open(root);
    await session.whenIdle();
    session.reportPdqProgress(caseId, { doneCount: 3, totalCount: 27 });
    session.reportPdqProgress('another-case-0001', { doneCount: 27, totalCount: 27 });
    expect(ended).toEqual([]);
    session.reportPdqProgress(caseId, { doneCount: 27, totalCount: 27 });
    expect(ended).toEqual([caseId]);
  });
});
