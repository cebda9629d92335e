import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../../../shared/case/media-item.js';
import type { Notice } from '../../../../../shared/notices.js';
import { createCaseReferral } from '../../../../../electron/services/referral/case-referral.js';
import type { AuthorisationRow, ReferralMeta } from '../../../../../electron/services/workspace/workspace-authorisation-protocol.js';
import { mediaItemFixture } from '../../../../fixtures/media-item.js';
import { DEFAULT_REFERRAL_SETTINGS, type ReferralSettings } from '../../../../../shared/referral/referral-settings.js';

let unitSettings: ReferralSettings = DEFAULT_REFERRAL_SETTINGS;

let dir: string;
let caseRoot: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-case-referral-'));
  caseRoot = path.join(dir, 'Operation Test');
  await mkdir(caseRoot);
});
afterEach(async () => {
  unitSettings = DEFAULT_REFERRAL_SETTINGS;
  await rm(dir, { recursive: true, force: true });
});

/** Noon UTC on 7 December 2026: the authorisations below are dated days before. */
const NOW_MS = Date.UTC(2026, 11, 7, 12);
const HEADER = 'path,classification,annotations,provider viewed,publicly available';
const items: MediaItem[] = [
  mediaItemFixture({ id: 'item-1', relativePath: 'a.jpg' }),
  mediaItemFixture({ id: 'item-2', relativePath: 'b.jpg' }),
  mediaItemFixture({ id: 'item-3', relativePath: 'c.jpg' }),
];

/** A referral over an in-memory workspace that outlives it, as a case workspace outlives an open. */
function harness(rows: AuthorisationRow[] = [], meta: ReferralMeta = { chosenManifest: null, continuedWithout: null }) {
  const notices: Notice[] = [];
  let changes = 0;
  const referral = createCaseReferral({
    workspace: async () => ({
      appendAuthorisation: async (row) => void rows.push(row),
      listAuthorisations: async () => [...rows],
      readReferralMeta: async () => ({ ...meta }),
      writeReferralMeta: async (key, value) => void (key === 'referral.chosenManifest' ? (meta.chosenManifest = value) : (meta.continuedWithout = value)),
    }),
    userName: 'investigator',
    settings: () => unitSettings,
    nowMs: () => NOW_MS,
    notify: (notice) => notices.push(notice),
    onItemsChanged: () => (changes += 1),
    itemOf: (_caseId, itemId) => items.find((item) => item.id === itemId) ?? null,
  });
  return { referral, rows, meta, notices, changes: () => changes };
}

