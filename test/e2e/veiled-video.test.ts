import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { carriesOriginalBytes, readOriginals, type OriginalFile } from './case-originals.js';
import { REPO_ROOT, startTestHost, type RunningTestHost } from './host-process.js';
import { openRecordingPage, type SeenMedia } from './page-session.js';
import { decodeRaw, edgeSharpness, maxChannelSpread, type RawImage } from './pixels.js';
import { SETTLE } from './settle.js';

const DEMO_CASE_DIR = join(REPO_ROOT, 'dist', 'demo-case');
const VIDEOS = ['Sample 11 - video.mp4', 'Sample 12 - video.webm'] as const;

/** A frame of the original video, decoded by ffmpeg and resized: the unfiltered reference. */
async function referenceFrame(name: string, atSec: number, widthPx: number, heightPx: number): Promise<RawImage> {
  const out = join(mkdtempSync(join(tmpdir(), 'veil-frame-')), 'frame.png');
  execFileSync(ffmpeg.path, ['-loglevel', 'error', '-ss', atSec.toFixed(3), '-i', join(DEMO_CASE_DIR, name), '-frames:v', '1', out]);
  return decodeRaw(await sharp(out).resize(widthPx, heightPx, { fit: 'fill' }).png().toBuffer());
}

/** Detail is compared as on screen, where the small derivative is enlarged: this many times its own size. */
const SHOWN_SCALE = 4;

/** The <video>'s current frame as its own pixels (a canvas draws them without the CSS filter), enlarged as the player does. */
async function drawnFrame(page: Page): Promise<RawImage> {
  const dataUrl = await page.locator('video').evaluate((video: HTMLVideoElement, scale: number) => {
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth * scale;
    canvas.height = video.videoHeight * scale;
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  }, SHOWN_SCALE);
  return decodeRaw(Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
}

const videoSrc = (page: Page) => page.locator('video').evaluate((video: HTMLVideoElement) => video.currentSrc);
const videoTime = (page: Page) => page.locator('video').evaluate((video: HTMLVideoElement) => video.currentTime);

describe('veiled video in Chromium through the browser host', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  let media: SeenMedia[];
  let bodiesRead: () => Promise<void>;
  let originals: OriginalFile[];
  /** Paths of the originals revealed by the tests before: the last one may still answer a range request after its test ended. */
  const revealedBefore = new Set<string>();

  beforeAll(async () => {
    originals = readOriginals(DEMO_CASE_DIR).filter((file) => /\.(mp4|webm)$/.test(file.relativePath));
    host = await startTestHost();
    browser = await launchChromium();
    ({ page, media, bodiesRead } = await openRecordingPage(browser, host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it.each(VIDEOS)('plays %s as the worker-made derivative, grey and blurred in its pixels, and the original only while revealed', async (name) => {
    const before = media.length;
    // The viewer of the previous video, if its test failed before going back.
    if (await page.getByRole('button', { name: 'Back to grid' }).isVisible()) await page.getByRole('button', { name: 'Back to grid' }).click();
    await page.getByRole('gridcell', { name: new RegExp(name.replace(/[.]/g, '\\.')) }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, undefined, SETTLE);
    expect(await videoSrc(page)).toMatch(/\/veiled\?grey=1&blur=strong/);

    // Seeking through the player (a storyboard frame): the derivative may still be a stream that cannot seek, so the player waits for the whole of it.
    await page.getByRole('region', { name: 'Storyboard' }).getByRole('button').nth(3).click();
    await expect.poll(() => videoTime(page), SETTLE).toBeGreaterThan(0.5);
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, undefined, SETTLE);
    const atSec = await videoTime(page);
    const frame = await drawnFrame(page);
    expect(Math.max(frame.width, frame.height)).toBeLessThanOrEqual(640 * SHOWN_SCALE);
    const reference = await referenceFrame(name, atSec, frame.width, frame.height);
    expect(maxChannelSpread(reference)).toBeGreaterThan(60);
    expect(maxChannelSpread(frame)).toBeLessThanOrEqual(4);
    expect(edgeSharpness(frame)).toBeLessThan(edgeSharpness(reference) * 0.25);

    // Nothing before the reveal was the original, by path or by bytes. The previous test's original may answer late: the
    // range request of its seek to 2 s, asked just before its End reveal, can be recorded after this test began.
    await bodiesRead();
    const veiledOnly = media.slice(before);
    const ownOriginal = `${new URL(await videoSrc(page)).pathname.replace(/\/veiled$/, '')}/original`;
    expect(ownOriginal).toMatch(/^\/media\/[^/]+\/original$/);
    expect(veiledOnly.filter((seen) => seen.url.pathname.endsWith('/original') && !revealedBefore.has(seen.url.pathname))).toEqual([]);
    const derivatives = veiledOnly.filter((seen) => seen.url.pathname.endsWith('/veiled'));
    expect(derivatives.length).toBeGreaterThan(0);
    for (const seen of veiledOnly) expect(carriesOriginalBytes(seen.body, originals), seen.url.pathname).toBeNull();
    // And the derivative itself, fetched whole: a WebM of its own, with none of the original's bytes.
    const whole = await page.evaluate(
      async (url: string) => {
        const response = await fetch(url);
        return { type: response.headers.get('content-type'), bytes: Array.from(new Uint8Array(await response.arrayBuffer())) };
      },
      await videoSrc(page),
    );
    expect(whole.type).toBe('video/webm');
    expect(whole.bytes.length).toBeGreaterThan(1000);
    expect(carriesOriginalBytes(Buffer.from(whole.bytes), originals)).toBeNull();

    // Reveal: the original, from the same position; End reveal: the derivative again, from where it was.
    await page.getByRole('button', { name: 'Reveal', exact: true }).click();
    await expect.poll(() => videoSrc(page), SETTLE).toMatch(/\/original\?/);
    revealedBefore.add(ownOriginal);
    await expect.poll(() => videoTime(page), SETTLE).toBeCloseTo(atSec, 1);
    await page.locator('video').evaluate((video: HTMLVideoElement) => void (video.currentTime = 2));
    await page.getByRole('button', { name: 'End reveal' }).click();
    await expect.poll(() => videoSrc(page), SETTLE).toMatch(/\/veiled\?/);
    await expect.poll(() => videoTime(page), SETTLE).toBeCloseTo(2, 1);
    await page.getByRole('button', { name: 'Back to grid' }).click();
  });
});
