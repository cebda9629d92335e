import { decode as decodeBmp } from 'fast-bmp';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carriesOriginalBytes, readOriginals, type OriginalFile } from './case-originals.js';
import { launchChromium } from './browser.js';
import { REPO_ROOT, startTestHost, waitUntil, type RunningTestHost } from './host-process.js';
import { openRecordingPage, saveScreenshot, type RecordingPage, type SeenMedia } from './page-session.js';
import { decodeRaw, edgeSharpness, highFrequencyEnergy, maxChannelSpread } from './pixels.js';
import { AT_ONCE, SETTLE } from './settle.js';

const DEMO_CASE_DIR = join(REPO_ROOT, 'dist', 'demo-case');

interface Item {
  id: string;
  name: string;
  relativePath: string;
  kind: 'image' | 'video';
  error: unknown;
}

/** The original as sharp can read it; BMP (which sharp cannot read) through fast-bmp, as the worker does. */
function openOriginal(relativePath: string): Sharp {
  const bytes = readFileSync(join(DEMO_CASE_DIR, relativePath));
  if (bytes.subarray(0, 2).toString('latin1') !== 'BM') return sharp(bytes, { animated: false }).autoOrient();
  const bmp = decodeBmp(bytes);
  return sharp(Buffer.from(bmp.data as Uint8Array), { raw: { width: bmp.width, height: bmp.height, channels: bmp.channels === 4 ? 4 : 3 } });
}

/**
 * Edge sharpness of a thumbnail as the grid shows it (enlarged bilinearly to its tile
 * size, as the browser does with the reduced strong copy) and of the original at that size.
 */
async function sharpnessAsShown(relativePath: string, thumbnail: Buffer): Promise<{ shown: number; original: number }> {
  const TILE_LONG_EDGE_PX = 320;
  const meta = await sharp(thumbnail).metadata();
  const scale = TILE_LONG_EDGE_PX / Math.max(meta.width, meta.height);
  const widthPx = Math.round(meta.width * scale);
  const heightPx = Math.round(meta.height * scale);
  const shown = await sharp(thumbnail).resize(widthPx, heightPx, { fit: 'fill', kernel: 'linear' }).png().toBuffer();
  const original = await openOriginal(relativePath).resize(widthPx, heightPx, { fit: 'fill' }).greyscale().png().toBuffer();
  return { shown: edgeSharpness(await decodeRaw(shown)), original: edgeSharpness(await decodeRaw(original)) };
}