describe('a manifest that cannot be used, and one chosen at open', () => {
  it('locks every file of the case until the investigator continues without it, recorded with who and when, and asks again once the file changes', async () => {
    await writeFile(`${caseRoot}.referral.csv`, 'name,colour\nx,y\n');
    const first = harness();
    first.referral.caseOpened('case-1', caseRoot);
    await first.referral.settled();
    for (const item of items) {
      expect(first.referral.isLocked(item.id)).toBe(true);
      await expect(first.referral.isLockedOrCopy(item.id)).resolves.toBe(true);
      expect(first.referral.withReferral(item).referral).toMatchObject({ locked: true, manifestRefused: true });
    }
    await expect(first.referral.status('case-1')).resolves.toEqual({
      state: 'refused',
      manifestPath: `${caseRoot}.referral.csv`,
      chosen: false,
      reason: { code: 'referral-manifest-no-file-column', params: {} },
      continuedWithout: null,
    });
    // No authorisation opens a file the manifest said nothing about: it was refused.
    await expect(first.referral.authorise('case-1', 'item-1', { reference: 'W-1', dateIso: '2026-12-01' })).rejects.toMatchObject({
      reason: { code: 'referral-manifest-refused' },
    });
    expect(first.rows).toEqual([]);

    await expect(first.referral.continueWithout('case-1')).resolves.toMatchObject({
      state: 'continued-without',
      continuedWithout: { userName: 'investigator', atMs: NOW_MS },
    });
    expect(JSON.parse(first.meta.continuedWithout ?? 'null')).toMatchObject({
      manifestPath: `${caseRoot}.referral.csv`,
      userName: 'investigator',
      atMs: NOW_MS,
    });
    expect(first.referral.isLocked('item-1')).toBe(false);
    expect(first.referral.withReferral(items[0]!).referral).toBeUndefined();

    // The same file at the next open: the recorded choice holds.
    const reopened = harness([], first.meta);
    reopened.referral.caseOpened('case-2', caseRoot);
    await expect(reopened.referral.status('case-2')).resolves.toMatchObject({ state: 'continued-without' });
    expect(reopened.referral.isLocked('item-1')).toBe(false);
    // A changed file (still bad) is judged again: locked until the investigator decides again.
    await writeFile(`${caseRoot}.referral.csv`, 'name,colour,size\nx,y,z\n');
    const changed = harness([], first.meta);
    changed.referral.caseOpened('case-3', caseRoot);
    await expect(changed.referral.status('case-3')).resolves.toMatchObject({ state: 'refused' });
    expect(changed.referral.isLocked('item-1')).toBe(true);
  });

  it('locks the case when the workspace cannot record "continue without", and records nothing', async () => {
    await writeFile(`${caseRoot}.referral.json`, '{"version": 1, "files": [');
    const referral = createCaseReferral({
      workspace: async () => null,
      userName: 'investigator',
      settings: () => unitSettings,
      nowMs: () => NOW_MS,
      notify: () => undefined,
      onItemsChanged: () => undefined,
      itemOf: (_caseId, itemId) => items.find((item) => item.id === itemId) ?? null,
    });
    referral.caseOpened('case-1', caseRoot);
    await expect(referral.continueWithout('case-1')).rejects.toMatchObject({ reason: { code: 'referral-choice-not-recorded' } });
    expect(referral.isLocked('item-2')).toBe(true);
  });

  it('makes a picture asked for just before another case opens wait for that case’s manifest too, so its refused manifest locks it', async () => {
    const otherRoot = path.join(dir, 'Operation Other');
    await mkdir(otherRoot);
    await writeFile(`${otherRoot}.referral.csv`, 'name,colour\nx,y\n');
    let releaseMeta = (): void => undefined;
    const metaGate = new Promise<void>((resolve) => (releaseMeta = resolve));
    const referral = createCaseReferral({
      // The second case's workspace answers late: which manifest it uses is not known yet.
      workspace: async (caseId) => ({
        appendAuthorisation: async () => undefined,
        listAuthorisations: async () => [],
        readReferralMeta: async () => (caseId === 'case-2' && (await metaGate), { chosenManifest: null, continuedWithout: null }),
        writeReferralMeta: async () => undefined,
      }),
      userName: 'investigator',
      settings: () => unitSettings,
      nowMs: () => NOW_MS,
      notify: () => undefined,
      onItemsChanged: () => undefined,
      itemOf: (_caseId, itemId) => items.find((item) => item.id === itemId) ?? null,
    });
    referral.caseOpened('case-1', caseRoot);
    const waiting = referral.settled();
    referral.caseOpened('case-2', otherRoot);
    releaseMeta();
    await waiting;
    expect(referral.isLocked('item-1')).toBe(true);
  });

  it('reads a manifest chosen at open, remembers it in the workspace and reads it at the next open; a refused choice changes nothing', async () => {
    const chosenPath = path.join(dir, 'hotline', 'referral 2026-118.csv');
    await mkdir(path.dirname(chosenPath));
    await writeFile(chosenPath, `${HEADER}\nb.jpg,A1,,no,no\n`);
    await writeFile(path.join(dir, 'broken.csv'), 'name,colour\nx,y\n');
    const first = harness();
    first.referral.caseOpened('case-1', caseRoot);
    await expect(first.referral.status('case-1')).resolves.toMatchObject({ state: 'none', manifestPath: null });
    await expect(first.referral.choose('case-1', path.join(dir, 'broken.csv'))).rejects.toMatchObject({ reason: { code: 'referral-manifest-no-file-column' } });
    expect(first.meta.chosenManifest).toBeNull();
    // Read again at every open, so never from wherever Veil happens to run.
    await expect(first.referral.choose('case-1', path.relative(process.cwd(), chosenPath))).rejects.toMatchObject({
      reason: { code: 'referral-manifest-path-not-full' },
    });
    expect(first.meta.chosenManifest).toBeNull();
    await expect(first.referral.choose('case-1', chosenPath)).resolves.toMatchObject({ state: 'read', manifestPath: chosenPath, chosen: true });
    expect(first.meta.chosenManifest).toBe(chosenPath);
    expect(first.referral.isLocked('item-2')).toBe(true);
    expect(first.changes()).toBe(1);

    const reopened = harness([], first.meta);
    reopened.referral.caseOpened('case-2', caseRoot);
    await reopened.referral.settled();
    expect(reopened.referral.isLocked('item-2')).toBe(true);
    await expect(reopened.referral.status('case-2')).resolves.toMatchObject({ state: 'read', chosen: true });
  });
});

