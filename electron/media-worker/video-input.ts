/**
 * The first step of every video job in the media worker: open a case file with FFmpeg
 * (node-av) so that nothing but that file is read, and refuse from the header what no
 * investigator's video needs before a frame is decoded. docs/decisions/video-engine.md.
 */
import { open } from 'node:fs/promises';
import type { Decoder, Demuxer } from 'node-av/api';
import type { Stream } from 'node-av/lib';
import type { MediaError } from '../../shared/case/media-item.js';
import { reasonOf } from '../../shared/reasons/reason.js';
import { sniffFormat } from '../services/case/sniff-format.js';
import { mediaErrorFromFs, shortDetail } from './media-errors.js';
import { loadVideoEngine, type VideoEngine } from './video-engine.js';

export interface VideoLimits {
  maxInputBytes: number;
  maxSidePx: number;
  /** The images' pixel cap: one decoded frame is never larger than a still Veil would decode. */
  maxFramePixels: number;
  maxStreams: number;
  maxDurationSec: number;
}

export const DEFAULT_VIDEO_LIMITS: VideoLimits = {
  maxInputBytes: 8 * 1024 ** 3,
  maxSidePx: 8192,
  maxFramePixels: 100_000_000,
  maxStreams: 16,
  maxDurationSec: 24 * 3600,
};

/**
 * Demuxers FFmpeg may use: the containers investigators meet. Playlists (hls, concat),
 * image sequences and every network-facing demuxer are never probed.
 */
const ALLOWED_DEMUXERS = 'mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi';

/**
 * Options of avformat_open_input. `protocol_whitelist=file` also binds any nested open a
 * demuxer might attempt (FFmpeg copies the whitelist to it). `max_streams` (FFmpeg's default,
 * said here so it stays) stops a header declaring thousands of streams before they are
 * allocated; below it, Veil's tighter limit is checked after the open, so the refusal can say
 * how many. Probing is bounded so a hostile header cannot make the open read for ever.
 */
const OPEN_OPTIONS: Readonly<Record<string, string>> = {
  protocol_whitelist: 'file',
  format_whitelist: ALLOWED_DEMUXERS,
  max_streams: '1000',
  probesize: String(5 * 1024 * 1024),
  analyzeduration: String(5_000_000),
};

export interface OpenedVideo {
  engine: VideoEngine;
  demuxer: Demuxer;
  stream: Stream;
  decoder: Decoder;
  widthPx: number;
  heightPx: number;
  durationSec: number;
  /** Frees FFmpeg's contexts; safe to call twice. */
  close(): void;
}
type OpenVideoResult = { ok: true; video: OpenedVideo } | { ok: false; error: MediaError };

const refused = (code: MediaError['code'], detail: string, reason: MediaError['reason']): { ok: false; error: MediaError } => ({
  ok: false,
  error: { code, detail: shortDetail(detail), ...(reason ? { reason } : {}) },
});

/** Enough of the head for sniffFormat to recognise an MP4/MOV/WebM signature. */
const HEAD_BYTES = 64;

/**
 * FFmpeg could not open the file: a file whose first bytes are a video container's is damaged
 * (an MP4 cut before its index); anything else is a container Veil does not open (a zip, a
 * playlist), whatever its name says.
 */
function openFailure(error: unknown, looksLikeVideo: boolean): { ok: false; error: MediaError } {
  const message = error instanceof Error ? error.message : String(error);
  if (looksLikeVideo) return refused('decode-failed', `FFmpeg: ${message}`, reasonOf('video-damaged', {}));
  return refused('unsupported-format', `FFmpeg: ${message}`, reasonOf('video-container-refused', {}));
}

type HeadCheck = { ok: true; looksLikeVideo: boolean } | { ok: false; error: MediaError };

/** Size checks, and whether the first bytes are a video container's (decided by content, never by name). */
async function checkHead(filePath: string, limits: VideoLimits): Promise<HeadCheck> {
  const handle = await open(filePath, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return refused('unreadable', 'not a regular file', undefined);
    if (stats.size === 0) return refused('empty-file', 'the file has 0 bytes', undefined);
    if (stats.size > limits.maxInputBytes) return refused('too-large', `${stats.size} bytes; the limit is ${limits.maxInputBytes} bytes`, undefined);
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const format = sniffFormat(head.subarray(0, bytesRead));
    return { ok: true, looksLikeVideo: format === 'mp4' || format === 'mov' || format === 'webm' };
  } finally {
    await handle.close();
  }
}

/**
 * The longest duration the file declares, in seconds: the container's, or, before FFmpeg's
 * stream probe has set that, the longest of its streams' headers (an MP4's track headers).
 */
