import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Demuxer } from 'node-av/api';
import { Packet } from 'node-av/lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { veiledFilterGraph } from '../../../../electron/media-worker/video-veiled-graph.js';
import { VEILED_VIDEO_FPS } from '../../../../shared/media/veiled-start.js';
import { deriveVeiledVideo } from '../../../../electron/media-worker/video-veiled.js';
import { writeVideo } from '../../../fixtures/synthetic-media.js';

const strongGrey = { greyscale: true, blur: 'strong', style: 'blur' } as const;

/** Runs the encode, keeping every chunk; `stopAfterChunks` cancels it like a viewer leaving the item. */
async function encode(filePath: string, stopAfterChunks = Infinity, startSec?: number) {
  const chunks: Uint8Array[] = [];
  const result = await deriveVeiledVideo(
    { filePath, ...strongGrey, ...(startSec === undefined ? {} : { startSec }) },
    { onChunk: (chunk) => chunks.push(chunk), cancelled: () => chunks.length >= stopAfterChunks },
  );
  return { result, bytes: Buffer.concat(chunks), chunks };
}

describe('veiled video made in the media worker', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'veil-veiled-'));
    await writeVideo(file('clip.mp4'), { format: 'mp4', durationS: 4, widthPx: 640, heightPx: 360 });
    await writeVideo(file('clip.webm'), { format: 'webm', durationS: 4, widthPx: 640, heightPx: 360 });
    await writeVideo(file('long.mp4'), { format: 'mp4', durationS: 40, widthPx: 640, heightPx: 360 });
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['clip.mp4', 'clip.webm'])(
    'turns %s into a small VP8 WebM with no sound, its whole duration in the header',
    async (name) => {
      const { result, bytes, chunks } = await encode(file(name));
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(result.summary.totalBytes).toBe(bytes.length);
      expect(chunks.length).toBeGreaterThan(0);
      await writeFile(file(`${name}.veiled.webm`), bytes);
      const demuxer = Demuxer.openSync(`file://${file(`${name}.veiled.webm`)}`);
      try {
        expect(demuxer.streams).toHaveLength(1);
        const video = demuxer.video();
        // Strong blur on a 640 px long edge: a copy about 150 px long, which the player enlarges.
        expect(video?.codecpar.width).toBe(result.summary.widthPx);
        expect(result.summary.widthPx).toBeLessThan(200);
        expect(demuxer.duration).toBeCloseTo(4, 0);
        // The original is 25 fps, 14 kB a second or more; the derivative is a fraction of it.
        expect(bytes.length).toBeLessThan(100_000);
      } finally {
        demuxer.closeSync();
      }
    },
    120_000,
  );

  it('plans grey, blurred, reduced frames at a low frame rate', () => {
    const graph = veiledFilterGraph({ widthPx: 1920, heightPx: 1080 }, strongGrey);
    expect(graph.description).toMatch(new RegExp(`^fps=${VEILED_VIDEO_FPS},scale=\\d+:\\d+:flags=area,format=gray,gblur=sigma=[\\d.]+,format=yuv420p$`));
    expect(Math.max(graph.widthPx, graph.heightPx)).toBeLessThan(200);
    const colourOff = veiledFilterGraph({ widthPx: 1920, heightPx: 1080 }, { greyscale: false, blur: 'off' });
    expect(colourOff.description).not.toMatch(/gray|gblur/);
    expect(colourOff.widthPx).toBe(640);
    // A silhouette is always grey.
    expect(veiledFilterGraph({ widthPx: 640, heightPx: 360 }, { greyscale: false, blur: 'strong', style: 'silhouette' }).description).toMatch(/format=gray/);
  });

  it('gives its first bytes long before the end, and stops when cancelled', async () => {
    const { result, chunks } = await encode(file('long.mp4'), 2);
    expect(result.ok).toBe(false);
    // The first chunk is the header and the first frames: a player can start with it.
    expect(Buffer.from(chunks[0] ?? []).subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
    const whole = await encode(file('long.mp4'));
    expect(whole.result.ok).toBe(true);
    expect(whole.chunks.length).toBeGreaterThan(chunks.length);
  }, 180_000);

  it('refuses a file that is not a video with a reason', async () => {
    await writeFile(file('not-a-video.mp4'), Buffer.from('PK\u0003\u0004 this is a zip, not a movie'));
    const { result, chunks } = await encode(file('not-a-video.mp4'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toBeDefined();
    expect(chunks).toHaveLength(0);
  });

  /** The times of a WebM's pictures, as the player's currentTime gives them (Chromium keeps a WebM's own). */
  function pictureTimes(webmPath: string): number[] {
    const demuxer = Demuxer.openSync(`file://${webmPath}`);
    try {
      const stream = demuxer.video();
      if (stream === undefined) throw new Error('no video stream');
      const { num, den } = stream.timeBase;
      const times: number[] = [];
      const packet = new Packet();
      packet.alloc();
      // readFrameSync, as the worker reads: node-av's packet generators can end at once.
      for (; demuxer.getFormatContext().readFrameSync(packet) >= 0; packet.unref()) times.push((Number(packet.pts) * num) / den);
      packet.free();
      return times;
    } finally {
      demuxer.closeSync();
    }
  }

  it('starts at a time when asked: its first picture is the one on screen then (not the keyframe before it), and runs to the end', async () => {
    const whole = await encode(file('long.mp4'));
    const from = await encode(file('long.mp4'), Infinity, 30.5);
    if (!from.result.ok) throw new Error(JSON.stringify(from.result.error));
    expect(from.bytes.length).toBeLessThan(whole.bytes.length / 2);
    await writeFile(file('from.webm'), from.bytes);
    const times = pictureTimes(file('from.webm'));
    expect(times[0]).toBeGreaterThanOrEqual(30.45);
    expect(times[0]).toBeLessThanOrEqual(30.6);
    expect(times.at(-1)).toBeGreaterThan(39.5);
    expect(times.length).toBeGreaterThan(9.4 * VEILED_VIDEO_FPS);
    expect(times.length).toBeLessThan(9.6 * VEILED_VIDEO_FPS);
    // Between two of the derivative's frames (a frame step's target is the middle of the next one): it starts with the
    // frame shown at that time, not the one after (the player would have moved two frames).
    const between = await encode(file('long.mp4'), Infinity, 30.5 + 0.98 / VEILED_VIDEO_FPS);
    if (!between.result.ok) throw new Error(JSON.stringify(between.result.error));
    await writeFile(file('between.webm'), between.bytes);
    expect(pictureTimes(file('between.webm'))[0]).toBeCloseTo(30.5, 2);
    // A frame's time rounded down to the millisecond the route takes (31/12 s is 2.58333…): that frame, not the one before.
    const rounded = await encode(file('long.mp4'), Infinity, 2.583);
    if (!rounded.result.ok) throw new Error(JSON.stringify(rounded.result.error));
    await writeFile(file('rounded.webm'), rounded.bytes);
    expect(pictureTimes(file('rounded.webm'))[0]).toBeCloseTo(31 / VEILED_VIDEO_FPS, 2);
  }, 180_000);
});
