import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseSession } from '../../../../../electron/services/case/case-session.js';
import type { CaseWorkspace } from '../../../../../electron/services/workspace/workspace-client.js';
import { pdqHexFromBits } from '../../../../../shared/known/pdq/hash-hex.js';
import { flipBits } from '../../../shared/known/stacks/random-hashes.js';
import { openForTest } from '../../../workspace/workspace-harness.js';
import { counterIds, steppingClock, writeManyFiles } from './case-fixture.js';

const BASE = [0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321, 0xdeadbeef, 0xcafebabe, 0x01234567, 0x89abcdef];
const hexOf = (words: readonly number[]) => pdqHexFromBits(Uint32Array.from(words));

let parent: string;
let root: string;
let workspace: CaseWorkspace | null = null;
beforeEach(() => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'veil-reopen-stacks-'));
  root = path.join(parent, 'case');
  writeManyFiles(root, 12);
});
afterEach(async () => {
  await workspace?.close();
  rmSync(parent, { recursive: true, force: true });
});

async function openCase(shared: CaseWorkspace) {
  const session = createCaseSession({ idGenerator: counterIds('id'), nowMs: steppingClock(1).nowMs, emit: () => undefined, caseWorkspace: async () => shared });
  const { caseId } = await session.open(root);
  await session.whenIdle();
  return { session, caseId, items: session.listItems(caseId, 0, 100, 'all').items };
}

describe('near stacks of a reopened case', () => {
  it('form again from the PDQ hashes kept in the workspace, without hashing the pictures again', async () => {
    workspace = await openForTest(path.join(parent, 'case.veil-case.sqlite'));
    const first = await openCase(workspace);
    // Two pictures without exact copies, so every file a stack counts is one of them.
    const [a, b] = first.items.filter((item) => item.duplicatePaths.length === 0);
    if (!a || !b) throw new Error('the case has fewer than two items');
    first.session.recordPdq(a.id, { hex: hexOf(BASE), quality: 90 });
    first.session.recordPdq(b.id, { hex: hexOf(flipBits(BASE, [0, 1, 2, 3, 4])), quality: 90 });
    // Waits for the import and for the hashes' workspace writes.
    await first.session.whenIdle();
    const stackedFirst = first.session.listItems(first.caseId, 0, 100, 'all').items.filter((item) => item.stackId === a.stackId || item.stackId === b.stackId);
    expect(stackedFirst.map((item) => item.relativePath).sort()).toEqual([a.relativePath, b.relativePath].sort());

    const second = await openCase(workspace);
    const again = (relativePath: string) => second.items.find((item) => item.relativePath === relativePath);
    expect(again(a.relativePath)?.pdq).toBe(hexOf(BASE));
    expect(again(a.relativePath)?.stackId).toBe(again(b.relativePath)?.stackId);
    expect(again(a.relativePath)?.stackSize).toBe(2);
    expect(second.session.summary()?.nearCopyCount).toBe(1);
  });

  it('keeps each picture’s size, so the same, largest picture represents its stack after a reopen without decoding anything', async () => {
    workspace = await openForTest(path.join(parent, 'case.veil-case.sqlite'));
    const first = await openCase(workspace);
    const [a, b] = first.items.filter((item) => item.duplicatePaths.length === 0);
    if (!a || !b) throw new Error('the case has fewer than two items');
    // The second in the case's order is the larger picture: it represents, whatever the files weigh.
    first.session.recordPdq(a.id, { hex: hexOf(BASE), quality: 90, widthPx: 800, heightPx: 600 });
    first.session.recordPdq(b.id, { hex: hexOf(flipBits(BASE, [7])), quality: 90, widthPx: 3000, heightPx: 2000 });
    expect(first.session.stackMembers(first.caseId, a.id)[0]!.item.id).toBe(b.id);
    await first.session.whenIdle();

    const second = await openCase(workspace);
    const again = (relativePath: string) => second.items.find((item) => item.relativePath === relativePath)!;
    expect(again(a.relativePath)).toMatchObject({ widthPx: 800, heightPx: 600 });
    expect(again(b.relativePath)).toMatchObject({ widthPx: 3000, heightPx: 2000 });
    expect(again(a.relativePath).stackId).toBe(again(b.relativePath).id);
    // Nothing needs a hash again, so nothing is decoded again.
    expect(second.session.pdqCandidates().map((candidate) => candidate.itemId)).not.toContain(again(b.relativePath).id);
    expect(second.session.listItems(second.caseId, 0, 100, 'to-review').items.map((item) => item.relativePath)).toContain(b.relativePath);
  });

  it('hashes a picture again when its kept hash has no size (a workspace from before version 4), and its stack then takes the largest picture', async () => {
    workspace = await openForTest(path.join(parent, 'case.veil-case.sqlite'));
    const first = await openCase(workspace);
    const [a, b] = first.items.filter((item) => item.duplicatePaths.length === 0);
    if (!a || !b) throw new Error('the case has fewer than two items');
    // Hashes without sizes, as rows kept before version 4 hold them.
    first.session.recordPdq(a.id, { hex: hexOf(BASE), quality: 90 });
    first.session.recordPdq(b.id, { hex: hexOf(flipBits(BASE, [7])), quality: 90 });
    await first.session.whenIdle();

    const second = await openCase(workspace);
    const again = (relativePath: string) => second.items.find((item) => item.relativePath === relativePath)!;
    const [aAgain, bAgain] = [again(a.relativePath), again(b.relativePath)];
    expect(aAgain.stackId).toBe(bAgain.stackId);
    expect(second.session.pdqCandidates().map((candidate) => candidate.itemId)).toEqual(expect.arrayContaining([aAgain.id, bAgain.id]));
    // The one not representing now (by file size or name) is the larger picture: once both sizes are known, it represents.
    const [representative, other] = aAgain.stackId === aAgain.id ? [aAgain, bAgain] : [bAgain, aAgain];
    second.session.recordPdq(representative.id, { hex: representative.pdq!, quality: 90, widthPx: 800, heightPx: 600 });
    second.session.recordPdq(other.id, { hex: other.pdq!, quality: 90, widthPx: 3000, heightPx: 2000 });
    const listed = second.session.listItems(second.caseId, 0, 100, 'all').items;
    expect(listed.find((item) => item.id === representative.id)?.stackId).toBe(other.id);
    expect(second.session.listItems(second.caseId, 0, 100, 'to-review').items.map((item) => item.id)).toContain(other.id);
    expect(second.session.pdqCandidates().map((candidate) => candidate.itemId)).not.toEqual(expect.arrayContaining([representative.id]));
    expect(second.session.pdqCandidates().map((candidate) => candidate.itemId)).not.toEqual(expect.arrayContaining([other.id]));
  });
});
