import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { startTestHost, type RunningTestHost } from './host-process.js';
import { SETTLE } from './settle.js';

const VIDEO_NAME = 'long-clip.mp4';
/** Long enough for 30 s jumps both ways. */
const VIDEO_DURATION_SEC = 70;
/** 15 frames a second: a frame step is then well apart from a 5 s jump and from no move at all. */
const FRAMES_PER_SEC = 15;
const FRAME_SEC = 1 / FRAMES_PER_SEC;

/** A case holding one small 70-second H.264 video with a sound track. */
function makeCase(): string {
  const caseDir = mkdtempSync(join(tmpdir(), 'veil-e2e-controls-'));
  execFileSync(ffmpeg.path, [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=160x120:rate=${FRAMES_PER_SEC}:duration=${VIDEO_DURATION_SEC}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${VIDEO_DURATION_SEC}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    join(caseDir, VIDEO_NAME),
  ]);
  return caseDir;
}

describe('video controls by keyboard in Chromium', () => {
  let host: RunningTestHost;
  let browser: Browser;
  let page: Page;
  let video: Locator;

  const read = <T>(fn: (element: HTMLVideoElement) => T) => video.evaluate(fn);
  const currentTime = () => read((element) => element.currentTime);

  beforeAll(async () => {
    host = await startTestHost({ caseDir: makeCase() });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
    await page.goto(host.url);
    await page.getByRole('gridcell', { name: new RegExp(VIDEO_NAME.replace('.', '\\.')) }).focus();
    await page.keyboard.press('Enter');
    video = page.locator('video');
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('jumps 5 s and 30 s with the arrow keys on the video, clamped at both ends, without leaving the item', async () => {
    await page.getByRole('group', { name: 'Video' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(currentTime, SETTLE).toBeCloseTo(5, 1);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(currentTime, SETTLE).toBeCloseTo(35, 1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(currentTime, SETTLE).toBeCloseTo(30, 1);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(currentTime, SETTLE).toBe(0);
    await page.keyboard.press('End');
    await expect.poll(currentTime, SETTLE).toBeGreaterThan(VIDEO_DURATION_SEC - 0.2);
    await page.keyboard.press('Home');
    await expect.poll(currentTime, SETTLE).toBe(0);
    await expect(page.getByRole('heading', { name: VIDEO_NAME }).isVisible()).resolves.toBe(true);
    expect(await read((element) => ({ paused: element.paused, muted: element.muted }))).toEqual({ paused: true, muted: true });
  });

  it('moves the timeline slider with its keys and says where it is', async () => {
    const slider = page.getByRole('slider', { name: 'Position' });
    await slider.focus();
    await page.keyboard.press('PageUp');
    await expect.poll(currentTime, SETTLE).toBeCloseTo(30, 1);
    await expect.poll(() => slider.getAttribute('aria-valuetext'), SETTLE).toBe('0:30 of 1:10');
    await page.keyboard.press('ArrowUp');
    await expect.poll(currentTime, SETTLE).toBeCloseTo(35, 1);
    await page.keyboard.press('Home');
    await expect.poll(currentTime, SETTLE).toBe(0);
    await expect.poll(() => slider.getAttribute('aria-valuetext'), SETTLE).toBe('0:00 of 1:10');
  });

  it('changes speed with ] and [ between 0.25× and 4×, shown on screen', async () => {
    await page.getByRole('group', { name: 'Video' }).focus();
    await page.keyboard.press(']');
    await expect.poll(() => read((element) => element.playbackRate), SETTLE).toBe(1.25);
    for (let i = 0; i < 8; i += 1) await page.keyboard.press(']');
    await expect.poll(() => read((element) => element.playbackRate), SETTLE).toBe(4);
    await expect.poll(() => page.locator('.video-speed').innerText(), SETTLE).toContain('4×');
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('[');
    await expect.poll(() => read((element) => element.playbackRate), SETTLE).toBe(0.25);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Speed' }).innerText(), SETTLE).toBe('Speed 0.25×');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press(']');
    await expect.poll(() => read((element) => element.playbackRate), SETTLE).toBe(1);
  });

  it('plays and pauses with K, steps one frame with . and , only while paused, and stays muted', async () => {
    await page.keyboard.press('k');
    await expect.poll(currentTime, SETTLE).toBeGreaterThan(0.5);
    const whilePlaying = await currentTime();
    // ',' (back a frame) while playing: refused in words, not done. A step forward ('.') could not be told from playing on.
    await page.keyboard.press(',');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Pause the video' }).innerText(), SETTLE)
      .toBe('Pause the video to step one frame at a time.');
    await page.keyboard.press('k');
    await expect.poll(() => read((element) => element.paused), SETTLE).toBe(true);
    // Paused a moment later than the ',', never jumped back by a frame step while playing.
    expect(await currentTime()).toBeGreaterThanOrEqual(whilePlaying);
    await page.keyboard.press('Home');
    await expect.poll(currentTime, SETTLE).toBe(0);
    // Forward, forward, back: each press moves by one frame of the veiled derivative (12 a second, shared/media/veiled-start.ts),
    // known to the player rather than measured: a loaded machine presents too few frames to measure it (a CI run stepped
    // 3 frames). Where the step lands depends on the stream it lands in, so the direction and a bound are checked.
    await page.keyboard.press('.');
    await expect.poll(currentTime, SETTLE).toBeGreaterThan(0);
    const first = await currentTime();
    expect(first).toBeLessThan(2 * FRAME_SEC);
    await page.keyboard.press('.');
    await expect.poll(currentTime, SETTLE).toBeGreaterThan(first);
    const second = await currentTime();
    expect(second).toBeLessThan(first + 2 * FRAME_SEC);
    await page.keyboard.press(',');
    await expect.poll(currentTime, SETTLE).toBeLessThan(second);
    expect(await read((element) => element.paused)).toBe(true);
    expect(await read((element) => element.muted)).toBe(true);
    await page.keyboard.press('m');
    expect(await read((element) => element.muted)).toBe(true);
  });
});
