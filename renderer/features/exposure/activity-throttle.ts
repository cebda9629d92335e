/** At most one activity report per this interval: idleness is judged in minutes. */
export const ACTIVITY_INTERVAL_MS = 5_000;

/** The user input that means someone is at the screen. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * A leading-edge throttle: the first call sends at once, later calls within
 * `intervalMs` of the last send do nothing. Cheap enough to run on every pointermove.
 * `nowMs` is the wall clock by default; if it jumps back, the next call sends.
 */
export function createActivityThrottle(send: () => void, nowMs: () => number = () => Date.now(), intervalMs = ACTIVITY_INTERVAL_MS) {
  let lastSentAtMs: number | null = null;
  return (): void => {
    const now = nowMs();
    if (lastSentAtMs !== null && now >= lastSentAtMs && now - lastSentAtMs < intervalMs) return;
    lastSentAtMs = now;
    send();
  };
}

/** Listens for activity on the whole window (capture, passive) and reports it throttled; returns the unsubscribe. */
export function listenForActivity(target: Window, onActivity: () => void): () => void {
  const options: AddEventListenerOptions = { capture: true, passive: true };
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, options);
  return () => {
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, options);
  };
}
