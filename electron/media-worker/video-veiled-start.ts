/**
 * A veiled derivative that starts at a time (`startSec`): what the player asks for when the
 * investigator seeks past what has been encoded, so that playback resumes there within about a
 * second instead of waiting for the whole file. docs/decisions/video-engine.md ("Seeking").
 */
import type { Frame } from 'node-av/lib';
import type { OpenedVideo } from './video-input.js';

/**
 * Moves the demuxer to the keyframe at or before `startSec` (a decoder can start only on a
 * keyframe) and forgets what the decoder held. Nothing is done for a start at 0: the file is
 * read from its first packet, as before.
 */
export function seekToStart(video: OpenedVideo, startSec: number): void {
  if (startSec <= 0) return;
  video.demuxer.seekSync(startSec, -1, video.engine.constants.AVSEEK_FLAG_BACKWARD);
  video.decoder.getCodecContext()?.flushBuffers();
}

/** How far the start asked for may be before the time meant: the route takes milliseconds. */
const START_ROUNDING_SEC = 0.001;

/**
 * True for a decoded picture shown before the derivative's frame that is on screen at `startSec`: decoded only to
 * reach the start from its keyframe, never encoded. The derivative's first picture is then the one a player at
 * `startSec` shows (a frame step lands on the next frame, not two on). A picture with no time is kept (it cannot be
 * placed, and dropping every one of them would leave a video with no frames).
 */
function isBeforeStart(video: OpenedVideo, frame: Frame, startSec: number, framesPerSec: number): boolean {
  if (startSec <= 0) return false;
  const ticks = frame.bestEffortTimestamp;
  if (ticks === video.engine.constants.AV_NOPTS_VALUE) return false;
  const { num, den } = video.stream.timeBase;
  if (den <= 0) return false;
  // The frame rate filter keeps the picture nearest each of its instants: half a frame before the first one is its own.
  // The start comes rounded to the millisecond (`&from=0.083` for a step to 1/12 s): that close before an instant is it.
  const firstInstantSec = Math.floor((startSec + START_ROUNDING_SEC) * framesPerSec) / framesPerSec;
  return (Number(ticks) * num) / den < firstInstantSec - 0.5 / framesPerSec;
}

/**
 * Lets through the pictures at or after the start. The last one before it is held back for a
 * start past the last picture (a seek to the very end, or a container longer than its video):
 * the derivative is then that one picture rather than a failure.
 */
export function startGate(video: OpenedVideo, startSec: number, framesPerSec: number) {
  let heldBack: Frame | null = null;
  let passed = false;
  return {
    /** True when `frame` is to be encoded. */
    admit(frame: Frame): boolean {
      if (passed || !isBeforeStart(video, frame, startSec, framesPerSec)) {
        passed = true;
        heldBack?.free();
        heldBack = null;
        return true;
      }
      heldBack?.free();
      heldBack = frame.clone();
      return false;
    },
    /** At the end of the input: the picture held back when none came after the start (the caller frees it), else null. */
    leftover(): Frame | null {
      const frame = heldBack;
      heldBack = null;
      return frame;
    },
  };
}
