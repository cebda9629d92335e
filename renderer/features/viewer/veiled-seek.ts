/**
 * Where a veiled video can be moved to. The derivative still being made arrives as a stream that cannot seek, so a
 * move past what the element holds asks for one that starts there (docs/decisions/video-engine.md "Seeking").
 */

/**
 * True when the player can seek to `timeSec` now: a veiled video still being made arrives as a stream that cannot seek
 * (Chromium's seekable is then [0, 0]; only a stream from the start can go back there).
 */
export function canSeekTo(video: HTMLVideoElement, timeSec: number, streamStartSec: number): boolean {
  // A derivative from a time holds nothing before it, even finished and served with ranges (Chromium then says [0, end]
  // and a seek before its start lands on its first picture).
  if (timeSec < streamStartSec) return false;
  // Nothing is known before the metadata (the player keeps a move made then for it): only a stream from the start
  // is sure to hold a position, once loaded.
  if (video.readyState === HTMLMediaElement.HAVE_NOTHING) return streamStartSec === 0;
  // An empty range ([0, 0] of a stream, even one from a time) is not a place to seek to: a seek to 0 there stays where it is.
  for (let i = 0; i < video.seekable.length; i += 1) {
    const startSec = video.seekable.start(i);
    const endSec = video.seekable.end(i);
    if (endSec > startSec && timeSec >= startSec && timeSec <= endSec) return true;
  }
  return timeSec === 0 && streamStartSec === 0;
}

/** Where a veiled video is asked to start after a seek: within the video (the worker shows the last picture for a start past it). */
export function startFor(timeSec: number, durationSec: number): number {
  return Math.max(0, Number.isFinite(durationSec) && durationSec > 0 ? Math.min(timeSec, durationSec) : timeSec);
}

/** Whether the element is at `timeSec` already, as a derivative made from that time is once loaded. */
export function isAt(video: HTMLVideoElement, timeSec: number): boolean {
  return Math.abs(video.currentTime - timeSec) < 1e-3;
}
