import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { noisePng } from '../fixtures/noise-png.js';
import { makeStill } from '../fixtures/synthetic-media.js';
import { useHostInChromium, waitForImport } from './host-in-chromium.js';
import { startTestHost } from './host-process.js';

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
  const env = useHostInChromium('veil-review-import-', async (rootDir) => {
    const caseDir = join(rootDir, 'case');
    mkdirSync(join(caseDir, 'copies'), { recursive: true });
    for (let index = 0; index < STILLS; index += 1) {
      const bytes = await makeStill({ widthPx: 320, heightPx: 240, pattern: 'shapes', seed: 900 + index, label: `S${index}` }, 'png');
      writeFileSync(join(caseDir, `still ${index}.png`), bytes);
      writeFileSync(join(caseDir, 'copies', `still ${index}.png`), bytes);
      writeFileSync(join(caseDir, 'copies', `still ${index} small.jpg`), await sharp(bytes).resize(200).jpeg({ quality: 70 }).toBuffer());
    }
    for (let index = 0; index < NOISE; index += 1) writeFileSync(join(caseDir, `noise ${String(index).padStart(4, '0')}.png`), noisePng(9100 + index, 24));
    return startTestHost({ caseDir });
  });

  it('shows "0 of N reviewed" with N the items to review once the import and its PDQ pass have ended', async () => {
    const page = await env.openPage();
    const summary = await waitForImport(env.host, { pdqDone: true });
    // Each still once: its identical copy folded in, its smaller copy in its stack.
    expect(summary.toReviewCount).toBe(NOISE + STILLS);
    await expect.poll(() => page.locator('.review-progress').textContent(), { timeout: 30_000 }).toBe(`0 of ${(NOISE + STILLS).toLocaleString('en')} reviewed`);
  });
});
