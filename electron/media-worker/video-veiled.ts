/**
 * The veiled derivative of a video, made in the media worker: the first video stream decoded,
 * fewer frames, scaled down to the detail the profile leaves anyway, drawn in its style (blur,
 * illustration or silhouette, as the stills are) by FFmpeg's filters (video-veiled-graph.ts),
 * encoded VP8 in a streamable WebM with no audio track, and handed out in chunks as it is made
 * so that playback starts at once.
 * docs/decisions/video-engine.md.
 */
import type { Frame, Packet } from 'node-av/lib';
import type { MediaError } from '../../shared/case/media-item.js';
import { reasonOf } from '../../shared/reasons/reason.js';
import { VEILED_VIDEO_FPS } from '../../shared/media/veiled-start.js';
import { veiledFilterGraph, type VeiledProfile } from './video-veiled-graph.js';
import { seekToStart, startGate } from './video-veiled-start.js';
import { DEFAULT_VIDEO_LIMITS, openVideo, type OpenedVideo, type VideoLimits } from './video-input.js';

/** Chunks are sent at least this large (the last one may be smaller), so IPC messages stay few. */
const CHUNK_BYTES = 64 * 1024;
/** Frames encoded between two turns of the event loop: a cancel message must be heard while encoding. */
const FRAMES_PER_TURN = 4;
/** A keyframe every 2 s at 12 fps: seeking in the derivative lands near where it was asked. */
const KEYFRAME_INTERVAL_FRAMES = 24;
/**
 * A WebM cluster is written only once it is closed, and a player needs one to start. The matroska
 * muxer closes them every second on a stream (12 frames, 25 decoded at 25 fps); 0 closes one at
 * every frame, so the first frame can leave at the second: about 15 bytes a frame (+3 % here).
 */
const CLUSTER_MS = 0;
/**
 * One encoder thread: the frames are about 150 px long, and libvpx's second thread waits for the
 * first at every frame. Measured on this loaded 2-core machine (a per-stage probe, docs/decisions/video-engine.md): 240
 * frames took 22 s with 2 threads (3 s of CPU, most of it spent waiting), 0.14 s with one.
 */
const ENCODER_THREADS = 1;

export interface VeiledVideoInput extends VeiledProfile {
  filePath: string;
  /** Where the derivative starts, in the original's seconds (0 or absent: its beginning); video-veiled-start.ts. */
  startSec?: number;
}

interface VeiledVideoSummary {
  mime: 'video/webm';
  widthPx: number;
  heightPx: number;
  totalBytes: number;
}

type VeiledVideoResult = { ok: true; summary: VeiledVideoSummary } | { ok: false; error: MediaError };

export interface VeiledVideoSink {
  /** Bytes of the WebM in order; the first one holds the header, so a player can start with it. */
  onChunk(bytes: Uint8Array): void;
  /** True once the job is cancelled (the viewer left the item): encoding stops at the next frame. */
  cancelled(): boolean;
}

/**
 * Every encoder made, closed but never collected: with node-av 6.1.1 the garbage collector's
 * finalizer of a VP8 encoder that has encoded crashes the process (SIGSEGV in node-av.node, seen
 * in the media worker mid-job and reproduced with `node --expose-gc`), whether or not it was
 * closed. A closed encoder's wrapper is a few hundred bytes per video made.
 */
const keptEncoders: unknown[] = [];

const failed = (detail: string): { ok: false; error: MediaError } => ({
  ok: false,
  error: { code: 'decode-failed', detail: `FFmpeg: ${detail.slice(0, 200)}`, reason: reasonOf('video-damaged', {}) },
});

