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

/**
 * True for a decoded picture shown before `startSec`: decoded only to reach the start from its
 * keyframe, never encoded. A picture with no time is kept (it cannot be placed, and dropping
 * every one of them would leave a video with no frames).
 */
function isBeforeStart(video: OpenedVideo, frame: Frame, startSec: number, toleranceSec: number): boolean {
  if (startSec <= 0) return false;
  const ticks = frame.bestEffortTimestamp;
  if (ticks === video.engine.constants.AV_NOPTS_VALUE) return false;
  const { num, den } = video.stream.timeBase;
  if (den <= 0) return false;
  // Some slack (half a veiled frame): the frame rate filter keeps the picture nearest each of its instants.
  return (Number(ticks) * num) / den < startSec - toleranceSec;
}

/**
 * Lets through the pictures at or after the start. The last one before it is held back for a
 * start past the last picture (a seek to the very end, or a container longer than its video):
 * the derivative is then that one picture rather than a failure.
 */
export function startGate(video: OpenedVideo, startSec: number, toleranceSec: number) {
  let heldBack: Frame | null = null;
  let passed = false;
  return {
    /** True when `frame` is to be encoded. */
    admit(frame: Frame): boolean {
      if (passed || !isBeforeStart(video, frame, startSec, toleranceSec)) {
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
