/** A video's storyboard: how many frames, where in the video, and how the worker lays them out. */
export const STORYBOARD_FRAME_COUNT = 9;
/** Frames per row of the grid image the worker makes (electron/media-worker/video-storyboard.ts). */
export const STORYBOARD_COLUMNS = 3;

/** Evenly spaced frame times in seconds, centred in equal slices of the video (never 0 or the end). */
export function storyboardTimes(durationSec: number, count: number): number[] {
  if (!Number.isFinite(durationSec) || durationSec <= 0 || count <= 0) return [];
  return Array.from({ length: count }, (_, i) => ((i + 0.5) * durationSec) / count);
}
