import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../shared/contract.js';
import { TOKEN_QUERY_PARAM } from '../../shared/host-routes.js';
import type { MediaItem } from '../../shared/case/media-item.js';
import { makeStill } from '../fixtures/synthetic-media.js';
import { launchChromium } from './browser.js';
import { startTestHost, waitUntil, type RunningTestHost } from './host-process.js';
import { openRecordingPage, type SeenMedia } from './page-session.js';
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

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'veil-known-case-'));
    const caseDir = join(root, 'case');
    mkdirSync(join(caseDir, 'copies'), { recursive: true });
    const digests: { md5: string; sha1: string }[] = [];
    for (let index = 0; index < PICTURES; index += 1) {
      const bytes = await makeStill({ widthPx: 96, heightPx: 64, pattern: index % 2 ? 'shapes' : 'gradient', seed: 600 + index, label: `K${index}` }, 'png');
      writeFileSync(join(caseDir, nameOf(index)), bytes);
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
    const imported = requests.importHashSet.result.parse(await host.call('importHashSet', { filePath: setFile, name: 'Unit set', scheme: 'vic-us' }));
    expect(imported).toMatchObject({ outcome: 'imported', set: { recordCount: KNOWN.size } });
    const opened = requests.openCase.result.parse(await host.call('openCase', { folderPath: caseDir }));
    caseId = opened?.caseId ?? '';
    await waitUntil(
      async () => requests.getCase.result.parse(await host.call('getCase', {}))?.import.phase,
      (phase) => phase === 'done',
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

  it('matches by MD5 or SHA-1 in one read, counts every file, and lists to review exactly the unknown pictures', async () => {
    expect(items).toHaveLength(PICTURES);
    for (const item of items) {
      const index = Number(/photo (\d+)/.exec(item.name)?.[1]);
      expect(item.match?.type === 'known', item.name).toBe(KNOWN.has(index));
      expect(item.stackSize, item.name).toBe(index === 1 || index === 5 ? 2 : 1);
    }
    expect(items.find((item) => item.name === nameOf(0))?.match).toMatchObject({ setName: 'Unit set', scheme: 'vic-us', category: '2' });
    expect(items.find((item) => item.name === nameOf(2))?.match).toMatchObject({ matchedBy: 'sha1' });
    const summary = requests.getCase.result.parse(await host.call('getCase', {}));
    expect(summary).toMatchObject({ itemCount: 10, duplicateCount: 2, knownCount: 4, toReviewCount: 6, duplicateStackCount: 2, knownShown: false });
    const toReview = requests.listItems.result.parse(await host.call('listItems', { caseId, offset: 0, limit: 100, view: 'to-review' }));
    expect(toReview.items.map((item) => item.id)).toEqual(idsOf((index) => !KNOWN.has(index)));
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
});
