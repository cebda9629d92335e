import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Demuxer } from 'node-av/api';
import { FormatContext } from 'node-av/lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deriveVeiledVideo } from '../../../../electron/media-worker/video-veiled.js';
import { deriveStoryboard } from '../../../../electron/media-worker/video-storyboard.js';
import { truncated, writeVideo } from '../../../fixtures/synthetic-media.js';
import { decodeRgb, edgeEnergy, maxChannelSpread } from './image-metrics.js';

const execFileAsync = promisify(execFile);

/** ffmpeg 4.1 of @ffmpeg-installer, for fixtures only (the engine under test is node-av's FFmpeg 8.1). */
async function ffmpegFixture(args: string[]): Promise<void> {
  await execFileAsync(ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

const strongGrey = { greyscale: true, blur: 'strong', style: 'blur' } as const;

describe('video storyboard made in the media worker', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'veil-video-'));
    await writeVideo(file('clip.mp4'), { format: 'mp4', durationS: 6, widthPx: 320, heightPx: 240 });
    await writeVideo(file('clip.webm'), { format: 'webm', durationS: 6, widthPx: 320, heightPx: 240 });
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['clip.mp4', 'clip.webm'])(
    'gives nine grey frames of %s, far less detailed than unfiltered ones, in time order',
    async (name) => {
      const veiled = await deriveStoryboard({ filePath: file(name), ...strongGrey });
      const plain = await deriveStoryboard({ filePath: file(name), greyscale: false, blur: 'off' });
      const greyOnly = await deriveStoryboard({ filePath: file(name), greyscale: true, blur: 'off' });
      if (!veiled.ok || !plain.ok || !greyOnly.ok)
        throw new Error(`no storyboard: ${JSON.stringify([veiled, plain, greyOnly].map((r) => (r.ok ? 'ok' : r.error)))}`);
      // 3 × 3 tiles of 320 × 240 (the grid thumbnail's long edge).
      expect([veiled.widthPx, veiled.heightPx]).toEqual([960, 720]);
      const veiledPixels = await decodeRgb(veiled.bytes);
      const plainPixels = await decodeRgb(plain.bytes);
      expect(maxChannelSpread(veiledPixels)).toBe(0);
      expect(maxChannelSpread(plainPixels)).toBeGreaterThan(60);
      // Detail is measured in grey levels, so against the same frames greyscale but unblurred.
      expect(edgeEnergy(veiledPixels)).toBeLessThan(edgeEnergy(await decodeRgb(greyOnly.bytes)) / 2);
    },
    60_000,
  );

  it('takes every frame from a different moment of the video', async () => {
    const plain = await deriveStoryboard({ filePath: file('clip.mp4'), greyscale: false, blur: 'off' });
    if (!plain.ok) throw new Error(plain.error.detail);
    const pixels = await decodeRgb(plain.bytes);
    const tileW = pixels.widthPx / 3;
    const tileH = pixels.heightPx / 3;
    // The sliding box moves: no two tiles are the same picture.
    const tiles = Array.from({ length: 9 }, (_, i) => {
      const rows: number[] = [];
      for (let y = 0; y < tileH; y += 8) {
        for (let x = 0; x < tileW; x += 8) rows.push(pixels.data[((Math.floor(i / 3) * tileH + y) * pixels.widthPx + (i % 3) * tileW + x) * 3] ?? 0);
      }
      return rows.join(',');
    });
    expect(new Set(tiles).size).toBe(9);
  }, 60_000);
});

