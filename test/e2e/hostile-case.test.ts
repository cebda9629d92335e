import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStill, seededBytes, truncated } from '../fixtures/synthetic-media.js';
import { launchChromium } from './browser.js';
import { REPO_ROOT, startTestHost, waitUntil, type RunningTestHost } from './host-process.js';
import { openRecordingPage, saveScreenshot } from './page-session.js';
import { SETTLE } from './settle.js';

const HOSTILE_CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus', 'hostile-media');
/** Synthetic HEIC files (scripts/make-heic-fixtures.ts): a good photo, one declaring 40 000 × 40 000 pixels, one cut short. */
const HEIC_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'heic');

interface Item {
  id: string;
  name: string;
  kind: string;
  error: { code: string; detail: string } | null;
}

/** What each file must end as (from the corpus README, plus our own bad files). */
const EXPECTED: Record<string, string | null> = {
  'truncated.jpg': 'decode-failed',
  'truncated.png': 'decode-failed',
  'corrupt-header.jpg': 'decode-failed',
  'giant-image.jpg': 'too-many-pixels',
  '65536-uint32-limit.png': 'too-many-pixels',
  'big-height.webp': null,
  'Crash_test.gif': null,
  'made-truncated-at-300.png': 'decode-failed',
  'made-good.png': null,
  'made-photo.heic': null,
  'made-huge-declared.heic': 'too-many-pixels',
  'made-truncated.heic': 'decode-failed',
};

describe('a hostile case in Chromium through the browser host', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  let caseDir: string;

  beforeAll(async () => {
    caseDir = mkdtempSync(join(tmpdir(), 'veil-hostile-case-'));
    for (const name of readdirSync(HOSTILE_CORPUS).filter((n) => n !== 'README.md')) copyFileSync(join(HOSTILE_CORPUS, name), join(caseDir, name));
    const good = await makeStill({ widthPx: 400, heightPx: 300, pattern: 'shapes', seed: 7, label: 'Good' }, 'png');
    writeFileSync(join(caseDir, 'made-good.png'), good);
    writeFileSync(join(caseDir, 'made-truncated-at-300.png'), truncated(good, 300));
    writeFileSync(join(caseDir, 'made-empty.jpg'), Buffer.alloc(0));
    writeFileSync(join(caseDir, 'made-random-bytes.png'), seededBytes(3, 4096));
    writeFileSync(join(caseDir, 'made-text.jpg'), 'this is not an image\n');
    copyFileSync(join(HEIC_FIXTURES, 'gradient-landscape.heic'), join(caseDir, 'made-photo.heic'));
    copyFileSync(join(HEIC_FIXTURES, 'huge-declared.heic'), join(caseDir, 'made-huge-declared.heic'));
    copyFileSync(join(HEIC_FIXTURES, 'truncated.heic'), join(caseDir, 'made-truncated.heic'));
    // An Olympus raw photo's signature: not media Veil can show, and the list must say why.
    writeFileSync(join(caseDir, 'made-raw.orf'), Buffer.concat([Buffer.from('IIRO\x08\x00\x00\x00', 'latin1'), seededBytes(5, 2048)]));
    symlinkSync('/etc/passwd', join(caseDir, 'made-link-out.jpg'));
    mkdirSync(join(caseDir, 'sub'));
    symlinkSync('/etc', join(caseDir, 'sub', 'made-folder-link-out'));
    host = await startTestHost({ caseDir });
    browser = await launchChromium();
    ({ page } = await openRecordingPage(browser, host.url));
    await page.getByRole('grid', { name: 'Case media' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('ends every file as a correct image or an error tile with its reason, and keeps going', async () => {
    const caseId = ((await host.call('getCase', {})) as { caseId: string }).caseId;
    const items = await waitUntil(
      async () => ((await host.call('listItems', { caseId, offset: 0, limit: 100 })) as { items: Item[] }).items,
      (all) => all.length === Object.keys(EXPECTED).length,
    );
    // Each image tile settles: a loaded thumbnail or an error tile.
    await waitUntil(
      async () => (await page.locator('img.tile-img.is-loaded').count()) + (await page.getByRole('gridcell', { name: /could not be shown/i }).count()),
      (settled) => settled === items.length,
    );
    const settled = ((await host.call('listItems', { caseId, offset: 0, limit: 100 })) as { items: Item[] }).items;
    const outcomes = Object.fromEntries(settled.map((item) => [item.name, item.error?.code ?? null]));
    expect(outcomes).toEqual(EXPECTED);
    await saveScreenshot(page, 'hostile-case');
    await expect.poll(() => page.getByRole('gridcell', { name: /could not be shown.*giant-image\.jpg/i }).textContent(), SETTLE).toMatch(/too large|pixels/i);
    await expect.poll(() => page.getByRole('gridcell', { name: /could not be shown.*made-huge-declared\.heic/i }).textContent(), SETTLE).toMatch(/pixels/i);
    await expect.poll(() => page.getByRole('gridcell', { name: /could not be shown.*made-truncated\.heic/i }).textContent(), SETTLE).toMatch(/damaged/i);
    await expect
      .poll(
        () =>
          page
            .getByRole('gridcell', { name: /made-photo\.heic/ })
            .locator('img.tile-img.is-loaded')
            .count(),
        SETTLE,
      )
      .toBe(1);
  });

  it('lists what is not media, empty, or a link leaving the case, with reasons', async () => {
    const caseId = ((await host.call('getCase', {})) as { caseId: string }).caseId;
    const { problems } = (await host.call('listProblems', { caseId, offset: 0, limit: 100 })) as {
      problems: Array<{ relativePath: string; error: { code: string } }>;
    };
    expect(Object.fromEntries(problems.map((p) => [p.relativePath, p.error.code]))).toEqual({
      'made-empty.jpg': 'empty-file',
      'made-link-out.jpg': 'symlink-skipped',
      'made-random-bytes.png': 'mislabelled',
      'made-raw.orf': 'unsupported-format',
      'made-text.jpg': 'mislabelled',
      'sub/made-folder-link-out': 'symlink-skipped',
    });
    await page.getByRole('button', { name: /6 files could not be opened/ }).click();
    // The list is fetched when the disclosure opens: wait for its six items, not for a moment.
    const list = page.getByRole('list', { name: 'Files that could not be opened' });
    await expect.poll(() => list.getByRole('listitem').count(), SETTLE).toBe(6);
    await expect
      .poll(() => list.getByRole('listitem').filter({ hasText: 'made-raw.orf' }).textContent(), SETTLE)
      .toMatch(/raw camera photo \(Olympus\).*JPEG, TIFF or HEIC export/);
    await expect
      .poll(() => list.getByRole('listitem').filter({ hasText: 'made-link-out.jpg' }).textContent(), SETTLE)
      .toContain('Links are skipped for safety.');
  });

  it('still answers after all of it', async () => {
    await expect(host.call('getSettings', {})).resolves.toMatchObject({ defaultProfile: { greyscale: true } });
  });
});
