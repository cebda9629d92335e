import { powerMonitor, type BrowserWindow } from 'electron';
import type { ExposureService } from '../services/exposure/exposure-service.js';

/** System-wide input within this many seconds means someone is at the machine. */
const RECENT_INPUT_SEC = 2;
const IDLE_POLL_MS = 5000;

/**
 * Tells the exposure service what only Electron knows: whether the window is on screen,
 * whether the screen is locked or the system asleep, and whether anyone has touched the
 * machine (input in other apps counts: media left visible is still seen).
 * Returns a function that stops listening.
 */
export function forwardExposureSignals(window: BrowserWindow, exposure: ExposureService): () => void {
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

  const locked = () => report(exposure.power('locked'));
  const unlocked = () => report(exposure.power('unlocked'));
  const suspended = () => report(exposure.power('suspended'));
  const resumed = () => report(exposure.power('resumed'));
  powerMonitor.on('lock-screen', locked);
  powerMonitor.on('unlock-screen', unlocked);
  powerMonitor.on('suspend', suspended);
  powerMonitor.on('resume', resumed);

  const idlePoll = setInterval(() => {
    if (powerMonitor.getSystemIdleTime() < RECENT_INPUT_SEC) exposure.activity();
  }, IDLE_POLL_MS);

  return () => {
    clearInterval(idlePoll);
    powerMonitor.removeListener('lock-screen', locked);
    powerMonitor.removeListener('unlock-screen', unlocked);
    powerMonitor.removeListener('suspend', suspended);
    powerMonitor.removeListener('resume', resumed);
  };
}
