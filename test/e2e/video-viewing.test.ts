import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { REPO_ROOT, startTestHost, waitUntil, type RunningTestHost } from './host-process.js';
import { openRecordingPage, saveScreenshot } from './page-session.js';
import { decodeRaw, edgeSharpness, maxChannelSpread, type RawImage } from './pixels.js';
import { SETTLE } from './settle.js';

const VIDEO_PATH = join(REPO_ROOT, 'dist', 'demo-case', 'Sample 11 - video.mp4');

/**
 * Most a grey video frame's channels may differ. A video frame is converted from YUV and filtered
 * by the compositor on a different raster path than a still; under load a spread of 3 was seen on
 * the paused frame. Colour getting through would differ by tens of levels (the reference: over 60).
 */
const VIDEO_GREY_SPREAD_MAX = 4;

/** A frame of the original video, decoded by ffmpeg and resized: the unfiltered reference. */
async function referenceFrame(widthPx: number, heightPx: number): Promise<RawImage> {
  const out = join(mkdtempSync(join(tmpdir(), 'veil-frame-')), 'frame.png');
  execFileSync(ffmpeg.path, ['-loglevel', 'error', '-ss', '1', '-i', VIDEO_PATH, '-frames:v', '1', out]);
  return decodeRaw(await sharp(out).resize(widthPx, heightPx, { fit: 'fill' }).png().toBuffer());
}

describe('video in Chromium through the browser host', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startTestHost();
    browser = await launchChromium();
    ({ page } = await openRecordingPage(browser, host.url));
    await page.getByRole('gridcell', { name: /Sample 11 - video\.mp4/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('does not play by itself, starts muted and offers no native controls', async () => {
    const state = await page.locator('video').evaluate((video: HTMLVideoElement) => ({
      autoplay: video.autoplay || video.hasAttribute('autoplay'),
      paused: video.paused,
      currentTime: video.currentTime,
      muted: video.muted,
      controls: video.controls,
    }));
    expect(state).toEqual({ autoplay: false, paused: true, currentTime: 0, muted: true, controls: false });
    await expect.poll(() => page.getByRole('button', { name: 'Unmute' }).isVisible(), SETTLE).toBe(true);
  });

  it('shows only greyscale, blurred frames, paused and while playing', async () => {
    const video = page.locator('video');
    const filter = await video.evaluate((element: HTMLVideoElement) => getComputedStyle(element).filter);
    expect(filter).toMatch(/grayscale\(1\).*blur\(\d/);
    const element = await video.boundingBox();
    if (!element) throw new Error('the video has no box');
    // The frame itself, inside the element's letterbox (object-fit: contain).
    const natural = await video.evaluate((v: HTMLVideoElement) => ({ w: v.videoWidth, h: v.videoHeight }));
    const scale = Math.min(element.width / natural.w, element.height / natural.h);
    const box = {
      x: element.x + (element.width - natural.w * scale) / 2 + 2,
      y: element.y + (element.height - natural.h * scale) / 2 + 2,
      width: natural.w * scale - 4,
      height: natural.h * scale - 4,
    };
    const paused = await decodeRaw(await page.screenshot({ clip: box }));
    // The sample lasts 3 s, and on a busy machine the page screenshot alone can take longer than
    // what is left of it: the video then ended (and its button rightly read "Play" again) before
    // Pause was pressed. Looping keeps it playing until Pause, so the shot below is of a playing video.
    await video.evaluate((element: HTMLVideoElement) => void (element.loop = true));
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.3);
    const playing = await decodeRaw(await saveScreenshot(page, 'viewer-video'));
    const playingBox = await video.boundingBox();
    if (!playingBox) throw new Error('the video has no box while playing');
    expect(await video.evaluate((element: HTMLVideoElement) => element.paused)).toBe(false);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.paused), SETTLE).toBe(true);
    await video.evaluate((element: HTMLVideoElement) => void (element.loop = false));
    const reference = await referenceFrame(paused.width, paused.height);
    expect(maxChannelSpread(reference)).toBeGreaterThan(60);
    expect(maxChannelSpread(paused)).toBeLessThanOrEqual(VIDEO_GREY_SPREAD_MAX);
    expect(edgeSharpness(paused)).toBeLessThan(edgeSharpness(reference) * 0.25);
    // The frame inside the element while playing (the layout may have moved since).
    const dx = playingBox.x - element.x;
    const dy = playingBox.y - element.y;
    const region: [number, number, number, number] = [
      Math.ceil(box.x + dx),
      Math.ceil(box.y + dy),
      Math.floor(box.x + dx + box.width),
      Math.floor(box.y + dy + box.height),
    ];
    expect(maxChannelSpread(playing, region)).toBeLessThanOrEqual(VIDEO_GREY_SPREAD_MAX);
  });

  it('unmutes only when asked', async () => {
    await page.getByRole('button', { name: 'Unmute' }).click();
    await expect.poll(() => page.locator('video').evaluate((video: HTMLVideoElement) => video.muted), SETTLE).toBe(false);
    await page.getByRole('button', { name: 'Mute' }).click();
    await expect.poll(() => page.locator('video').evaluate((video: HTMLVideoElement) => video.muted), SETTLE).toBe(true);
  });

  it('draws a storyboard of nine filtered keyframes without showing an unfiltered one', async () => {
    const storyboard = page.getByRole('region', { name: 'Storyboard' });
    await expect.poll(() => storyboard.getByRole('button').count(), SETTLE).toBe(9);
    const canvases = storyboard.locator('canvas');
    await waitUntil(
      () =>
        canvases.evaluateAll(
          (all: HTMLCanvasElement[]) =>
            all.filter((canvas) => {
              const ctx = canvas.getContext('2d');
              if (!ctx || canvas.width === 0) return false;
              return ctx.getImageData(0, 0, canvas.width, canvas.height).data.some((value, index) => index % 4 !== 3 && value > 0);
            }).length,
        ),
      (drawn) => drawn === 9,
    );
    const pngs = await canvases.evaluateAll((all: HTMLCanvasElement[]) => all.map((canvas) => canvas.toDataURL('image/png')));
    for (const dataUrl of pngs) {
      const frame = await decodeRaw(Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
      const reference = await referenceFrame(frame.width, frame.height);
      expect(maxChannelSpread(frame)).toBeLessThanOrEqual(2);
      expect(edgeSharpness(frame)).toBeLessThan(edgeSharpness(reference) * 0.25);
    }
  });
});
