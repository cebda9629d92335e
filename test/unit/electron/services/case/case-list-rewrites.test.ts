import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseSession } from '../../../../../electron/services/case/case-session.js';
import { counterIds, steppingClock, writeManyFiles } from './case-fixture.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'veil-case-rewrites-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function sessionWith(listVersionOffset: () => number = () => 0) {
  return createCaseSession({ idGenerator: counterIds('id'), nowMs: steppingClock(1).nowMs, emit: () => undefined, listVersionOffset });
}

// The review counts only the items appended while this stands still (case-review.ts), so it must move at every other change.
describe("the open case's list rewrites", () => {
  it('stay put while an import only appends distinct files, though the list version moves with each', async () => {
    mkdirSync(path.join(root, 'photos'));
    for (let index = 0; index < 12; index += 1)
      writeFileSync(path.join(root, 'photos', `p${index}.png`), Buffer.concat([PNG_SIGNATURE, Buffer.from(`distinct ${index}`)]));
    const session = sessionWith();
    const { caseId } = await session.open(root);
    await session.whenIdle();
    expect(session.summary()?.itemCount).toBe(12);
    expect(session.summary()?.listVersion).toBeGreaterThan(0);
    expect(session.listRewrites(caseId)).toBe(0);
    expect(session.listRewrites('another-case-id')).toBeNull();
  });

  it('move when a copy is folded into an item already listed, and when the referral changes items', async () => {
    // The last three files are copies of the first three.
    writeManyFiles(root, 20);
    let referralVersion = 0;
    const session = sessionWith(() => referralVersion);
    const { caseId } = await session.open(root);
    await session.whenIdle();
    const afterImport = session.listRewrites(caseId) ?? 0;
    expect(afterImport).toBeGreaterThanOrEqual(3);
    referralVersion += 1;
    expect(session.listRewrites(caseId)).toBe(afterImport + 1);
  });
});