describe('the open case’s referral', () => {
  it('locks nothing when the unit turns the lock off, still saying what the referral says, and locks again when it is turned on', async () => {
    await writeFile(`${caseRoot}.referral.csv`, `${HEADER}\na.jpg,A1,infant,no,no\nb.jpg,B2,,no,no\n`);
    unitSettings = { ...DEFAULT_REFERRAL_SETTINGS, authorisationLock: false };
    const { referral, changes } = harness();
    referral.caseOpened('case-1', caseRoot);
    await referral.settled();
    expect(referral.isLocked('item-1')).toBe(false);
    await expect(referral.isLockedOrCopy('item-1')).resolves.toBe(false);
    // The forewarning's reading is still there: flagged, not locked.
    expect(referral.withReferral(items[0]!).referral).toMatchObject({ classification: 'A1', annotations: ['infant'], locked: false, authorised: false });
    const before = changes();
    unitSettings = DEFAULT_REFERRAL_SETTINGS;
    referral.settingsChanged();
    expect(changes()).toBe(before + 1);
    expect(referral.isLocked('item-1')).toBe(true);
  });

  it('holds an infant or A1 file to grey pictures and the strongest thumbnail, a B2 file to the strongest thumbnail only, as the unit set them', async () => {
    await writeFile(`${caseRoot}.referral.csv`, `${HEADER}\na.jpg,B1,infant,yes,no\nb.jpg,B2,,yes,no\n`);
    const { referral } = harness();
    referral.caseOpened('case-1', caseRoot);
    await referral.settled();
    expect(referral.floorFor('item-1')).toEqual({ strongestVeil: true, greyOnly: true });
    expect(referral.floorFor('item-2')).toEqual({ strongestVeil: true, greyOnly: false });
    expect(referral.floorFor('item-3')).toBeNull();
    unitSettings = { ...DEFAULT_REFERRAL_SETTINGS, flagProfiles: { B2: { noColourOnReveal: true, spotlightOnly: false } } };
    expect(referral.floorFor('item-1')).toEqual({ strongestVeil: true, greyOnly: false });
    expect(referral.floorFor('item-2')).toEqual({ strongestVeil: true, greyOnly: true });
  });

  it('locks an item nobody at the provider viewed and that was not public, warns of a classified one, and leaves the rest alone', async () => {
    await writeFile(`${caseRoot}.referral.csv`, `${HEADER}\na.jpg,A1,violence,no,no\nb.jpg,B2,,yes,no\n`);
    const { referral, notices, changes } = harness();
    referral.caseOpened('case-1', caseRoot);
    await referral.settled();
    expect(changes()).toBe(1);
    expect(notices).toEqual([]);
    expect(referral.isLocked('item-1')).toBe(true);
    expect(referral.withReferral(items[0]!).referral).toEqual({
      classification: 'A1',
      annotations: ['violence'],
      providerViewed: false,
      publiclyAvailable: false,
      locked: true,
      authorised: false,
    });
    expect(referral.isLocked('item-2')).toBe(false);
    expect(referral.withReferral(items[1]!).referral).toMatchObject({ classification: 'B2', locked: false });
    expect(referral.withReferral(items[2]!).referral).toBeUndefined();
  });

  it('records an authorisation append-only and re-applies it at the next open', async () => {
    await writeFile(`${caseRoot}.referral.csv`, `${HEADER}\na.jpg,A1,,no,no\n`);
    const first = harness();
    first.referral.caseOpened('case-1', caseRoot);
    const after = await first.referral.authorise('case-1', 'item-1', { reference: 'W-42', dateIso: '2026-12-01' });
    expect(after.referral).toMatchObject({ locked: false, authorised: true });
    expect(first.referral.isLocked('item-1')).toBe(false);
    expect(first.rows).toEqual([{ itemPath: 'a.jpg', reference: 'W-42', dateIso: '2026-12-01', userName: 'investigator', atMs: NOW_MS }]);
    // Asking again records nothing more.
    await first.referral.authorise('case-1', 'item-1', { reference: 'W-43', dateIso: '2026-12-02' });
    expect(first.rows).toHaveLength(1);

    const reopened = harness(first.rows);
    reopened.referral.caseOpened('case-2', caseRoot);
    await reopened.referral.settled();
    // Applied once the workspace is read, after the manifest: locked until then.
    await expect.poll(() => reopened.referral.isLocked('item-1')).toBe(false);
    expect(reopened.referral.withReferral(items[0]!).referral).toMatchObject({ locked: false, authorised: true });
  });

  it('refuses an authorisation dated in the future or before 1990, recording nothing and keeping the file locked', async () => {
    await writeFile(`${caseRoot}.referral.csv`, `${HEADER}\na.jpg,A1,,no,no\n`);
    const { referral, rows } = harness();
    referral.caseOpened('case-1', caseRoot);
    for (const dateIso of ['2027-12-01', '0026-12-01', '1926-12-01'])
      await expect(referral.authorise('case-1', 'item-1', { reference: 'W-42', dateIso })).rejects.toMatchObject({
        reason: { code: 'referral-authorisation-date-invalid' },
      });
    expect(rows).toEqual([]);
    await referral.settled();
    expect(referral.isLocked('item-1')).toBe(true);
    // Today (and tomorrow, for a time zone ahead of UTC) is a real date.
    await expect(referral.authorise('case-1', 'item-1', { reference: 'W-42', dateIso: '2026-12-08' })).resolves.toMatchObject({
      referral: { locked: false, authorised: true },
    });
  });

  it('keeps a reopened case’s items locked until its recorded authorisations are read', async () => {
    await writeFile(`${caseRoot}.referral.csv`, `${HEADER}\na.jpg,A1,,no,no\n`);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const referral = createCaseReferral({
      workspace: async () => ({
        appendAuthorisation: async () => undefined,
        listAuthorisations: async () => {
          await gate;
          return [{ itemPath: 'a.jpg', reference: 'W-42', dateIso: '2026-12-01', userName: 'investigator', atMs: NOW_MS }];
        },
        readReferralMeta: async () => ({ chosenManifest: null, continuedWithout: null }),
        writeReferralMeta: async () => undefined,
      }),
      userName: 'investigator',
      settings: () => unitSettings,
      nowMs: () => NOW_MS,
      notify: () => undefined,
      onItemsChanged: () => undefined,
      itemOf: (_caseId, itemId) => items.find((item) => item.id === itemId) ?? null,
    });
    referral.caseOpened('case-1', caseRoot);
    await referral.settled();
    expect(referral.isLocked('item-1')).toBe(true);
    release();
    await expect.poll(() => referral.isLocked('item-1')).toBe(false);
  });

  it('locks an identical copy of a file locked by path alone before the import reaches that file, and not a different file of the same size', async () => {
    await writeFile(`${caseRoot}.referral.csv`, `${HEADER}\nlater/b.jpg,A1,,no,no\n`);
    await mkdir(path.join(caseRoot, 'later'));
    await writeFile(path.join(caseRoot, 'later', 'b.jpg'), 'locked bytes');
    const sha256 = createHash('sha256').update('locked bytes').digest('hex');
    // The copy walked first is the item; the locked path is not among its copies yet.
    const copy = mediaItemFixture({ id: 'copy', relativePath: 'a.jpg', sizeBytes: 12, sha256 });
    const other = mediaItemFixture({ id: 'other', relativePath: 'c.jpg', sizeBytes: 12, sha256: createHash('sha256').update('other bytes!').digest('hex') });
    const referral = createCaseReferral({
      workspace: async () => null,
      userName: 'investigator',
      settings: () => unitSettings,
      nowMs: () => NOW_MS,
      notify: () => undefined,
      onItemsChanged: () => undefined,
      itemOf: (_caseId, itemId) => [copy, other].find((item) => item.id === itemId) ?? null,
    });
    referral.caseOpened('case-1', caseRoot);
    await referral.settled();
    expect(await referral.isLockedOrCopy('copy')).toBe(true);
    expect(await referral.isLockedOrCopy('other')).toBe(false);
  });

  it('opens the case locked, not unlocked, when the manifest cannot be read, and counts the rows left out of one that can', async () => {
    await writeFile(`${caseRoot}.referral.csv`, 'name,colour\nx,y\n');
    const broken = harness();
    broken.referral.caseOpened('case-1', caseRoot);
    await broken.referral.settled();
    expect(broken.referral.isLocked('item-3')).toBe(true);
    // Its status says why (the header's banner), not a notice that would outlive the choice.
    expect(broken.notices).toEqual([]);

    await writeFile(`${caseRoot}.referral.csv`, `${HEADER}\na.jpg,A1,,no,no\n../x.jpg,A1,,no,no\nb.jpg,Z9,,no,no\n`);
    const partly = harness();
    partly.referral.caseOpened('case-2', caseRoot);
    await partly.referral.settled();
    expect(partly.referral.isLocked('item-1')).toBe(true);
    expect(partly.notices).toEqual([expect.objectContaining({ code: 'referral-manifest-rows-left-out', detail: expect.stringContaining('2 bad rows') })]);
  });

  it('locks nothing without the two columns that say who saw a file, and nothing when there is no manifest', async () => {
    await writeFile(`${caseRoot}.referral.csv`, 'path,classification\na.jpg,A1\n');
    const noColumns = harness();
    noColumns.referral.caseOpened('case-1', caseRoot);
    await noColumns.referral.settled();
    expect(noColumns.referral.isLocked('item-1')).toBe(false);
    expect(noColumns.referral.withReferral(items[0]!).referral).toMatchObject({ classification: 'A1', locked: false });

    await rm(`${caseRoot}.referral.csv`);
    const none = harness();
    none.referral.caseOpened('case-2', caseRoot);
    await none.referral.settled();
    expect(none.referral.withReferral(items[0]!)).toEqual(items[0]);
    expect(none.notices).toEqual([]);
  });
});
