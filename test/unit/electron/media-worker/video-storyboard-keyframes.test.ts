import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveStoryboard } from '../../../../electron/media-worker/video-storyboard.js';
import { storyboardTimes } from '../../../../shared/media/storyboard.js';
import { decodeRgb, maxChannelSpread } from './image-metrics.js';

const execFileAsync = promisify(execFile);
const FPS = 25;
const DURATION_SEC = 12;
/** Each frame's grey level is its number times this: a tile's level says which frame it shows. */
const GREY_PER_FRAME = 0.8;

describe('storyboard of a video with a keyframe in every slice', () => {
  let dir: string;
  const video = () => path.join(dir, 'keyframe-every-second.mp4');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'veil-keyframes-'));
    // A flat picture whose grey level rises with the frame number; a keyframe every second exactly
    // (no extra keyframe at a scene cut).
    const source = `color=c=black:size=320x240:rate=${FPS}:duration=${DURATION_SEC},format=yuv420p,geq=lum='N*${GREY_PER_FRAME}':cb=128:cr=128`;
    const codec = ['-c:v', 'libx264', '-preset', 'veryfast', '-g', String(FPS), '-keyint_min', String(FPS), '-sc_threshold', '0', '-pix_fmt', 'yuv420p'];
    await execFileAsync(ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', source, ...codec, '-threads', '1', video()]);
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows, for each tile, the keyframe at or before its time, not a frame decoded on from it', async () => {
    const board = await deriveStoryboard({ filePath: video(), greyscale: false, blur: 'off' });
    if (!board.ok) throw new Error(`no storyboard: ${board.error.code} ${board.error.detail}`);
    const pixels = await decodeRgb(board.bytes);
    expect(maxChannelSpread(pixels)).toBeLessThan(8);
    const tileW = pixels.widthPx / 3;
    const tileH = pixels.heightPx / 3;
    const shown = storyboardTimes(DURATION_SEC, 9).map((_, i) => {
      // The tile's centre: away from the grid's seams and the JPEG's block edges.
      const x = (i % 3) * tileW + tileW / 2;
      const y = Math.floor(i / 3) * tileH + tileH / 2;
      return pixels.data[(y * pixels.widthPx + x) * 3] ?? -1;
    });
    // H.264's luma runs from 16 to 235; the picture's RGB from 0 to 255.
    const keyframeLevels = storyboardTimes(DURATION_SEC, 9).map((atSec) => Math.max(0, ((Math.floor(atSec) * FPS * GREY_PER_FRAME - 16) * 255) / 219));
    shown.forEach((level, i) => expect(Math.abs(level - (keyframeLevels[i] ?? 0)), `tile ${i}: grey ${level}`).toBeLessThan(6));
  }, 60_000);
});
