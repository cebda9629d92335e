import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requests } from '../../shared/contract.js';
import { makeStill } from '../fixtures/synthetic-media.js';
import { useHostInChromium, waitForImport } from './host-in-chromium.js';
import { startTestHost } from './host-process.js';
import { openRecordingPage } from './page-session.js';
import { SETTLE } from './settle.js';

const PICTURES = 4;
const nameOf = (index: number) => `overrule ${index}.png`;
const REASON = 'Adult, age confirmed by ID document';

/**
 * A known item's hash-set category changed with a typed reason, kept in its History; and a case
 * that reopens where it was left, its item focused in the grid but never opened. Picture 0 is in
 * the unit's set (category 1, CAM, by MD5); 1 to 3 are to review.
 */
describe('overruling a hash set and reopening where the case was left, in Chromium through the browser host', () => {
  let caseId: string;

  const env = useHostInChromium(
    'veil-overrule-',
    async (rootDir) => {
      const caseDir = join(rootDir, 'case');
      mkdirSync(caseDir, { recursive: true });
      let knownMd5 = '';
      for (let index = 0; index < PICTURES; index += 1) {
        const bytes = await makeStill(
          { widthPx: 96, heightPx: 72, pattern: index % 2 ? 'shapes' : 'gradient', seed: 7300 + index * 37, label: `O${index}` },
          'png',
        );
        writeFileSync(join(caseDir, nameOf(index)), bytes);
        if (index === 0) knownMd5 = createHash('md5').update(bytes).digest('hex');
      }
      const setFile = join(rootDir, 'unit-set.json');
      writeFileSync(
        setFile,
        JSON.stringify({
          'odata.metadata': 'https://example.invalid/$metadata#Cases',
          value: [{ CaseID: 1, Media: [{ MediaID: 1, Category: 1, MD5: knownMd5 }] }],
        }),
      );
      return startTestHost();
    },
    async (host, rootDir) => {
      const imported = requests.importHashSet.result.parse(
        await host.call('importHashSet', { filePath: join(rootDir, 'unit-set.json'), name: 'Unit set', scheme: 'vic-us' }),
      );
      expect(imported).toMatchObject({ outcome: 'imported' });
      caseId = requests.openCase.result.parse(await host.call('openCase', { folderPath: join(rootDir, 'case') }))?.caseId ?? '';
      await waitForImport(host, { also: (now) => now.caseId === caseId && now.knownCount === 1 });
    },
  );

  it('asks why before a known item’s category changes, keeps the reason in its History, and reopens on the item left, focused not opened', async () => {
    const running = env.host;
    const { page } = await openRecordingPage(env.browser, running.url);
    const grid = page.getByRole('grid', { name: 'Case media' });
    await page
      .getByRole('group', { name: 'Show' })
      .getByRole('radio', { name: /^Known/ })
      .check();
    const known = grid.getByRole('gridcell', { name: new RegExp(nameOf(0)) });
    await known.focus();
    await page.keyboard.press('Enter');
    const viewer = page.getByRole('region', { name: 'Viewer' });
    await viewer.waitFor(SETTLE);
    const group = viewer.getByRole('group', { name: 'Category' });
    await expect.poll(() => group.getByText('Category from its hash set: changing it asks for a reason.').count(), SETTLE).toBe(1);

    // The number key asks first: the dialog takes the reason; nothing changes until it is given.
    await page.keyboard.press('0');
    const dialog = page.getByRole('dialog', { name: 'Change a category from a hash set' });
    await dialog.waitFor(SETTLE);
    const reason = dialog.getByRole('textbox', { name: 'Reason' });
    await expect.poll(() => reason.evaluate((field) => field === document.activeElement), SETTLE).toBe(true);
    await dialog.getByRole('button', { name: 'Change category' }).click();
    await expect.poll(() => dialog.getByText('Give a reason of at least 3 characters.').count(), SETTLE).toBe(1);
    await reason.fill(`  ${REASON}  `);
    await dialog.getByRole('button', { name: 'Change category' }).click();
    await dialog.waitFor({ state: 'detached', ...SETTLE });
    await expect.poll(() => page.getByTestId('decision-announcement').textContent(), SETTLE).toBe('Category 0, Non-pertinent');

    await viewer.getByText('History', { exact: true }).click();
    await expect
      .poll(() => viewer.locator('.item-history li').allTextContents(), SETTLE)
      .toEqual([
        expect.stringMatching(/^1, CAM · hash set · .+ · .*\d\d:\d\d$/),
        expect.stringMatching(new RegExp(`^0, Non-pertinent · investigator · .+ · .*\\d\\d:\\d\\dReason: ${REASON}$`)),
      ]);
    await page.keyboard.press('Backspace');
    await viewer.waitFor({ state: 'detached', ...SETTLE });

    // Leave the case on the last picture to review, then reload: the grid's focus is back on it, and no viewer opened.
    await page
      .getByRole('group', { name: 'Show' })
      .getByRole('radio', { name: /^To review/ })
      .check();
    // Reloaded as soon as the grid's focus is there (its roving tab stop moved), well inside the wait
    // before a grid move is written: the page going away must still write it.
    const last = grid.getByRole('gridcell', { name: new RegExp(`^${nameOf(3)}`) });
    await last.focus();
    await expect.poll(() => last.getAttribute('tabindex'), SETTLE).toBe('0');
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role="gridcell"]')?.getAttribute('aria-label') ?? ''), SETTLE)
      .toMatch(new RegExp(`^${nameOf(3)}`));
    await expect.poll(() => page.getByRole('region', { name: 'Viewer' }).count()).toBe(0);
    const items = requests.listItems.result.parse(await running.call('listItems', { caseId, offset: 0, limit: 10, view: 'to-review' })).items;
    const lastId = items.find((item) => item.name === nameOf(3))?.id;
    expect(requests.getReviewPlace.result.parse(await running.call('getReviewPlace', { caseId }))?.itemId).toBe(lastId);
  });
});
