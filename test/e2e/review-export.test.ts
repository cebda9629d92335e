import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeStill } from '../fixtures/synthetic-media.js';
import { useHostInChromium, waitForImport } from './host-in-chromium.js';
import { REPO_ROOT, startTestHost } from './host-process.js';
import { openRecordingPage } from './page-session.js';

const PICTURES = 3;
const nameOf = (index: number) => `photo ${index}, "seized".png`;
const SCHEMA: object = JSON.parse(readFileSync(join(REPO_ROOT, 'docs/vics-export.schema.json'), 'utf8'));

/**
 * Two items categorised by keyboard, then the review exported through the header menu into a
 * folder typed in the dialog (the browser host has no picker): the VICS file must validate
 * against the published schema, the CSV must quote the awkward names, the summary hold no picture.
 */
describe('review export in Chromium through the browser host', () => {
  let caseDir: string;
  let outDir: string;
  let total = 0;

  const announcement = (page: Page) => page.getByTestId('decision-announcement');
  const viewerAt = (page: Page, position: number) =>
    expect.poll(() => page.getByRole('region', { name: 'Viewer' }).getByText(`${position} of ${total}`).count(), { timeout: 30_000 }).toBe(1);

  const env = useHostInChromium(
    'veil-review-export-',
    async (rootDir) => {
      caseDir = join(rootDir, 'case');
      outDir = join(rootDir, 'exports');
      mkdirSync(caseDir, { recursive: true });
      mkdirSync(outDir);
      for (let index = 0; index < PICTURES; index += 1) {
        const bytes = await makeStill(
          { widthPx: 96, heightPx: 72, pattern: index % 2 ? 'shapes' : 'gradient', seed: 5200 + index * 41, label: `E${index}` },
          'png',
        );
        writeFileSync(join(caseDir, nameOf(index)), bytes);
      }
      return startTestHost({ caseDir });
    },
    async (host) => {
      total = (await waitForImport(host, { pdqDone: true })).toReviewCount;
    },
  );

  it('exports two decisions as VICS, CSV and a summary, and refuses the case folder', async () => {
    const { page } = await openRecordingPage(env.browser, env.host.url);
    // A number key acts only once the review's figures have arrived; on a busy machine the grid can be drawn first.
    await expect.poll(() => page.locator('.review-progress').textContent(), { timeout: 30_000 }).toBe(`0 of ${total} reviewed`);
    const first = page.getByRole('gridcell').first();
    await first.waitFor();
    await first.focus();
    await page.keyboard.press('Enter');
    await viewerAt(page, 1);
    await page.keyboard.press('1');
    await expect.poll(() => announcement(page).textContent(), { timeout: 30_000 }).toMatch(/^Category 1, CAM/);
    await page.keyboard.press('ArrowRight');
    await viewerAt(page, 2);
    await page.keyboard.press('4');
    await expect.poll(() => announcement(page).textContent(), { timeout: 30_000 }).toMatch(/^Category 4, Comparison/);

    // Keyboard only: the menu button, down to Export review, Enter.
    await page.getByRole('button', { name: 'More actions' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 30_000 }).toBe('Open case');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 30_000 }).toBe('Export review');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Export the review' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('checkbox', { name: /Include my notes/ }).isChecked()).toBe(false);

    await dialog.getByRole('textbox', { name: 'Folder' }).fill(caseDir);
    await dialog.getByRole('button', { name: 'Export' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/inside the case folder/);
    expect(readdirSync(caseDir).filter((name) => name.startsWith('veil-review') || name.startsWith('.'))).toEqual([]);

    await dialog.getByRole('textbox', { name: 'Folder' }).fill(outDir);
    await dialog.getByRole('button', { name: 'Export' }).click();
    await expect.poll(() => dialog.getByRole('status').locator('code').count(), { timeout: 30_000 }).toBe(3);
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^2 records written to:/);
    const written = readdirSync(outDir).sort();
    expect(written.map((name) => name.replace(/\d{8}-\d{4}/, 'TIME'))).toEqual([
      'veil-review-case-TIME.csv',
      'veil-review-case-TIME.html',
      'veil-review-case-TIME.json',
    ]);
    const [csvName, htmlName, jsonName] = written;

    const vics: unknown = JSON.parse(readFileSync(join(outDir, jsonName ?? ''), 'utf8'));
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(SCHEMA);
    expect(validate(vics), JSON.stringify(validate.errors)).toBe(true);
    expect(vics).toMatchObject({
      value: [
        { MediaID: 1, Category: 1, RelativeFilePath: nameOf(0), IsPrecategorized: false },
        { MediaID: 2, Category: 4, RelativeFilePath: nameOf(1), IsPrecategorized: false },
      ],
    });

    const csvLines = readFileSync(join(outDir, csvName ?? ''), 'utf8').split('\r\n');
    expect(csvLines[0]).toBe('\uFEFFMediaID,Category,MD5,SHA1,MediaSize,RelativeFilePath,IsPrecategorized,PrecategorizationSource');
    expect(csvLines[1]).toMatch(/^1,1,[0-9A-F]{32},[0-9A-F]{40},\d+,"photo 0, ""seized"".png",false,$/);
    expect(csvLines.slice(3)).toEqual(['']);

    const html = readFileSync(join(outDir, htmlName ?? ''), 'utf8');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('Case review summary');
    expect(html).toMatch(/Items reviewed<\/th><td class="n">2</);
  });
});