describe('hostile videos: refused with a reason, nothing read but the file', () => {
  let dir: string;
  let server: Server;
  let requests = 0;
  const file = (name: string) => path.join(dir, name);
  const reasonOf = async (name: string) => {
    const result = await deriveStoryboard({ filePath: file(name), ...strongGrey });
    return result.ok ? 'made a storyboard' : `${result.error.code}/${result.error.reason?.code ?? 'no reason'}`;
  };
  /** The veiled derivative (what plays before a reveal) opens the file the same way, so is refused the same way. */
  const veiledReasonOf = async (name: string) => {
    const result = await deriveVeiledVideo({ filePath: file(name), ...strongGrey }, { onChunk: () => undefined, cancelled: () => false });
    return result.ok ? 'made a storyboard' : `${result.error.code}/${result.error.reason?.code ?? 'no reason'}`;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'veil-hostile-video-'));
    server = createServer((_request, response) => {
      requests += 1;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // A whole, playable video outside the "case": a list that pointed to it would make a storyboard if followed.
    await writeVideo(file('elsewhere.mp4'), { format: 'mp4', durationS: 2, widthPx: 176, heightPx: 144 });
    await ffmpegFixture(['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', file('moov-at-end.mp4')]);
    const whole = await readFile(file('elsewhere.mp4'));
    await writeFile(file('truncated.mp4'), truncated(whole, 2000));
    const moovAtEnd = await readFile(file('moov-at-end.mp4'));
    // Everything up to the index box (the 4 bytes of its size come before its name).
    await writeFile(file('no-moov.mp4'), truncated(moovAtEnd, moovAtEnd.lastIndexOf('moov') - 4));
    await ffmpegFixture(['-f', 'lavfi', '-i', 'testsrc2=size=16x8200:rate=1:duration=1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', file('tall.mp4')]);
    await ffmpegFixture([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=32x32:rate=5:duration=1',
      ...Array.from({ length: 20 }, () => ['-map', '0:v']).flat(),
      '-c:v',
      'libx264',
      file('streams.mp4'),
    ]);
    await ffmpegFixture([
      '-f',
      'lavfi',
      '-i',
      'anullsrc=sample_rate=8000',
      '-t',
      '0.1',
      ...Array.from({ length: 900 }, () => ['-map', '0:a']).flat(),
      '-c:a',
      'pcm_s16le',
      '-f',
      'mov',
      file('thousands.mov'),
    ]);
    await ffmpegFixture([
      '-f',
      'lavfi',
      '-i',
      'color=size=32x32:rate=1:duration=2',
      '-vf',
      'setpts=N*25*3600/TB',
      '-vsync',
      'passthrough',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      file('day-long.mp4'),
    ]);
    await writeFile(file('archive.mp4'), Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), Buffer.alloc(4000, 7)]));
    await writeFile(file('hls-url.mp4'), `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:${port}/segment.ts\n#EXT-X-ENDLIST\n`);
    await writeFile(
      file('hls-file.mp4'),
      `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${file('elsewhere.mp4')}\n#EXTINF:10,\n/etc/passwd\n#EXT-X-ENDLIST\n`,
    );
    await writeFile(file('concat.mp4'), `ffconcat version 1.0\nfile '${file('elsewhere.mp4')}'\nfile '/etc/passwd'\nfile 'http://127.0.0.1:${port}/x.mp4'\n`);
    // Lists FFmpeg follows when nothing stops it (see the last test): a playlist by its usual name, and a
    // concat list naming its neighbour by a relative path (FFmpeg's own 'safe' check refuses absolute ones).
    await writeFile(file('list.m3u8'), `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nelsewhere.mp4\n#EXT-X-ENDLIST\n`);
    await writeFile(file('url.m3u8'), `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:${port}/segment.ts\n#EXT-X-ENDLIST\n`);
    await writeFile(file('relative.mp4'), `ffconcat version 1.0\nfile 'elsewhere.mp4'\n`);
  }, 180_000);

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('says why for each file of the corpus', async () => {
    const results: Record<string, string> = {};
    const veiled: Record<string, string> = {};
    for (const name of [
      'truncated.mp4',
      'no-moov.mp4',
      'tall.mp4',
      'streams.mp4',
      'thousands.mov',
      'day-long.mp4',
      'archive.mp4',
      'hls-url.mp4',
      'hls-file.mp4',
      'concat.mp4',
      'list.m3u8',
      'url.m3u8',
      'relative.mp4',
    ]) {
      results[name] = await reasonOf(name);
      veiled[name] = await veiledReasonOf(name);
    }
    expect(veiled).toEqual(results);
    expect(results).toEqual({
      'truncated.mp4': 'decode-failed/video-damaged',
      'no-moov.mp4': 'decode-failed/video-damaged',
      'tall.mp4': 'too-many-pixels/video-frame-too-large',
      'streams.mp4': 'too-many-pixels/video-too-many-streams',
      'thousands.mov': 'too-many-pixels/video-too-many-streams',
      'day-long.mp4': 'too-large/video-too-long',
      'archive.mp4': 'unsupported-format/video-container-refused',
      'hls-url.mp4': 'unsupported-format/video-container-refused',
      'hls-file.mp4': 'unsupported-format/video-container-refused',
      'concat.mp4': 'unsupported-format/video-container-refused',
      'list.m3u8': 'unsupported-format/video-container-refused',
      'url.m3u8': 'unsupported-format/video-container-refused',
      'relative.mp4': 'unsupported-format/video-container-refused',
    });
    // The playlists' URLs were never asked for.
    expect(requests).toBe(0);
  }, 120_000);

  it('still makes the storyboard of the whole video the lists point to (the refusals above are not the engine failing)', async () => {
    expect(await reasonOf('elsewhere.mp4')).toBe('made a storyboard');
  }, 60_000);

  it('refuses from the header before FFmpeg decodes a frame (its stream probe decodes)', async () => {
    const probe = vi.spyOn(FormatContext.prototype, 'findStreamInfoSync');
    try {
      for (const name of ['tall.mp4', 'streams.mp4', 'thousands.mov', 'day-long.mp4']) expect(await reasonOf(name), name).not.toBe('made a storyboard');
      expect(probe).not.toHaveBeenCalled();
      expect(await reasonOf('elsewhere.mp4')).toBe('made a storyboard');
      expect(probe).toHaveBeenCalled();
    } finally {
      probe.mockRestore();
    }
  }, 60_000);

  it('refuses lists that FFmpeg, opened without Veil’s whitelists, follows to the file outside', () => {
    // The control: the same files opened with FFmpeg's defaults read elsewhere.mp4 (its 176 × 144 picture comes out),
    // so the refusals above are the whitelists' doing, made before the list's demuxer ran.
    for (const name of ['list.m3u8', 'relative.mp4']) {
      const followed = Demuxer.openSync(`file://${file(name)}`);
      try {
        expect([followed.video()?.codecpar.width, followed.video()?.codecpar.height], name).toEqual([176, 144]);
      } finally {
        followed.closeSync();
      }
    }
  }, 60_000);
});
