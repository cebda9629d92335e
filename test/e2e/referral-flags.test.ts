import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../shared/case/media-item.js';
import { requests } from '../../shared/contract.js';
import { makeStill } from '../fixtures/synthetic-media.js';
import { useHostInChromium, waitForImport } from './host-in-chromium.js';
import { startTestHost, waitUntil } from './host-process.js';
import { openRecordingPage } from './page-session.js';

const NAMES = ['infant.png', 'plain.png'];

/**
 * The referral's unit settings in Chromium through the browser host: an infant file is
 * forewarned, then revealed only through a grey spotlight though the investigator reveals in
 * colour (and the route refuses a colour picture of it); a case whose manifest cannot be read
 * opens with every file locked until "Continue without the manifest".
 */
describe('referral flags and a refused manifest in Chromium through the browser host', () => {
  let flagsCase: string;
  let brokenCase: string;

  async function openCaseItems(previousCaseId: string | null): Promise<{ caseId: string; byName: Map<string, MediaItem> }> {
    const summary = await waitForImport(env.host, { also: (now) => now.caseId !== previousCaseId });
    const page = requests.listItems.result.parse(await env.host.call('listItems', { caseId: summary.caseId, offset: 0, limit: 10, view: 'all' }));
    return { caseId: summary.caseId, byName: new Map(page.items.map((item) => [item.name, item])) };
  }

  const env = useHostInChromium(
    'veil-flags-',
    async (rootDir) => {
      flagsCase = join(rootDir, 'Operation Flags');
      brokenCase = join(rootDir, 'Operation Broken');
      for (const caseDir of [flagsCase, brokenCase]) {
        mkdirSync(caseDir, { recursive: true });
        for (const [index, name] of NAMES.entries()) {
          const bytes = await makeStill(
            { widthPx: 96, heightPx: 72, pattern: index ? 'shapes' : 'gradient', seed: 7300 + index * 17, label: `F${index}` },
            'png',
          );
          writeFileSync(join(caseDir, name), bytes);
        }
      }
      writeFileSync(
        join(rootDir, 'Operation Flags.referral.csv'),
        'path,classification,annotations,provider viewed,publicly available\ninfant.png,B2,infant,yes,no\n',
      );
      // No column names a file: refused whole.
      writeFileSync(join(rootDir, 'Operation Broken.referral.csv'), 'name,colour\nx,y\n');
      return startTestHost({ caseDir: flagsCase });
    },
    async (host) => void (await host.call('updateSettings', { revealInColour: true })),
  );

  it('forewarns of an infant file, keeps its reveal grey and to the spotlight; a refused manifest locks its case until "Continue without"', async () => {
    const { caseId, byName } = await openCaseItems(null);
    const infantId = byName.get('infant.png')?.id ?? '';
    await waitUntil(
      async () => requests.getItems.result.parse(await env.host.call('getItems', { caseId, ids: [infantId] })),
      (items) => items[0]?.referral?.annotations.includes('infant') === true,
    );
    const { page, media } = await openRecordingPage(env.browser, env.host.url);
    // The media route's answer to a request the page did not make: its status, and the refusal's code when refused.
    const fetchStatus = (url: string) =>
      page.evaluate(
        async (path) => {
          const response = await fetch(path);
          const type = response.headers.get('content-type') ?? '';
          return response.ok
            ? '200'
            : `${response.status} ${type.startsWith('application/json') ? String((await response.json()).code) : await response.text()}`;
        },
        `${url}&token=${encodeURIComponent(env.host.token)}`,
      );

    await page.getByRole('gridcell', { name: /infant\.png/ }).click();
    const forewarning = page.getByRole('dialog', { name: 'Before you open this file' });
    await forewarning.waitFor({ timeout: 30_000 });
    await expect.poll(() => forewarning.textContent()).toContain('an infant');
    await forewarning.getByRole('button', { name: 'Open with strongest filter' }).click();

    const viewer = page.getByRole('region', { name: 'Viewer' });
    const reveal = viewer.getByRole('button', { name: 'Reveal' });
    await expect.poll(() => reveal.isDisabled(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => viewer.textContent()).toContain('Only the hold-to-reveal spotlight can show this file: your unit’s rule for Infant.');
    await expect.poll(() => viewer.textContent()).toContain('Reveals stay grey for this file: your unit’s rule for Infant.');
    // The spotlight (R held) asks for the unblurred view in grey, though the investigator reveals in colour; it is served.
    await viewer.getByRole('img', { name: 'infant.png' }).waitFor({ timeout: 30_000 });
    await viewer.focus();
    await page.keyboard.down('r');
    const unblurred = () => media.filter((seen) => seen.url.pathname.includes(encodeURIComponent(infantId)) && seen.url.searchParams.get('blur') === 'off');
    await expect.poll(() => unblurred().length, { timeout: 60_000 }).toBeGreaterThan(0);
    await page.keyboard.up('r');
    expect(unblurred().every((seen) => seen.url.searchParams.get('grey') === '1' && seen.status === 200)).toBe(true);
    // Whatever the page asks, the route serves no colour picture of it, and its thumbnail only through the strongest veil.
    expect(await fetchStatus(`/media/${encodeURIComponent(infantId)}/view?grey=0&blur=off`)).toBe('403 veil-too-weak');
    expect(await fetchStatus(`/media/${encodeURIComponent(infantId)}/thumb?grey=1&blur=light`)).toBe('403 veil-too-weak');
    expect(await fetchStatus(`/media/${encodeURIComponent(infantId)}/view?grey=1&blur=off`)).toBe('200');

    // The case whose manifest cannot be read: it opens, says why, and every file is locked.
    await env.host.call('openCase', { folderPath: brokenCase });
    const broken = await openCaseItems(caseId);
    const plainId = broken.byName.get('plain.png')?.id ?? '';
    await page.reload();
    const banner = page.getByRole('alert', { name: 'Referral manifest refused.' });
    await banner.waitFor({ timeout: 60_000 });
    await expect.poll(() => banner.textContent()).toContain('every file of this case stays locked');
    await expect.poll(() => banner.textContent()).toContain('no column naming the files');
    expect(await fetchStatus(`/media/${encodeURIComponent(plainId)}/thumb?grey=1&blur=strong`)).toBe('403 referral-locked');
    await expect
      .poll(
        () =>
          page
            .getByRole('gridcell', { name: /plain\.png/ })
            .locator('img')
            .count(),
        { timeout: 30_000 },
      )
      .toBe(0);
    // Its tile says why: no authorisation would open it.
    await expect
      .poll(() => page.getByRole('gridcell', { name: /plain\.png/ }).textContent(), { timeout: 30_000 })
      .toContain('Locked — the referral manifest could not be used');

    await banner.getByRole('button', { name: 'Continue without the manifest' }).click();
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => fetchStatus(`/media/${encodeURIComponent(plainId)}/thumb?grey=1&blur=strong`), { timeout: 60_000 }).toBe('200');
    const status = requests.getReferralStatus.result.parse(await env.host.call('getReferralStatus', { caseId: broken.caseId }));
    expect(status).toMatchObject({ state: 'continued-without', continuedWithout: { userName: expect.any(String) } });
    await page.close();
  });
});
