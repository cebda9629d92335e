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
async function referenceFrame(filePath: string, atSec: number, widthPx: number, heightPx: number): Promise<RawImage> {
  const out = join(mkdtempSync(join(tmpdir(), 'veil-frame-')), 'frame.png');
  execFileSync(ffmpeg.path, ['-loglevel', 'error', '-ss', atSec.toFixed(3), '-i', filePath, '-frames:v', '1', out]);
  return decodeRaw(await sharp(out).resize(widthPx, heightPx, { fit: 'fill' }).png().toBuffer());
}

/** Detail is compared as on screen, where the small derivative is enlarged: this many times its own size. */
const SHOWN_SCALE = 4;

/**
 * The <video>'s current frame as its own pixels (a canvas draws them without the CSS filter), enlarged as the player
 * does: SHOWN_SCALE times, or to `longEdgePx` (a style's derivative is far smaller than the blur's, and shown as large).
 */
async function drawnFrame(page: Page, longEdgePx?: number): Promise<RawImage> {
  const dataUrl = await page.locator('video').evaluate(
    (video: HTMLVideoElement, shown: { scale: number; longEdgePx: number | null }) => {
      const scale = shown.longEdgePx === null ? shown.scale : shown.longEdgePx / Math.max(video.videoWidth, video.videoHeight);
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/png');
    },
    { scale: SHOWN_SCALE, longEdgePx: longEdgePx ?? null },
  );
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

    // Seeking through the player (a storyboard frame): past what the derivative has, the player asks for one from there.
    await page.getByRole('region', { name: 'Storyboard' }).getByRole('button').nth(3).click();
    await expect.poll(() => videoTime(page), SETTLE).toBeGreaterThan(0.5);
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, undefined, SETTLE);
    const atSec = await videoTime(page);
    const frame = await drawnFrame(page);
    expect(Math.max(frame.width, frame.height)).toBeLessThanOrEqual(640 * SHOWN_SCALE);
    const reference = await referenceFrame(join(DEMO_CASE_DIR, name), atSec, frame.width, frame.height);
    expect(maxChannelSpread(reference)).toBeGreaterThan(60);
    expect(maxChannelSpread(frame)).toBeLessThanOrEqual(4);
    expect(edgeSharpness(frame)).toBeLessThan(edgeSharpness(reference) * 0.25);

    // Nothing before the reveal was the original, by path or by bytes.
    await bodiesRead();
    const veiledOnly = media.slice(before);
    expect(veiledOnly.filter((seen) => seen.url.pathname.endsWith('/original')).map((seen) => `${seen.sequence} ${seen.url.href}`)).toEqual([]);
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
    await expect.poll(() => videoTime(page), SETTLE).toBeCloseTo(atSec, 1);
    await page.locator('video').evaluate((video: HTMLVideoElement) => void (video.currentTime = 2));
    await page.getByRole('button', { name: 'End reveal' }).click();
    await expect.poll(() => videoSrc(page), SETTLE).toMatch(/\/veiled\?/);
    await expect.poll(() => videoTime(page), SETTLE).toBeCloseTo(2, 1);
    await page.getByRole('button', { name: 'Back to grid' }).click();
  });

  it.each(['illustration', 'silhouette'] as const)(
    'plays the %s derivative once it is the default profile: drawn in the worker, grey and low in detail, and no original bytes',
    async (style) => {
      const name = VIDEOS[0];
      const before = media.length;
      await host.call('updateSettings', { defaultProfile: { greyscale: true, blur: 'strong', style } });
      try {
        await page.getByRole('gridcell', { name: new RegExp(name.replace(/[.]/g, '\\.')) }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => videoSrc(page), SETTLE).toMatch(new RegExp(`/veiled\\?grey=1&blur=strong&style=${style}`));
        await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, undefined, SETTLE);
        const atSec = await videoTime(page);
        // As large as the blur's derivative is shown (its 640 px plan enlarged about 4 times from 150 px).
        const frame = await drawnFrame(page, 640);
        const reference = await referenceFrame(join(DEMO_CASE_DIR, name), atSec, frame.width, frame.height);
        expect(maxChannelSpread(reference)).toBeGreaterThan(60);
        expect(maxChannelSpread(frame)).toBeLessThanOrEqual(4);
        expect(edgeSharpness(frame)).toBeLessThan(edgeSharpness(reference) * 0.25);

        // The storyboard is drawn in the same style as the player's frames.
        const styledBoards = () => media.slice(before).filter((one) => one.url.pathname.endsWith('/storyboard') && one.url.searchParams.get('style') === style);
        await expect.poll(() => styledBoards().length, SETTLE).toBeGreaterThan(0);
        await bodiesRead();
        const seen = media.slice(before);
        expect(seen.filter((one) => one.url.pathname.endsWith('/original'))).toEqual([]);
        expect(seen.filter((one) => one.url.pathname.endsWith('/veiled')).length).toBeGreaterThan(0);
        for (const one of seen) expect(carriesOriginalBytes(one.body, originals), one.url.pathname).toBeNull();
        await page.getByRole('button', { name: 'Back to grid' }).click();
      } finally {
        await host.call('updateSettings', { defaultProfile: { greyscale: true, blur: 'strong', style: 'blur' } });
      }
    },
  );
});

