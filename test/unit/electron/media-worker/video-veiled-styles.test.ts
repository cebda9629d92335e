import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { veiledFilterGraph } from '../../../../electron/media-worker/video-veiled-graph.js';
import { VEILED_VIDEO_FPS } from '../../../../shared/media/veiled-start.js';
import { deriveVeiledVideo, type VeiledVideoInput } from '../../../../electron/media-worker/video-veiled.js';
import { BLUR_LEVELS, FILTER_STYLES } from '../../../../shared/media/filter-profile.js';
import { writeVideo } from '../../../fixtures/synthetic-media.js';
import { edgeSharpness } from '../../../e2e/pixels.js';
import { maxChannelSpread, meanAbsDifference, shownAt, type DecodedRgb } from './image-metrics.js';

const execFileAsync = promisify(execFile);
/** The source's size: the derivative is compared with it as the player shows it, enlarged to the original's box. */
const SOURCE = { widthPx: 640, heightPx: 360 };
const FRAME_AT_SEC = 1;

type Profile = Omit<VeiledVideoInput, 'filePath'>;

const sharpness = (image: DecodedRgb) => edgeSharpness({ data: image.data, width: image.widthPx, height: image.heightPx, channels: 3 });

describe('veiled video in every style, as FFmpeg draws it in the media worker', () => {
  let dir: string;
  let source: string;
  let reference: DecodedRgb;
  const shownFrames = new Map<string, DecodedRgb>();
  /** The size each derivative says it was made at, by profile. */
  const madeSizes = new Map<string, { widthPx: number; heightPx: number }>();

  /** One frame of `filePath` at FRAME_AT_SEC, enlarged bilinearly to the source's box as the player shows it. */
  async function frameOf(filePath: string): Promise<DecodedRgb> {
    const png = `${filePath}.png`;
    await execFileAsync(ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-y', '-ss', String(FRAME_AT_SEC), '-i', filePath, '-frames:v', '1', png]);
    return shownAt(await readFile(png), SOURCE.widthPx, SOURCE.heightPx);
  }

  /** The derivative of the source in `profile`, encoded whole, and its frame as shown. */
  async function shown(profile: Profile): Promise<DecodedRgb> {
    const key = JSON.stringify(profile);
    const known = shownFrames.get(key);
    if (known !== undefined) return known;
    const chunks: Uint8Array[] = [];
    const result = await deriveVeiledVideo({ filePath: source, ...profile }, { onChunk: (chunk) => chunks.push(chunk), cancelled: () => false });
    if (!result.ok) throw new Error(`${key}: ${JSON.stringify(result.error)}`);
    const webm = path.join(dir, `${profile.style}-${profile.blur}-${profile.greyscale ? 'grey' : 'colour'}.webm`);
    await writeFile(webm, Buffer.concat(chunks));
    const frame = await frameOf(webm);
    // The decoded frame's own size, before it is enlarged as shown.
    const decoded = await sharp(`${webm}.png`).metadata();
    madeSizes.set(key, { widthPx: decoded.width ?? 0, heightPx: decoded.height ?? 0 });
    shownFrames.set(key, frame);
    return frame;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'veil-veiled-styles-'));
    source = path.join(dir, 'clip.mp4');
    await writeVideo(source, { format: 'mp4', durationS: 2, ...SOURCE });
    reference = await frameOf(source);
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // A graph FFmpeg cannot parse or link fails only when its first frame arrives: each one is run, not only built.
  it.each(FILTER_STYLES.flatMap((style) => BLUR_LEVELS.flatMap((blur) => [true, false].map((greyscale) => ({ style, blur, greyscale })))))(
    'makes a playable derivative: $style, $blur, greyscale $greyscale',
    async (profile) => {
      const frame = await shown(profile);
      // Decoded back at the size its graph plans: the frames went through every filter of it.
      const planned = veiledFilterGraph(SOURCE, profile);
      expect(madeSizes.get(JSON.stringify(profile))).toEqual({ widthPx: planned.widthPx, heightPx: planned.heightPx });
      expect(frame.widthPx).toBe(SOURCE.widthPx);
    },
    60_000,
  );

  describe.each(['illustration', 'silhouette'] as const)('the %s style', (style) => {
    it.each(['light', 'medium', 'strong'] as const)('at %s, is grey and keeps far less detail than the source as shown', async (blur) => {
      const frame = await shown({ greyscale: true, blur, style });
      expect(maxChannelSpread(reference)).toBeGreaterThan(60);
      expect(maxChannelSpread(frame)).toBeLessThanOrEqual(4);
      // The veiled-video e2e test's measure (how sharp the sharpest edges are): big flat shapes stay in these styles.
      expect(sharpness(frame)).toBeLessThan(sharpness(reference) * 0.25);
    });

    it('looks unlike the blur at the same level: the style is drawn, not replaced by the blur', async () => {
      const blurred = await shown({ greyscale: true, blur: 'strong', style: 'blur' });
      expect(meanAbsDifference(blurred, await shown({ greyscale: true, blur: 'strong', style }))).toBeGreaterThan(8);
    });
  });

  it('keeps colour in an illustration when the profile does, and never in a silhouette', async () => {
    expect(maxChannelSpread(await shown({ greyscale: false, blur: 'strong', style: 'illustration' }))).toBeGreaterThan(40);
    expect(maxChannelSpread(await shown({ greyscale: false, blur: 'strong', style: 'silhouette' }))).toBeLessThanOrEqual(4);
  });

  it('draws a silhouette in two flat tones: shapes only', async () => {
    const frame = await shown({ greyscale: true, blur: 'light', style: 'silhouette' });
    // Enlarged, the border between the tones is a ramp; everywhere else a pixel is one of the two.
    let flat = 0;
    for (let i = 0; i < frame.data.length; i += 3) {
      const grey = frame.data[i] ?? 0;
      if (Math.abs(grey - 64) <= 12 || Math.abs(grey - 192) <= 12) flat += 1;
    }
    expect(flat / (frame.data.length / 3)).toBeGreaterThan(0.8);
  });

  it('plans each style at the still’s working size: the finest detail the style keeps', () => {
    const sizes = (['light', 'medium', 'strong'] as const).map(
      (blur) => veiledFilterGraph({ widthPx: 1920, heightPx: 1080 }, { greyscale: true, blur, style: 'illustration' }).widthPx,
    );
    expect(sizes[0]).toBeGreaterThan(sizes[1] ?? 0);
    expect(sizes[1]).toBeGreaterThan(sizes[2] ?? 0);
    expect(sizes[2]).toBeLessThanOrEqual(64);
    const silhouette = veiledFilterGraph({ widthPx: 1920, heightPx: 1080 }, { greyscale: false, blur: 'strong', style: 'silhouette' });
    expect(silhouette.widthPx).toBeLessThanOrEqual(32);
    expect(silhouette.description.startsWith(`fps=${VEILED_VIDEO_FPS},`)).toBe(true);
    // 'off' is the picture unfiltered, whatever the style, as for images.
    const off = veiledFilterGraph({ widthPx: 1920, heightPx: 1080 }, { greyscale: false, blur: 'off', style: 'silhouette' });
    expect(off.description).not.toMatch(/gray|gblur|lut|sobel/);
  });
});