function declaredDurationSec(demuxer: Demuxer): number {
  const streamsSec = demuxer.streams.map(({ duration, timeBase }) =>
    duration > 0n && timeBase.den > 0 ? (Number(duration) * timeBase.num) / timeBase.den : 0,
  );
  return Math.max(demuxer.duration, ...streamsSec);
}

/** The checks of the header; null when the video may be decoded. */
function headerRefusal(demuxer: Demuxer, limits: VideoLimits): { ok: false; error: MediaError } | null {
  const count = demuxer.streams.length;
  if (count > limits.maxStreams) {
    return refused('too-many-pixels', `${count} streams`, reasonOf('video-too-many-streams', { count, limit: limits.maxStreams }));
  }
  const durationSec = declaredDurationSec(demuxer);
  if (durationSec > limits.maxDurationSec) {
    const durationHours = Math.floor(durationSec / 3600);
    return refused('too-large', `declares ${durationSec} s`, reasonOf('video-too-long', { durationHours, limitHours: limits.maxDurationSec / 3600 }));
  }
  return null;
}

function frameRefusal(widthPx: number, heightPx: number, limits: VideoLimits): { ok: false; error: MediaError } | null {
  if (widthPx <= limits.maxSidePx && heightPx <= limits.maxSidePx && widthPx * heightPx <= limits.maxFramePixels) return null;
  return refused(
    'too-many-pixels',
    `${widthPx} × ${heightPx} pixels`,
    reasonOf('video-frame-too-large', { widthPx, heightPx, limitSidePx: limits.maxSidePx, limitPixels: limits.maxFramePixels }),
  );
}

/**
 * Opens `filePath` (absolute, already contained in the case) for decoding its first video
 * stream. Never throws: every refusal is a MediaError with a reason.
 */
export async function openVideo(filePath: string, limits: VideoLimits = DEFAULT_VIDEO_LIMITS): Promise<OpenVideoResult> {
  let head: HeadCheck;
  try {
    head = await checkHead(filePath, limits);
  } catch (error) {
    return { ok: false, error: mediaErrorFromFs(error) };
  }
  if (!head.ok) return head;
  const engine = await loadVideoEngine();
  const { Decoder, Demuxer } = engine.api;
  let demuxer: Demuxer;
  try {
    // The sync API: the async packet reader of node-av 6.1.1 ends at once on these inputs.
    // A file URL, so no part of a path (a colon in a folder name) is read as a protocol.
    // No stream-info probe yet: FFmpeg's probe decodes frames, and the header limits come first.
    demuxer = Demuxer.openSync(`file://${filePath}`, { options: { ...OPEN_OPTIONS }, skipStreamInfo: true });
  } catch (error) {
    return openFailure(error, head.looksLikeVideo);
  }
  const closeDemuxer = () => {
    if (demuxer.isInputOpen) demuxer.closeSync();
  };
  const refusal = headerRefusal(demuxer, limits);
  const stream = demuxer.video();
  if (refusal !== null || stream === undefined) {
    const streamCount = demuxer.streams.length;
    closeDemuxer();
    if (refusal !== null) return refusal;
    // No stream at all in a file that opened: its index was cut off (an MP4 whose moov is cut short).
    if (streamCount === 0) return refused('decode-failed', 'no stream could be read', reasonOf('video-damaged', {}));
    return refused('unsupported-format', 'no video stream', reasonOf('video-no-picture', {}));
  }
  const declared = frameRefusal(stream.codecpar.width, stream.codecpar.height, limits);
  if (declared !== null) {
    closeDemuxer();
    return declared;
  }
  // Within the header's limits: now FFmpeg may decode a few frames to learn the codec's parameters.
  const probed = demuxer.getFormatContext().findStreamInfoSync(null);
  // The codec's own header (an H.264 SPS) may give another size than the container declared.
  const { width: widthPx, height: heightPx } = stream.codecpar;
  const tooLarge = frameRefusal(widthPx, heightPx, limits);
  const tooLong = headerRefusal(demuxer, limits);
  if (probed < 0 || tooLong !== null || tooLarge !== null || widthPx <= 0 || heightPx <= 0) {
    closeDemuxer();
    return tooLong ?? tooLarge ?? refused('decode-failed', `the video stream has no readable picture (FFmpeg ${probed})`, reasonOf('video-damaged', {}));
  }
  let decoder: Decoder;
  try {
    decoder = Decoder.createSync(stream, { context: { threadCount: 2 } });
  } catch (error) {
    closeDemuxer();
    return refused('unsupported-format', `FFmpeg decoder: ${error instanceof Error ? error.message : String(error)}`, reasonOf('video-damaged', {}));
  }
  const close = () => {
    decoder.close();
    closeDemuxer();
  };
  return { ok: true, video: { engine, demuxer, stream, decoder, widthPx, heightPx, durationSec: declaredDurationSec(demuxer), close } };
}
