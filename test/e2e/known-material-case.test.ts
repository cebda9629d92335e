import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../shared/contract.js';
import { sparedCounts } from '../../shared/exposure/exposure-avoided.js';
import { TOKEN_QUERY_PARAM } from '../../shared/host-routes.js';
import type { MediaItem } from '../../shared/case/media-item.js';
import { makeStill } from '../fixtures/synthetic-media.js';
import { launchChromium } from './browser.js';
import { openHeaderMenu } from './header-menu.js';
import { startTestHost, waitUntil, type RunningTestHost } from './host-process.js';
import { openRecordingPage, saveScreenshot, type SeenMedia } from './page-session.js';
import { SETTLE } from './settle.js';

const PICTURES = 10;
/** Pictures 0–3 are in the unit's hash set (40 %): 0 and 1 by MD5, 2 by SHA-1, 3 by both. */
const KNOWN = new Set([0, 1, 2, 3]);
const nameOf = (index: number) => `photo ${String(index).padStart(2, '0')}.png`;

/**
 * A case where 40 % of the pictures are already known (a generated VICS set) and two
 * files are copies (one of a known picture, one of an unknown one), opened in Chromium
 * through the browser host: no known picture's pixels may reach the browser.
 */
describe('known material in a case, in Chromium through the browser host', () => {
  let root: string;
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  let media: SeenMedia[];
  let caseId: string;
  let items: MediaItem[];
  let weekBefore: { knownCount: number; duplicateCount: number; nearCopyCount: number; files: number };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'veil-known-case-'));
    const caseDir = join(root, 'case');
    mkdirSync(join(caseDir, 'copies'), { recursive: true });
    const digests: { md5: string; sha1: string }[] = [];
    for (let index = 0; index < PICTURES; index += 1) {
      const bytes = await makeStill({ widthPx: 320, heightPx: 240, pattern: index % 2 ? 'shapes' : 'gradient', seed: 600 + index, label: `K${index}` }, 'png');
      writeFileSync(join(caseDir, nameOf(index)), bytes);
      // A re-encoded, smaller copy of an unknown picture: other bytes, nearly the same picture.
      if (index === 7) writeFileSync(join(caseDir, 'copies', 'photo 07 small.jpg'), await sharp(bytes).resize(200).jpeg({ quality: 70 }).toBuffer());
      if (index === 1 || index === 5) writeFileSync(join(caseDir, 'copies', nameOf(index)), bytes);
      digests.push({ md5: createHash('md5').update(bytes).digest('hex'), sha1: createHash('sha1').update(bytes).digest('hex') });
    }
    const vicsMedia = [...KNOWN].map((index) => {
      const { md5, sha1 } = digests[index] ?? { md5: '', sha1: '' };
      const hashes = index === 2 ? { SHA1: sha1.toUpperCase() } : index === 3 ? { MD5: md5, SHA1: sha1 } : { MD5: md5 };
      return { MediaID: index + 1, Category: index === 0 ? 2 : 1, ...hashes };
    });
    const setFile = join(root, 'unit-set.json');
    writeFileSync(setFile, JSON.stringify({ 'odata.metadata': 'https://example.invalid/$metadata#Cases', value: [{ CaseID: 1, Media: vicsMedia }] }));

    host = await startTestHost();
    // The host opens the demo case first (its data folder is new, so the week holds only that
    // import). Its record is written just after its phase turns 'done', and again with its near
    // copies once its PDQ pass has gone through every picture: wait for that record itself.
    const demo = await waitUntil(
      async () => requests.getCase.result.parse(await host.call('getCase', {})),
      (summary) =>
        summary !== null &&
        summary.import.phase !== 'scanning' &&
        (summary.import.phase !== 'done' || (summary.pdqProgress !== null && summary.pdqProgress.doneCount === summary.pdqProgress.totalCount)),
    );
    const demoSpared = demo?.import.phase === 'done' ? sparedCounts(demo) : { knownCount: 0, duplicateCount: 0, nearCopyCount: 0 };
    weekBefore = await waitUntil(
      async () => requests.getMyExposure.result.parse(await host.call('getMyExposure', {})).avoided,
      (week) =>
        week.knownCount === demoSpared.knownCount && week.duplicateCount === demoSpared.duplicateCount && week.nearCopyCount === demoSpared.nearCopyCount,
    );
    const imported = requests.importHashSet.result.parse(await host.call('importHashSet', { filePath: setFile, name: 'Unit set', scheme: 'vic-us' }));
    expect(imported).toMatchObject({ outcome: 'imported', set: { recordCount: KNOWN.size } });
    const opened = requests.openCase.result.parse(await host.call('openCase', { folderPath: caseDir }));
    caseId = opened?.caseId ?? '';
    await waitUntil(
      async () => requests.getCase.result.parse(await host.call('getCase', {}))?.import.phase,
      (phase) => phase === 'done',
    );
    // Near stacks form as PDQ hashes arrive: the page opens on the case once they all have.
    await waitUntil(
      async () => requests.getCase.result.parse(await host.call('getCase', {}))?.pdqProgress,
      (progress) => progress !== null && progress !== undefined && progress.doneCount === progress.totalCount,
    );
    items = requests.listItems.result.parse(await host.call('listItems', { caseId, offset: 0, limit: 100, view: 'all' })).items;
    browser = await launchChromium();
    ({ page, media } = await openRecordingPage(browser, host.url));
    await page.getByRole('grid', { name: 'Case media' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const idsOf = (indexes: (index: number) => boolean) => items.filter((item) => indexes(Number(/photo (\d+)/.exec(item.name)?.[1]))).map((item) => item.id);

  it('shows the grid as the review queue: the unknown pictures only, a near copy once with its original, known ones as words when asked for, in English and French', async () => {
    const grid = page.getByRole('grid', { name: 'Case media' });
    const show = page.getByRole('group', { name: 'Show' });
    await expect.poll(() => grid.getByRole('gridcell').count(), SETTLE).toBe(6);
    const cellNames = await grid.getByRole('gridcell').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? ''));
    for (const index of KNOWN) expect(cellNames.some((name) => name.includes(nameOf(index)))).toBe(false);
    // The resized copy and its original are one stack, shown once by the larger file, with its count.
    expect(cellNames.some((name) => name.includes('photo 07 small.jpg'))).toBe(false);
    expect(cellNames.find((name) => name.includes(nameOf(7)))).toContain('2 copies');
    await expect.poll(() => page.getByRole('banner').textContent(), SETTLE).toContain('13 items · 4 known · 2 duplicates · 1 near copy · 6 to review');
    await expect
      .poll(() => page.locator('.import-outcome').textContent(), SETTLE)
      .toBe('Import complete: 13 files found: 6 shown, 4 known, not shown, 1 near copy, listed in its stack, 2 identical copies, listed on their tiles.');
    await saveScreenshot(page, 'known-to-review-en');

    await show.getByRole('radio', { name: /^Known/ }).check();
    await expect.poll(() => grid.getByRole('gridcell').count(), SETTLE).toBe(4);
    await expect.poll(() => grid.getByText('Known — category 1, CAM — Unit set').count(), SETTLE).toBe(3);
    // Four known tiles are there (above), every one words only: no picture element at all.
    await expect.poll(() => grid.locator('.tile-known').count(), SETTLE).toBe(4);
    await expect.poll(() => grid.locator('img').count(), SETTLE).toBe(0);
    await saveScreenshot(page, 'known-tiles-en');
    const knownIds = new Set(idsOf((index) => KNOWN.has(index)));
    expect(media.filter((seen) => knownIds.has(seen.url.pathname.split('/')[2] ?? ''))).toEqual([]);
    await show.getByRole('radio', { name: /^To review/ }).check();

    await host.call('updateSettings', { language: 'fr-CA' });
    await expect
      .poll(() => page.getByRole('banner').textContent(), SETTLE)
      .toMatch(/13\séléments · 4\sconnus · 2\sdoublons · 1\scopie proche · 6\sà examiner/u);
    await expect(
      page
        .getByRole('group', { name: 'Afficher' })
        .getByRole('radio', { name: /^À examiner/ })
        .isChecked(),
    ).resolves.toBe(true);
    await saveScreenshot(page, 'known-to-review-fr');
    await host.call('updateSettings', { language: 'en' });
    await expect.poll(() => page.getByRole('group', { name: 'Show' }).count(), SETTLE).toBe(1);
  });

  it('shows exposure avoided: the 4 known files, 2 identical copies and 1 near copy spared, beside the counts and in My exposure for the week', async () => {
    // No item has been viewed in this fresh data folder, so there is a count but no time estimate.
    await expect.poll(() => page.locator('.case-avoided').textContent(), SETTLE).toMatch(/^Files spared: 7 \(no time estimate yet\)/);
    // The near copy is counted for the week too, once the case's PDQ pass has ended and written its counts again:
    // the case line counts it as soon as its stack forms, which may come a moment before.
    const files = weekBefore.files + 7;
    await expect
      .poll(async () => requests.getMyExposure.result.parse(await host.call('getMyExposure', {})).avoided, SETTLE)
      .toMatchObject({
        knownCount: weekBefore.knownCount + 4,
        duplicateCount: weekBefore.duplicateCount + 2,
        nearCopyCount: weekBefore.nearCopyCount + 1,
        files,
        estimateMs: null,
      });
    await openHeaderMenu(page);
    await page.getByRole('button', { name: 'My exposure' }).click();
    const region = page.getByRole('dialog', { name: 'My exposure' }).getByRole('region', { name: 'Exposure avoided this week' });
    await expect.poll(() => region.textContent(), SETTLE).toContain(`${files} files not shown`);
    await saveScreenshot(page, 'exposure-avoided-en');
    await page.getByRole('dialog', { name: 'My exposure' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog', { name: 'My exposure' }).waitFor({ state: 'detached' });
  });

  it("lists a near stack's files as words in the viewer, with thumbnails of near copies only on request", async () => {
    await page
      .getByRole('grid', { name: 'Case media' })
      .getByRole('gridcell', { name: new RegExp(`^${nameOf(7)}`) })
      .focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: 'This stack holds 2 files:' });
    await expect.poll(() => list.textContent(), SETTLE).toMatch(/photo 07 small\.jpg — near copy \(distance \d+\)/);
    // Drawn in the same render as the list if they were shown without asking.
    await expect.poll(() => page.getByRole('img', { name: /^Veiled thumbnail of/ }).count(), SETTLE).toBe(0);
    await saveScreenshot(page, 'stack-members-en');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByRole('grid', { name: 'Case media' }).count(), SETTLE).toBe(1);
  });

  it('matches by MD5 or SHA-1 in one read, counts every file, and lists to review exactly the unknown pictures, a near copy through its original', async () => {
    expect(items).toHaveLength(PICTURES + 1);
    for (const item of items.filter((entry) => !entry.name.includes('small'))) {
      const index = Number(/photo (\d+)/.exec(item.name)?.[1]);
      expect(item.match?.type === 'known', item.name).toBe(KNOWN.has(index));
      expect(item.stackSize, item.name).toBe(index === 1 || index === 5 || index === 7 ? 2 : 1);
    }
    const original = items.find((item) => item.name === nameOf(7));
    const small = items.find((item) => item.name === 'photo 07 small.jpg');
    expect(small).toMatchObject({ stackId: original?.id, stackSize: 2 });
    const members = requests.listStackMembers.result.parse(await host.call('listStackMembers', { caseId, itemId: small?.id ?? '' }));
    expect(members.map((member) => member.item.name)).toEqual([nameOf(7), 'photo 07 small.jpg']);
    expect(members[1]?.distanceBits).toBeLessThanOrEqual(31);
    expect(items.find((item) => item.name === nameOf(0))?.match).toMatchObject({ setName: 'Unit set', scheme: 'vic-us', category: '2' });
    expect(items.find((item) => item.name === nameOf(2))?.match).toMatchObject({ matchedBy: 'sha1' });
    const summary = requests.getCase.result.parse(await host.call('getCase', {}));
    expect(summary).toMatchObject({
      itemCount: 11,
      duplicateCount: 2,
      knownCount: 4,
      toReviewCount: 6,
      nearCopyCount: 1,
      duplicateStackCount: 3,
      knownShown: false,
    });
    const toReview = requests.listItems.result.parse(await host.call('listItems', { caseId, offset: 0, limit: 100, view: 'to-review' }));
    expect(toReview.items.map((item) => item.id)).toEqual(items.filter((item) => item.match === null && item !== small).map((item) => item.id));
    expect(toReview.total).toBe(6);
  });

  it('never sends a known picture to the browser, however it is asked for, until "Show known items"', async () => {
    const knownIds = new Set(idsOf((index) => KNOWN.has(index)));
    const [knownId] = knownIds;
    // As the page's own requests are made, token included: only the known-material rule may refuse it.
    const fetchStatus = (kind: string) =>
      page.evaluate(async (url) => {
        const response = await fetch(url);
        return response.ok ? response.status : `${response.status} ${((await response.json()) as { code: string }).code}`;
      }, `/media/${knownId}/${kind}?grey=1&blur=strong&${TOKEN_QUERY_PARAM}=${host.token}`);
    expect(await fetchStatus('thumb')).toBe('403 known-hidden');
    expect(await fetchStatus('view')).toBe('403 known-hidden');
    await expect.poll(() => media.filter((seen) => seen.status === 200).length, SETTLE).toBeGreaterThanOrEqual(6);
    const servedIds = media.filter((seen) => seen.status === 200).map((seen) => seen.url.pathname.split('/')[2]);
    expect(servedIds.filter((id) => id !== undefined && knownIds.has(id))).toEqual([]);

    await host.call('showKnownItems', { caseId, shown: true });
    expect(await fetchStatus('thumb')).toBe(200);
    await host.call('showKnownItems', { caseId, shown: false });
    expect(await fetchStatus('thumb')).toBe('403 known-hidden');
  });

  it('hashes every picture with PDQ in the background, and labels near matches of a PDQ set (a re-encoded, resized copy too)', async () => {
    const ended = await waitUntil(
      async () => requests.getCase.result.parse(await host.call('getCase', {}))?.pdqProgress,
      (progress) => progress !== null && progress !== undefined && progress.doneCount === progress.totalCount,
    );
    expect(ended?.totalCount).toBeGreaterThan(0);
    const hashed = requests.listItems.result.parse(await host.call('listItems', { caseId, offset: 0, limit: 100, view: 'all' })).items;
    const original = hashed.find((item) => item.name === nameOf(7));
    const small = hashed.find((item) => item.name === 'photo 07 small.jpg');
    expect(original?.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(small?.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(original?.pdqQuality).toBeGreaterThanOrEqual(50);

    const listFile = join(root, 'near-set.txt');
    writeFileSync(listFile, `${original?.pdq ?? ''}\n`);
    await host.call('importHashSet', { filePath: listFile, name: 'Near set', scheme: 'custom', hex64Kind: 'pdq' });
    await waitUntil(
      async () => requests.getCase.result.parse(await host.call('getCase', {}))?.nearMatchCount,
      (count) => count === 2,
    );
    const near = requests.listItems.result.parse(await host.call('listItems', { caseId, offset: 0, limit: 100, view: 'near' })).items;
    expect(near.map((item) => item.name).sort()).toEqual([nameOf(7), 'photo 07 small.jpg'].sort());
    expect(near.find((item) => item.name === nameOf(7))?.match).toMatchObject({ type: 'near', setName: 'Near set', distance: 0 });
    // Near matches stay in the review queue (the resized copy through its original, as before).
    const summary = requests.getCase.result.parse(await host.call('getCase', {}));
    expect(summary?.toReviewCount).toBe(6);
    await page
      .getByRole('group', { name: 'Show' })
      .getByRole('radio', { name: /^Near matches \(2\)/ })
      .check();
    await expect
      .poll(
        () =>
          page
            .getByRole('grid', { name: 'Case media' })
            .getByText(/^Near match \(distance \d+\)/)
            .count(),
        SETTLE,
      )
      .toBe(2);
    await saveScreenshot(page, 'near-matches-en');
  });
});
