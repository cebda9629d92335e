import { powerMonitor, type BrowserWindow } from 'electron';
import type { ExposureService } from '../services/exposure/exposure-service.js';

/** System-wide input within this many seconds means someone is at the machine. */
const RECENT_INPUT_SEC = 2;
const IDLE_POLL_MS = 5000;
/**
 * Some Wayland sessions report a system idle time of 0 forever. A reading that has never
 * moved off 0 for this long since start says nothing about presence, so it is ignored until
 * it moves. Once it has moved, 0 is believed: someone typing without pause elsewhere reads 0
 * at every poll (whole seconds), and their media must go on counting.
 */
const STUCK_IDLE_MS = 60_000;
/** The threshold getSystemIdleState needs; only its 'locked' answer is used. */
const LOCK_POLL_IDLE_THRESHOLD_SEC = 60;

/** powerMonitor emits lock-screen and unlock-screen only on these (Electron docs: macOS, Windows). */
const PLATFORMS_WITH_LOCK_EVENTS: readonly NodeJS.Platform[] = ['darwin', 'win32'];

/**
 * Tells the exposure service what only Electron knows: whether the window is on screen,
 * whether the screen is locked or the system asleep, and whether anyone has touched the
 * machine (input in other apps counts: media left visible is still seen).
 * Elsewhere than macOS and Windows the lock is polled (`getSystemIdleState`), since no
 * event comes. Returns a function that stops listening.
 */
export function forwardExposureSignals(window: BrowserWindow, exposure: ExposureService, platform: NodeJS.Platform = process.platform): () => void {
  const report = (promise: Promise<void>): void => {
    promise.catch((error: unknown) => console.error('exposure signal failed', error));
  };
  const shown = () => report(exposure.windowShown(true));
  const hidden = () => report(exposure.windowShown(false));
  window.on('minimize', hidden);
  window.on('hide', hidden);
  window.on('closed', hidden);
  window.on('restore', shown);
  window.on('show', shown);

  let lockedNow = false;
  const locked = () => {
    lockedNow = true;
    report(exposure.power('locked'));
  };
  const unlocked = () => {
    lockedNow = false;
    report(exposure.power('unlocked'));
  };
  const suspended = () => report(exposure.power('suspended'));
  const resumed = () => report(exposure.power('resumed'));
  const lockEvents = PLATFORMS_WITH_LOCK_EVENTS.includes(platform);
  if (lockEvents) {
    powerMonitor.on('lock-screen', locked);
    powerMonitor.on('unlock-screen', unlocked);
  }
  powerMonitor.on('suspend', suspended);
  powerMonitor.on('resume', resumed);

  const startedAtMs = Date.now();
  let idleEverMoved = false;
  const idlePoll = setInterval(() => {
    if (!lockEvents) {
      const isLocked = powerMonitor.getSystemIdleState(LOCK_POLL_IDLE_THRESHOLD_SEC) === 'locked';
      if (isLocked && !lockedNow) locked();
      else if (!isLocked && lockedNow) unlocked();
    }
    const idleSec = powerMonitor.getSystemIdleTime();
    if (idleSec > 0) idleEverMoved = true;
    const stuckAtZero = !idleEverMoved && Date.now() - startedAtMs >= STUCK_IDLE_MS;
    if (idleSec < RECENT_INPUT_SEC && !stuckAtZero) exposure.activity();
  }, IDLE_POLL_MS);

  return () => {
    clearInterval(idlePoll);
    if (lockEvents) {
      powerMonitor.removeListener('lock-screen', locked);
      powerMonitor.removeListener('unlock-screen', unlocked);
    }
    powerMonitor.removeListener('suspend', suspended);
    powerMonitor.removeListener('resume', resumed);
  };
}
