import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../shared/contract.js';
import { noisePng } from '../fixtures/noise-png.js';
import { makeStill } from '../fixtures/synthetic-media.js';
import { launchChromium } from './browser.js';
import { startTestHost, waitUntil, type RunningTestHost } from './host-process.js';

/** Distinct noise: none stacks with another. */
const NOISE = 1200;
/** Pictures that each get an identical copy (folded into them as the import finds it) and a smaller re-encoded one (stacked by the PDQ pass). */
const STILLS = 6;

/**
 * The review header while a case imports in Chromium through the browser host: the page opens as the case starts
 * importing, so the header's figures follow a list that grows (appended items, counted one by one) and is rewritten
 * (copies folded in, near stacks formed by the PDQ pass). Once all has settled, the header says what "To review" holds.
 */
describe('the review header while a case imports, in Chromium through the browser host', () => {
  let root: string;
  let host: RunningTestHost | null = null;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'veil-review-import-'));
    const caseDir = join(root, 'case');
    mkdirSync(join(caseDir, 'copies'), { recursive: true });
    for (let index = 0; index < STILLS; index += 1) {
      const bytes = await makeStill({ widthPx: 320, heightPx: 240, pattern: 'shapes', seed: 900 + index, label: `S${index}` }, 'png');
      writeFileSync(join(caseDir, `still ${index}.png`), bytes);
      writeFileSync(join(caseDir, 'copies', `still ${index}.png`), bytes);
      writeFileSync(join(caseDir, 'copies', `still ${index} small.jpg`), await sharp(bytes).resize(200).jpeg({ quality: 70 }).toBuffer());
    }
    for (let index = 0; index < NOISE; index += 1) writeFileSync(join(caseDir, `noise ${String(index).padStart(4, '0')}.png`), noisePng(9100 + index, 24));
    host = await startTestHost({ caseDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows "0 of N reviewed" with N the items to review once the import and its PDQ pass have ended', async () => {
    if (host === null) throw new Error('no host');
    const running = host;
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
    await page.goto(running.url);
    const summary = await waitUntil(
      async () => requests.getCase.result.parse(await running.call('getCase', {})),
      (now) => now?.import.phase === 'done' && now.pdqProgress !== null && now.pdqProgress.doneCount === now.pdqProgress.totalCount,
      120_000,
    );
    // Each still once: its identical copy folded in, its smaller copy in its stack.
    expect(summary?.toReviewCount).toBe(NOISE + STILLS);
    await expect.poll(() => page.locator('.review-progress').textContent(), { timeout: 30_000 }).toBe(`0 of ${(NOISE + STILLS).toLocaleString('en')} reviewed`);
  });
});
