/**
 * A video's storyboard, made in the media worker: STORYBOARD_FRAME_COUNT frames spread over
 * the duration, each filtered in the pixels exactly like an image thumbnail (renderDerivative,
 * so every style and blur level), laid out as one JPEG grid the renderer cuts into tiles.
 */
import sharp from 'sharp';
import type { Frame, Packet } from 'node-av/lib';
import { STORYBOARD_COLUMNS, STORYBOARD_FRAME_COUNT, storyboardTimes } from '../../shared/media/storyboard.js';
import { reasonOf } from '../../shared/reasons/reason.js';
import type { DeriveInput, DeriveResult } from './derive-image.js';
import { DEFAULT_DERIVE_LIMITS, exactBytes, renderDerivative } from './derive-image.js';
import { planDerivative } from './derive-plan.js';
import { mediaErrorFromSharp } from './media-errors.js';
import { DEFAULT_VIDEO_LIMITS, openVideo, type OpenedVideo, type VideoLimits } from './video-input.js';

/** Each tile fits in a grid thumbnail's square: the storyboard is a row of thumbnails. */
const TILE_LONG_EDGE_PX = 320;
/** A seek lands on a keyframe; this many packets without the picture wanted means the stream is broken there. */
const MAX_PACKETS_PER_FRAME = 600;
const NEUTRAL_GREY = { r: 128, g: 128, b: 128 };
const SPRITE_JPEG_QUALITY = 80;

type StoryboardInput = Omit<DeriveInput, 'longEdgePx'>;

/** A packet's presentation time in seconds (its decode time when it has none); null when it has neither. */
function packetSec(video: OpenedVideo, packet: Packet): number | null {
  const { num, den } = video.stream.timeBase;
  const noTime = video.engine.constants.AV_NOPTS_VALUE;
  const ticks = packet.pts !== noTime ? packet.pts : packet.dts;
  return ticks === noTime || den <= 0 ? null : (Number(ticks) * num) / den;
}

/** Reads into `packet` the next packet of the video stream (skipping others); false at the end or past the budget. */
function readVideoPacket(video: OpenedVideo, packet: Packet, budget: { packets: number }): boolean {
  const context = video.demuxer.getFormatContext();
  while (budget.packets > 0) {
    budget.packets -= 1;
    packet.unref();
    if (context.readFrameSync(packet) < 0) return false;
    if (packet.streamIndex === video.stream.index) return true;
  }
  return false;
}

/**
 * The keyframe in `packet` decoded on its own: sent, then drained (so a frame-threaded decoder
 * gives it back at once), then the decoder reset for the next position. Null when it gives no picture.
 */
function decodeAlone(video: OpenedVideo, packet: Packet): Frame | null {
  const { decoder } = video;
  decoder.decodeSync(packet);
  decoder.flushSync();
  let picture: Frame | null = null;
  for (let tries = 0; tries < MAX_PACKETS_PER_FRAME; tries += 1) {
    const frame = decoder.receiveSync();
    if (frame === null || typeof frame !== 'object') break;
    if (picture === null) picture = frame;
    else frame.free();
  }
  decoder.getCodecContext()?.flushBuffers();
  return picture;
}

/**
 * From the keyframe in `packet`, decodes forward to the first picture at or after `notBeforeSec`
 * (within the packet budget; past it, the last picture decoded). Null when none comes.
 */
function decodeForward(video: OpenedVideo, packet: Packet, notBeforeSec: number, budget: { packets: number }): Frame | null {
  const { decoder, stream } = video;
  const { num, den } = stream.timeBase;
  let last: Frame | null = null;
  do {
    decoder.decodeSync(packet);
    const frame = decoder.receiveSync();
    if (frame === null || typeof frame !== 'object') continue;
    last?.free();
    last = frame;
    if ((Number(frame.bestEffortTimestamp) * num) / den >= notBeforeSec) break;
  } while (readVideoPacket(video, packet, budget));
  return last;
}

/**
 * A picture from the slice [notBeforeSec, atSec] of the video. Seeks to the keyframe at or before
 * `atSec`; when that keyframe lies in the slice (every tile of a long video: phones and cameras
 * write one every few seconds) it is the picture, decoded alone, and no other frame is decoded.
 * Otherwise (a short video with few keyframes) decodes on from it to the slice's start, at most
 * MAX_PACKETS_PER_FRAME packets. Packets are read with readFrameSync: node-av 6.1.1's packet
 * generators end at once on an MP4 with sound.
 */