describe('veiled viewing in Chromium through the browser host (demo case)', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  let media: SeenMedia[];
  let bodiesRead: RecordingPage['bodiesRead'];
  let items: Item[];
  let originals: OriginalFile[];

  beforeAll(async () => {
    host = await startTestHost();
    browser = await launchChromium();
    ({ page, media, bodiesRead } = await openRecordingPage(browser, host.url));
    originals = readOriginals(DEMO_CASE_DIR);
    await page.getByRole('grid', { name: 'Case media' }).waitFor();
    await waitUntil(
      async () => ((await host.call('getCase', {})) as { import: { phase: string } }).import.phase,
      (phase) => phase === 'done',
    );
    const summary = (await host.call('getCase', {})) as { caseId: string };
    items = ((await host.call('listItems', { caseId: summary.caseId, offset: 0, limit: 100 })) as { items: Item[] }).items;
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const itemOf = (seen: SeenMedia): Item => {
    const id = seen.url.pathname.split('/')[2];
    const item = items.find((candidate) => candidate.id === id);
    if (!item) throw new Error(`a media response for an unknown item: ${seen.url.pathname}`);
    return item;
  };

  it('shows every image as a greyscale, strongly blurred thumbnail', async () => {
    const images = items.filter((item) => item.kind === 'image');
    // Every image tile settles as a loaded thumbnail or an error tile.
    await waitUntil(
      async () => (await page.locator('img.tile-img.is-loaded').count()) + (await page.getByRole('gridcell', { name: /could not be shown/i }).count()),
      (settled) => settled === images.length,
    );
    const caseId = ((await host.call('getCase', {})) as { caseId: string }).caseId;
    items = ((await host.call('listItems', { caseId, offset: 0, limit: 100 })) as { items: Item[] }).items;
    const showable = items.filter((item) => item.kind === 'image' && item.error === null);
    expect(showable.length).toBeGreaterThanOrEqual(9);
    await expect.poll(() => page.locator('img.tile-img.is-loaded').count(), SETTLE).toBe(showable.length);
    await bodiesRead();
    const thumbs = media.filter((seen) => seen.url.pathname.endsWith('/thumb') && seen.status === 200);
    expect(new Set(thumbs.map((seen) => itemOf(seen).id))).toEqual(new Set(showable.map((item) => item.id)));
    for (const seen of thumbs) {
      expect(seen.url.searchParams.get('grey'), seen.url.pathname).toBe('1');
      expect(seen.url.searchParams.get('blur')).toBe('strong');
      const image = await decodeRaw(seen.body);
      expect(maxChannelSpread(image), itemOf(seen).name).toBeLessThanOrEqual(2);
      const sharpness = await sharpnessAsShown(itemOf(seen).relativePath, seen.body);
      expect(sharpness.shown, itemOf(seen).name).toBeLessThan(sharpness.original * 0.25);
    }
    await saveScreenshot(page, 'grid');
  });

  it('shows a clear reason on the tile of a damaged file', async () => {
    await page.getByRole('gridcell', { name: /could not be shown.*Sample 13 - damaged\.jpg/i }).waitFor({ state: 'visible' });
    await expect.poll(() => page.getByRole('gridcell', { name: /Sample 13 - damaged\.jpg/ }).textContent(), SETTLE).toMatch(/damaged or incomplete/);
  });

  it('lifts the blur only inside the spotlight, and only while R is held', async () => {
    const noise = page.getByRole('gridcell', { name: /Sample 05 - noise\.tiff/ });
    await noise.focus();
    await page.keyboard.press('Enter');
    const veiled = page.locator('img.veiled-layer.is-loaded');
    await veiled.waitFor();
    const box = await veiled.boundingBox();
    if (!box) throw new Error('the veiled picture has no box');
    const natural = await veiled.evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }));
    const scale = Math.min(box.width / natural.w, box.height / natural.h);
    const picture = {
      w: natural.w * scale,
      h: natural.h * scale,
      x: box.x + (box.width - natural.w * scale) / 2,
      y: box.y + (box.height - natural.h * scale) / 2,
    };
    const centre = { x: picture.x + picture.w / 2, y: picture.y + picture.h / 2 };
    const radius = (Math.min(picture.w, picture.h) * 15) / 100;

    const before = await decodeRaw(await page.screenshot());
    const revealsBeforeHold = media.filter((seen) => seen.url.searchParams.get('blur') === 'off');
    expect(revealsBeforeHold).toEqual([]);

    await page.mouse.move(centre.x, centre.y);
    await page.keyboard.down('r');
    await page.locator('img.reveal-layer.is-ready').waitFor();
    const during = await decodeRaw(await saveScreenshot(page, 'viewer-spotlight'));
    const inCircle = (factor: number) => (x: number, y: number) => Math.hypot(x - centre.x, y - centre.y) < radius * factor;
    const ring = (x: number, y: number) => {
      const distance = Math.hypot(x - centre.x, y - centre.y);
      return distance > radius * 1.4 && distance < radius * 2.4;
    };
    const region: [number, number, number, number] = [
      Math.ceil(picture.x),
      Math.ceil(picture.y),
      Math.floor(picture.x + picture.w),
      Math.floor(picture.y + picture.h),
    ];
    const insideDuring = highFrequencyEnergy(during, region, inCircle(0.7));
    const ringDuring = highFrequencyEnergy(during, region, ring);
    const insideBefore = highFrequencyEnergy(before, region, inCircle(0.7));
    expect(insideDuring).toBeGreaterThan(insideBefore * 3);
    expect(insideDuring).toBeGreaterThan(ringDuring * 3);
    expect(maxChannelSpread(during, region)).toBeLessThanOrEqual(2);
    const revealRequests = media.filter((seen) => seen.url.searchParams.get('blur') === 'off');
    expect(revealRequests.map((seen) => seen.url.searchParams.get('grey'))).toEqual(['1']);

    await page.keyboard.up('r');
    await expect.poll(() => page.locator('img.reveal-layer').count(), AT_ONCE).toBe(0);
    const after = await decodeRaw(await page.screenshot());
    expect(highFrequencyEnergy(after, region, inCircle(0.7))).toBeLessThan(insideDuring / 3);
  });

  it('reveals the whole item with Reveal, in greyscale, until it is ended', async () => {
    await page.getByRole('button', { name: 'Reveal', exact: true }).click();
    const layer = page.locator('img.reveal-layer.is-ready');
    await layer.waitFor();
    await expect.poll(() => layer.evaluate((img: HTMLImageElement) => img.style.clipPath), SETTLE).toBe('');
    await expect.poll(() => page.getByRole('timer').textContent(), SETTLE).toMatch(/Veils again in \d+ s/);
    await page.getByRole('button', { name: 'End reveal' }).click();
    await expect.poll(() => page.locator('img.reveal-layer').count(), AT_ONCE).toBe(0);
  });

  it('never sends an original image file to the browser', async () => {
    await bodiesRead();
    const stills = media.filter((seen) => !seen.url.pathname.endsWith('/original'));
    expect(stills.length).toBeGreaterThan(5);
    for (const seen of stills) expect(carriesOriginalBytes(seen.body, originals), seen.url.pathname).toBeNull();
  });

  it('hides every media pixel with Escape, until Resume', async () => {
    const picture = await page.locator('img.veiled-layer').boundingBox();
    if (!picture) throw new Error('no picture before hiding');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('heading', { name: 'Media hidden' }).isVisible(), SETTLE).toBe(true);
    await expect.poll(() => page.locator('img, video, canvas').count(), AT_ONCE).toBe(0);
    const hidden = await decodeRaw(await saveScreenshot(page, 'hidden'));
    // The corners of where the picture was are now plain background.
    const corner: [number, number, number, number] = [Math.ceil(picture.x), Math.ceil(picture.y), Math.ceil(picture.x) + 60, Math.ceil(picture.y) + 60];
    expect(highFrequencyEnergy(hidden, corner)).toBe(0);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator('img.veiled-layer.is-loaded').waitFor();
  });

  it('shows one item in another style when chosen in the viewer, made in the worker, grey and with far less detail', async () => {
    const styled = page.locator('img.veiled-layer.is-loaded[src*="style=silhouette"]');
    await page.getByRole('combobox', { name: 'Filter style for this item' }).selectOption('silhouette');
    await styled.waitFor();
    await bodiesRead();
    const views = media.filter((seen) => seen.url.pathname.endsWith('/view') && seen.url.searchParams.get('style') === 'silhouette' && seen.status === 200);
    expect(views.length).toBeGreaterThan(0);
    for (const seen of views) {
      expect(seen.url.searchParams.get('blur')).toBe('strong');
      expect(maxChannelSpread(await decodeRaw(seen.body))).toBeLessThanOrEqual(2);
      const sharpness = await sharpnessAsShown(itemOf(seen).relativePath, seen.body);
      expect(sharpness.shown, itemOf(seen).name).toBeLessThan(sharpness.original * 0.25);
    }
    await saveScreenshot(page, 'viewer-silhouette');
    await page.getByRole('button', { name: 'Back to grid' }).click();
  });

  it.each(['illustration', 'silhouette'] as const)(
    'shows every image in the %s style once it is the default: grey, with far less detail than the original',
    async (style) => {
      const showable = items.filter((item) => item.kind === 'image' && item.error === null);
      await host.call('updateSettings', { defaultProfile: { greyscale: true, blur: 'strong', style } });
      const styledThumbs = async (): Promise<SeenMedia[]> => {
        await bodiesRead();
        return media.filter((seen) => seen.url.pathname.endsWith('/thumb') && seen.status === 200 && seen.url.searchParams.get('style') === style);
      };
      await expect.poll(async () => new Set((await styledThumbs()).map((seen) => itemOf(seen).id)).size, SETTLE).toBe(showable.length);
      await expect.poll(() => page.locator(`img.tile-img.is-loaded[src*="style=${style}"]`).count(), SETTLE).toBe(showable.length);
      for (const seen of await styledThumbs()) {
        expect(seen.url.searchParams.get('grey')).toBe('1');
        expect(maxChannelSpread(await decodeRaw(seen.body)), itemOf(seen).name).toBeLessThanOrEqual(2);
        const sharpness = await sharpnessAsShown(itemOf(seen).relativePath, seen.body);
        expect(sharpness.shown, itemOf(seen).name).toBeLessThan(sharpness.original * 0.25);
        expect(carriesOriginalBytes(seen.body, originals), seen.url.pathname).toBeNull();
      }
      await saveScreenshot(page, `grid-${style}`);
    },
  );
});