/** HH:MM:SS.mmm, as FFmpeg's av_parse_time reads a duration. */
function durationTag(durationSec: number): string {
  const ms = Math.max(0, Math.round(durationSec * 1000));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Collects the muxer's output into CHUNK_BYTES pieces. The muxer's first write is the header and
 * its second the first cluster: those two leave at once, as they are what a player starts with.
 */
function chunker(sink: VeiledVideoSink) {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let totalBytes = 0;
  let writes = 0;
  return {
    write(buffer: Buffer): number {
      pending.push(Buffer.from(buffer));
      pendingBytes += buffer.length;
      totalBytes += buffer.length;
      writes += 1;
      if (pendingBytes >= CHUNK_BYTES || writes === 2) this.flush();
      return buffer.length;
    },
    flush(): void {
      if (pendingBytes === 0) return;
      sink.onChunk(new Uint8Array(Buffer.concat(pending)));
      pending = [];
      pendingBytes = 0;
    },
    get totalBytes() {
      return totalBytes;
    },
  };
}

/**
 * Decodes, filters and encodes the whole video, yielding to the event loop every few frames.
 * Packets are read with readFrameSync (node-av 6.1.1's packet generators end at once on an MP4 with sound).
 */
async function encodeAll(video: OpenedVideo, input: VeiledVideoInput, sink: VeiledVideoSink, output: ReturnType<typeof chunker>): Promise<VeiledVideoResult> {
  const { engine, demuxer, decoder, stream } = video;
  const { Encoder, FilterAPI, Muxer } = engine.api;
  const graph = veiledFilterGraph(video, input);
  const filter = FilterAPI.create(graph.description, { threads: 1 });
  const encoder = Encoder.createSync(engine.constants.FF_ENCODER_LIBVPX_VP8, {
    bitrate: '400k',
    gopSize: KEYFRAME_INTERVAL_FRAMES,
    threadCount: ENCODER_THREADS,
    options: { deadline: 'realtime', 'cpu-used': 8, 'lag-in-frames': 0 },
  });
  keptEncoders.push(encoder);
  // No seek callback: the matroska muxer then writes a live-style stream (no cues to go back and fill in).
  const muxer = Muxer.openSync(
    { write: (buffer: Buffer) => output.write(buffer) },
    {
      format: 'webm',
      bufferSize: 4096,
      options: { cluster_time_limit: CLUSTER_MS },
    },
  );
  // Added before the first frame: node-av sets the encoder's flags from the muxer, and may not once it is open.
  const streamIndex = muxer.addStream(encoder);
  const outStream = muxer.getFormatContext().streams?.[streamIndex];
  // A DURATION tag is what the matroska muxer writes into a header it cannot go back to: the player
  // shows the whole timeline before the end is encoded.
  if (outStream !== undefined) {
    const tags = engine.lib.Dictionary.fromObject({ DURATION: durationTag(video.durationSec) });
    // node-av's Stream.metadata setter copies it (av_dict_copy), so ours is freed now. (The process crash first blamed
    // on this dictionary happens without it too: docs/decisions/video-engine.md.)
    outStream.metadata = tags;
    tags.free();
  }
  let wrotePacket = false;
  const packet = new engine.lib.Packet();
  packet.alloc();
  const context = demuxer.getFormatContext();
  let framesSinceTurn = 0;

  const writeEncoded = () => {
    for (let encoded = encoder.receiveSync(); encoded !== null && typeof encoded === 'object'; encoded = encoder.receiveSync()) {
      writePacket(encoded);
    }
  };
  const writePacket = (encoded: Packet) => {
    wrotePacket = true;
    muxer.writePacketSync(encoded, streamIndex);
    encoded.free();
  };
  const encodeFiltered = (frame: Frame | null) => {
    filter.processSync(frame);
    for (let filtered = filter.receiveSync(); filtered !== null && typeof filtered === 'object'; filtered = filter.receiveSync()) {
      encoder.encodeSync(filtered);
      filtered.free();
      writeEncoded();
      framesSinceTurn += 1;
    }
  };

  const startSec = input.startSec ?? 0;
  const gate = startGate(video, startSec, VEILED_VIDEO_FPS);
  try {
    seekToStart(video, startSec);
    while (context.readFrameSync(packet) >= 0) {
      const ours = packet.streamIndex === stream.index;
      if (ours) decoder.decodeSync(packet);
      packet.unref();
      if (!ours) continue;
      for (let frame = decoder.receiveSync(); frame !== null && typeof frame === 'object'; frame = decoder.receiveSync()) {
        if (gate.admit(frame)) encodeFiltered(frame);
        frame.free();
      }
      if (framesSinceTurn >= FRAMES_PER_TURN) {
        framesSinceTurn = 0;
        output.flush();
        await nextTurn();
        if (sink.cancelled()) return failed('cancelled');
      }
    }
    decoder.flushSync();
    for (let frame = decoder.receiveSync(); frame !== null && typeof frame === 'object'; frame = decoder.receiveSync()) {
      if (gate.admit(frame)) encodeFiltered(frame);
      frame.free();
    }
    const leftover = gate.leftover();
    if (leftover !== null) encodeFiltered(leftover);
    leftover?.free();
    encodeFiltered(null);
    encoder.flushSync();
    writeEncoded();
    if (!wrotePacket) return failed('no picture could be decoded');
    muxer.closeSync();
    output.flush();
    return {
      ok: true,
      summary: { mime: 'video/webm', widthPx: graph.widthPx, heightPx: graph.heightPx, totalBytes: output.totalBytes },
    };
  } finally {
    packet.free();
    if (muxer.isOpen) muxer.closeSync();
    encoder.close();
    filter.close();
  }
}

/**
 * Makes the veiled derivative of the video at `input.filePath`, giving its bytes to
 * `sink.onChunk` as they are encoded. Never throws: a refusal or a broken stream is a
 * MediaError with a reason (chunks already given are then to be dropped).
 */
export async function deriveVeiledVideo(
  input: VeiledVideoInput,
  sink: VeiledVideoSink,
  limits: VideoLimits = DEFAULT_VIDEO_LIMITS,
): Promise<VeiledVideoResult> {
  const opened = await openVideo(input.filePath, limits);
  if (!opened.ok) return opened;
  const output = chunker(sink);
  try {
    return await encodeAll(opened.video, input, sink, output);
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  } finally {
    opened.video.close();
  }
}
