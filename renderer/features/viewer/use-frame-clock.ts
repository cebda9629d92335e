import { useEffect, useRef, type RefObject } from 'react';

/**
 * Frame length assumed until one is measured: 30 frames a second, the most common rate of
 * phone and screen recordings. HTMLVideoElement tells neither its frame rate nor which frame
 * is shown, so without `requestVideoFrameCallback` (or before the video has played two
 * frames in a row) a step is this long: at 25 fps it still lands on the next frame; at 60 fps
 * it moves two; below 20 fps a first press may stay on the frame, and the next one moves on.
 */
export const DEFAULT_FRAME_DURATION_SEC = 1 / 30;
/** Bounds of a believable frame length (240 fps to 4 fps); anything else was a seek or a stall. */
const MIN_FRAME_DURATION_SEC = 1 / 240;
const MAX_FRAME_DURATION_SEC = 1 / 4;

export interface FrameClock {
  /** The shortest gap seen between two frames presented one after the other while playing. */
  frameDurationSec: number;
  /** The presentation time of the frame on screen, when the browser said so; else null. */
  mediaTimeSec: number | null;
}

/**
 * Learns the frame on screen, and the video's frame length unless it is known (`knownFrameDurationSec`, as the veiled
 * derivative's is), from `requestVideoFrameCallback` where the browser has it (Chromium does). Frames can be dropped
 * at high speed but never split, so the smallest gap between consecutive presented frames is the frame length. Under
 * load Chromium's renderer drops frames before they count as presented, so a measured length can be a few frames long:
 * a known one is always used first.
 */
export function useFrameClock(video: HTMLVideoElement | null, knownFrameDurationSec?: number): RefObject<FrameClock> {
  const startDurationSec = knownFrameDurationSec ?? DEFAULT_FRAME_DURATION_SEC;
  const clock = useRef<FrameClock>({ frameDurationSec: startDurationSec, mediaTimeSec: null });
  useEffect(() => {
    clock.current = { frameDurationSec: startDurationSec, mediaTimeSec: null };
    if (!video || !('requestVideoFrameCallback' in HTMLVideoElement.prototype)) return undefined;
    let handle = 0;
    let previous: { mediaTimeSec: number; presentedFrames: number; playing: boolean } | null = null;
    let measuredSec = Number.POSITIVE_INFINITY;
    const onFrame: VideoFrameRequestCallback = (_nowMs, metadata) => {
      const playing = !video.paused && !video.seeking;
      // Only a pair of frames presented one after the other: under load Chromium calls back for
      // fewer frames than it presents, and a gap over several frames would overstate the length.
      if (previous?.playing && playing && metadata.presentedFrames === previous.presentedFrames + 1) {
        const gapSec = metadata.mediaTime - previous.mediaTimeSec;
        if (gapSec >= MIN_FRAME_DURATION_SEC && gapSec <= MAX_FRAME_DURATION_SEC) measuredSec = Math.min(measuredSec, gapSec);
      }
      previous = { mediaTimeSec: metadata.mediaTime, presentedFrames: metadata.presentedFrames, playing };
      clock.current = {
        frameDurationSec: knownFrameDurationSec ?? (Number.isFinite(measuredSec) ? measuredSec : DEFAULT_FRAME_DURATION_SEC),
        mediaTimeSec: metadata.mediaTime,
      };
      handle = video.requestVideoFrameCallback(onFrame);
    };
    handle = video.requestVideoFrameCallback(onFrame);
    return () => video.cancelVideoFrameCallback(handle);
  }, [video, knownFrameDurationSec, startDurationSec]);
  return clock;
}

/**
 * Where one frame back or forward is. When the frame on screen is known (its start time,
 * and the position lies inside it), the target is the middle of the next or previous frame,
 * so rounding cannot land on the same frame again; otherwise one frame length from the position.
 */
export function frameStepTargetSec(currentTimeSec: number, clock: FrameClock, direction: -1 | 1): number {
  const { frameDurationSec, mediaTimeSec } = clock;
  const onShownFrame = mediaTimeSec !== null && currentTimeSec >= mediaTimeSec - 0.001 && currentTimeSec < mediaTimeSec + frameDurationSec + 0.001;
  if (onShownFrame) return mediaTimeSec + frameDurationSec * (direction + 0.5);
  return currentTimeSec + frameDurationSec * direction;
}
