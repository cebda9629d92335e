import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../shared/case/media-item.js';
import { requests } from '../../shared/contract.js';
import { makeStill } from '../fixtures/synthetic-media.js';
import { useHostInChromium, waitForImport } from './host-in-chromium.js';
import { startTestHost, waitUntil } from './host-process.js';
import { openRecordingPage } from './page-session.js';

const NAMES = ['flagged.png', 'locked.png', 'plain a.png', 'plain b.png'];

/**
 * A referral manifest beside the case locks a file nobody at the provider viewed: its tile is
 * words, no response carries its pixels, and once an authorisation is recorded through the
 * viewer it is forewarned before it opens, then shown through the strongest veil.
 */
describe('the referral lock in Chromium through the browser host', () => {
  let caseDir: string;
  const env = useHostInChromium('veil-referral-', async (rootDir) => {
    caseDir = join(rootDir, 'Operation Lock');
    mkdirSync(caseDir, { recursive: true });
    for (const [index, name] of NAMES.entries()) {
      const bytes = await makeStill(
        { widthPx: 96, heightPx: 72, pattern: index % 2 ? 'shapes' : 'gradient', seed: 5200 + index * 41, label: `R${index}` },
        'png',
      );
      writeFileSync(join(caseDir, name), bytes);
    }
    // Beside the case folder, never inside it.
    writeFileSync(
      join(rootDir, 'Operation Lock.referral.csv'),
      'path,classification,annotations,provider viewed,publicly available\nlocked.png,A1,violence,no,no\nflagged.png,B2,infant,yes,no\n',
    );
    return startTestHost({ caseDir });
  });

  async function openCaseItems(): Promise<{ caseId: string; byName: Map<string, MediaItem> }> {
    const summary = await waitForImport(env.host);
    const page = requests.listItems.result.parse(await env.host.call('listItems', { caseId: summary.caseId, offset: 0, limit: 10, view: 'all' }));
    return { caseId: summary.caseId, byName: new Map(page.items.map((item) => [item.name, item])) };
  }

  it('shows a locked file as words with no pixels, and after an authorisation forewarns, then shows it veiled', async () => {
    const { caseId, byName } = await openCaseItems();
    const lockedId = byName.get('locked.png')?.id ?? '';
    await waitUntil(
      async () => requests.getItems.result.parse(await env.host.call('getItems', { caseId, ids: [lockedId] })),
      (items) => items[0]?.referral?.locked === true,
    );
    const { page, media, bodiesRead } = await openRecordingPage(env.browser, env.host.url);
    const ofLocked = () => media.filter((seen) => seen.url.pathname.startsWith(`/media/${encodeURIComponent(lockedId)}/`));

    const lockedCell = page.getByRole('gridcell', { name: /locked\.png/ });
    await expect.poll(() => lockedCell.textContent(), { timeout: 30_000 }).toContain('Locked — needs authorisation');
    // The other tiles' pictures came; the locked one was never asked for, and asking for it is refused.
    await expect.poll(() => media.filter((seen) => seen.status === 200).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => lockedCell.locator('img').count(), { timeout: 30_000 }).toBe(0);
    await bodiesRead();
    expect(ofLocked().every((seen) => seen.status === 403 && seen.body.byteLength < 1024)).toBe(true);
    // With the host's token, so the refusal is the lock's and not the token guard's.
    const askedDirectly = await page.evaluate(
      async (url) => {
        const response = await fetch(url);
        const body = await response.text();
        return { status: response.status, bytes: body.length, body };
      },
      `/media/${encodeURIComponent(lockedId)}/view?grey=0&blur=off&token=${encodeURIComponent(env.host.token)}`,
    );
    expect(askedDirectly.status).toBe(403);
    expect(askedDirectly.bytes).toBeLessThan(1024);
    expect(askedDirectly.body).toContain('referral-locked');

    // "Not now" at a flagged file's forewarning: back to the grid, on its tile, nothing of it asked for.
    const flaggedCell = page.getByRole('gridcell', { name: /flagged\.png/ });
    await flaggedCell.click();
    const forewarning = page.getByRole('dialog', { name: 'Before you open this file' });
    await forewarning.waitFor();
    await expect.poll(() => forewarning.textContent()).toContain('an infant');
    await forewarning.getByRole('button', { name: 'Not now' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Viewer' }).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => flaggedCell.evaluate((cell) => cell === document.activeElement), { timeout: 30_000 }).toBe(true);

    // Authorised through the viewer's form, the file is forewarned before anything of it is asked for.
    await lockedCell.click();
    const viewer = page.getByRole('region', { name: 'Viewer' });
    // A form of ordinary width with its label above the field (it spanned the 1280 px stage, labels centred).
    const reference = viewer.getByLabel('Warrant or order reference');
    await reference.waitFor();
    const [fieldBox, labelBox] = await Promise.all([reference.boundingBox(), viewer.getByText('Warrant or order reference', { exact: true }).boundingBox()]);
    expect(fieldBox?.width).toBeLessThanOrEqual(32 * 16);
    expect(labelBox?.x).toBe(fieldBox?.x);
    await reference.fill('W-2026-0042');
    await viewer.getByLabel('Date of the authorisation').fill('2026-12-01');
    await viewer.getByRole('button', { name: 'Record authorisation' }).click();
    await forewarning.waitFor({ timeout: 30_000 });
    await expect.poll(() => forewarning.textContent()).toContain('violence');
    // Unlocked, its grid tile may come back, as a flagged file's does: through the strongest veil only (checked below).
    // Nothing for the viewer is asked for before the forewarning is answered.
    const servedToViewer = () => ofLocked().filter((seen) => seen.status === 200 && !seen.url.pathname.endsWith('/thumb'));
    expect(servedToViewer().map((seen) => seen.url.pathname)).toEqual([]);
    await forewarning.getByRole('button', { name: 'Open with strongest filter' }).click();
    await expect.poll(() => servedToViewer().length, { timeout: 60_000 }).toBeGreaterThan(0);
    // Only ever through the strongest veil: grey and strongly blurred.
    for (const seen of ofLocked().filter((entry) => entry.status === 200)) {
      expect(seen.url.searchParams.get('grey')).toBe('1');
      expect(seen.url.searchParams.get('blur')).toBe('strong');
    }
    await page.close();

    // Opened again, the authorisation recorded in the workspace still holds.
    await env.host.call('openCase', { folderPath: caseDir });
    // The manifest is read before the recorded authorisations: the item is listed locked for a moment, so wait for the authorisation itself.
    const reopened = await waitUntil(openCaseItems, (now) => now.caseId !== caseId && now.byName.get('locked.png')?.referral?.authorised === true);
    expect(reopened.byName.get('locked.png')?.referral).toMatchObject({ locked: false, authorised: true, classification: 'A1' });
  });
});