function frameNear(video: OpenedVideo, atSec: number, notBeforeSec: number): Frame | null {
  const { demuxer, decoder, engine } = video;
  demuxer.seekSync(atSec, -1, engine.constants.AVSEEK_FLAG_BACKWARD);
  // Forget the pictures of the previous position (flushSync would end the stream instead).
  decoder.getCodecContext()?.flushBuffers();
  const packet = new engine.lib.Packet();
  packet.alloc();
  const budget = { packets: MAX_PACKETS_PER_FRAME };
  try {
    if (!readVideoPacket(video, packet, budget)) return null;
    const keySec = packetSec(video, packet);
    if (packet.isKeyframe && keySec !== null && keySec >= notBeforeSec) {
      const alone = decodeAlone(video, packet);
      if (alone !== null) return alone;
    }
    return decodeForward(video, packet, notBeforeSec, budget);
  } finally {
    packet.free();
  }
}

/** Decoded pictures scaled to the tile size, as raw RGB (FFmpeg's scaler, in this process). */
function grabTiles(video: OpenedVideo, tileWidthPx: number, tileHeightPx: number): Buffer[] {
  const scaler = new video.engine.api.Scaler();
  try {
    const tiles: Buffer[] = [];
    const durationSec = Math.max(video.durationSec, 0.001);
    for (const atSec of storyboardTimes(durationSec, STORYBOARD_FRAME_COUNT)) {
      // The tile's slice starts half a slice before its time (storyboardTimes centres each time in its slice).
      const frame = frameNear(video, atSec, atSec - durationSec / STORYBOARD_FRAME_COUNT / 2);
      if (frame === null) continue;
      tiles.push(scaler.toBufferSync(frame, { resize: { width: tileWidthPx, height: tileHeightPx }, format: 'rgb' }));
      frame.free();
    }
    return tiles;
  } finally {
    scaler.close();
  }
}

/** One tile through the image filter, back at the tile size (a strongly blurred tile is made smaller, as a still is). */
async function filterTile(rgb: Buffer, input: StoryboardInput, widthPx: number, heightPx: number): Promise<Buffer> {
  const plan = planDerivative(widthPx, heightPx, TILE_LONG_EDGE_PX, input.blur);
  const image = sharp(rgb, { raw: { width: widthPx, height: heightPx, channels: 3 } });
  const { data } = await renderDerivative(image, input, DEFAULT_DERIVE_LIMITS, plan);
  return sharp(data).resize(widthPx, heightPx, { fit: 'fill' }).png({ compressionLevel: 0 }).toBuffer();
}

/**
 * The storyboard grid of the video at `input.filePath`: STORYBOARD_COLUMNS tiles a row, in
 * time order, each greyscale and blurred as the profile says. Never throws.
 */
export async function deriveStoryboard(input: StoryboardInput, limits: VideoLimits = DEFAULT_VIDEO_LIMITS): Promise<DeriveResult> {
  const opened = await openVideo(input.filePath, limits);
  if (!opened.ok) return opened;
  const { video } = opened;
  const tile = planDerivative(video.widthPx, video.heightPx, TILE_LONG_EDGE_PX, 'off');
  const widthPx = tile.fittedWidthPx;
  const heightPx = tile.fittedHeightPx;
  let tiles: Buffer[];
  try {
    tiles = grabTiles(video, widthPx, heightPx);
  } catch (error) {
    return { ok: false, error: { code: 'decode-failed', detail: `FFmpeg: ${String(error)}`, reason: reasonOf('video-damaged', {}) } };
  } finally {
    video.close();
  }
  if (tiles.length === 0) return { ok: false, error: { code: 'decode-failed', detail: 'no picture could be decoded', reason: reasonOf('video-damaged', {}) } };
  try {
    const filtered = await Promise.all(tiles.map((rgb) => filterTile(rgb, input, widthPx, heightPx)));
    const rows = Math.ceil(STORYBOARD_FRAME_COUNT / STORYBOARD_COLUMNS);
    const sprite = sharp({ create: { width: widthPx * STORYBOARD_COLUMNS, height: heightPx * rows, channels: 3, background: NEUTRAL_GREY } }).composite(
      filtered.map((png, i) => ({ input: png, left: (i % STORYBOARD_COLUMNS) * widthPx, top: Math.floor(i / STORYBOARD_COLUMNS) * heightPx })),
    );
    const coloured = input.greyscale ? sprite.greyscale().toColourspace('b-w') : sprite.toColourspace('srgb');
    const { data, info } = await coloured.jpeg({ quality: SPRITE_JPEG_QUALITY }).toBuffer({ resolveWithObject: true });
    return { ok: true, bytes: exactBytes(data), mime: 'image/jpeg', widthPx: info.width, heightPx: info.height };
  } catch (error) {
    return { ok: false, error: mediaErrorFromSharp(error) };
  }
}