const LONG_VIDEO = 'ten-minutes.mp4';
const LONG_VIDEO_SEC = 600;

/** A case holding one colourful ten-minute H.264 video with a keyframe every 2 s, as a phone writes. */
function makeLongCase(): string {
  const caseDir = mkdtempSync(join(tmpdir(), 'veil-e2e-seek-'));
  execFileSync(ffmpeg.path, [
    ...['-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc=size=320x240:rate=25:duration=${LONG_VIDEO_SEC}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '50', '-pix_fmt', 'yuv420p', join(caseDir, LONG_VIDEO)],
  ]);
  return caseDir;
}

describe('seeking far ahead in a long veiled video', () => {
  let caseDir: string;
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  let media: SeenMedia[];

  beforeAll(async () => {
    caseDir = makeLongCase();
    host = await startTestHost({ caseDir });
    browser = await launchChromium();
    ({ page, media } = await openRecordingPage(browser, host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  /** The player shows a veiled frame near `targetSec`, grey and blurred in its pixels; how long that took after the seek. */
  async function expectVeiledFrameNear(targetSec: number, seekAtMs: number): Promise<number> {
    await expect.poll(() => videoSrc(page), SETTLE).toMatch(/\/veiled\?grey=1&blur=strong&.*\bfrom=/);
    await expect.poll(() => videoTime(page), SETTLE).toBeGreaterThan(targetSec - 0.5);
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, undefined, SETTLE);
    const tookMs = Date.now() - seekAtMs;
    const atSec = await videoTime(page);
    expect(atSec).toBeLessThan(targetSec + 2);
    const frame = await drawnFrame(page);
    const reference = await referenceFrame(join(caseDir, LONG_VIDEO), atSec, frame.width, frame.height);
    expect(maxChannelSpread(reference)).toBeGreaterThan(60);
    expect(maxChannelSpread(frame)).toBeLessThanOrEqual(4);
    expect(edgeSharpness(frame)).toBeLessThan(edgeSharpness(reference) * 0.25);
    return tookMs;
  }

  it('plays veiled from near the time asked (storyboard frame, then a 30 s jump) without waiting for the whole derivative, and never the original', async () => {
    await page.getByRole('gridcell', { name: new RegExp(LONG_VIDEO.replace('.', '\\.')) }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, undefined, SETTLE);

    // The eighth storyboard frame stands for the middle of the eighth ninth: 7.5 / 9 of ten minutes, 500 s.
    const tileSec = (7.5 / 9) * LONG_VIDEO_SEC;
    let seekAtMs = Date.now();
    await page.getByRole('region', { name: 'Storyboard' }).getByRole('button').nth(7).click();
    const storyboardMs = await expectVeiledFrameNear(tileSec, seekAtMs);

    const fromSec = await videoTime(page);
    await page.getByRole('group', { name: 'Video' }).focus();
    seekAtMs = Date.now();
    await page.keyboard.press('Shift+ArrowRight');
    const jumpMs = await expectVeiledFrameNear(fromSec + 30, seekAtMs);
    // A figure for the report, not a goal (the machine is shared): the goal is in the decision note.
    console.info(`veiled seek: storyboard frame at ${tileSec.toFixed(0)} s shown after ${storyboardMs} ms, +30 s jump after ${jumpMs} ms`);

    const seekSrc = await videoSrc(page);
    // The derivative's first bytes as the player got them (a growing stream's whole body would wait for its end). A few kB
    // suffice: an original would show in its first 256 bytes, and a grey blurred derivative is so small that 256 kB of it
    // could be minutes of encoding on a loaded machine (the test timed out so).
    const head = await page.evaluate(async (url: string) => {
      const controller = new AbortController();
      const reader = (await fetch(url, { signal: controller.signal })).body?.getReader();
      // Byte by byte: spreading a whole chunk (64 kB on a quiet machine) into push() overflows the call stack.
      const parts: number[] = [];
      for (let part = await reader?.read(); part !== undefined && !part.done && parts.length < 4 * 1024; part = await reader?.read()) {
        for (const byte of part.value.subarray(0, 4 * 1024 - parts.length)) parts.push(byte);
      }
      controller.abort();
      return parts;
    }, seekSrc);
    expect(head.length).toBeGreaterThan(1000);
    expect(carriesOriginalBytes(Buffer.from(head), readOriginals(caseDir))).toBeNull();
    await page.getByRole('button', { name: 'Back to grid' }).click();

    const veiled = media.filter((seen) => seen.url.pathname.endsWith('/veiled'));
    // Never the whole derivative: no request waited for it, and the ones from a time started where they were asked.
    expect(veiled.filter((seen) => seen.url.searchParams.has('whole'))).toEqual([]);
    const starts = veiled.map((seen) => Number(seen.url.searchParams.get('from') ?? 0));
    expect(starts.some((sec) => Math.abs(sec - tileSec) < 1)).toBe(true);
    expect(media.filter((seen) => seen.url.pathname.endsWith('/original'))).toEqual([]);
  });
});
