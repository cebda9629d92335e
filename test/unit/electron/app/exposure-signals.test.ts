import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forwardExposureSignals } from '../../../../electron/app/exposure-signals.js';
import type { ExposureService } from '../../../../electron/services/exposure/exposure-service.js';
import { electronFake, FakeBrowserWindow } from '../../electron-fake.js';

function recordingExposure() {
  const seen: string[] = [];
  const exposure: ExposureService = {
    report: () => ({ counting: true }),
    activity: () => void seen.push('activity'),
    rendererGone: () => void seen.push('renderer-gone'),
    windowShown: async (shown) => void seen.push(shown ? 'shown' : 'hidden'),
    power: async (state) => void seen.push(state),
    myExposure: () => Promise.reject(new Error('not used')),
    onCounted: () => () => undefined,
    close: async () => undefined,
  };
  return { exposure, seen };
}

const POLL_MS = 5000;

describe('Electron signals that decide whether media can be seen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells the exposure service when the window leaves or returns to the screen', () => {
    const { exposure, seen } = recordingExposure();
    const window = new FakeBrowserWindow();
    forwardExposureSignals(window as never, exposure, 'linux');
    for (const event of ['minimize', 'restore', 'hide', 'show', 'closed']) window.emit(event);
    expect(seen).toEqual(['hidden', 'shown', 'hidden', 'shown', 'hidden']);
  });

  it.each(['darwin', 'win32'] as const)('on %s passes on lock, unlock, suspend and resume as they come, and stops when asked', (platform) => {
    electronFake.platform = platform;
    electronFake.systemIdleSec = 600;
    const { exposure, seen } = recordingExposure();
    const stop = forwardExposureSignals(new FakeBrowserWindow() as never, exposure, platform);
    electronFake.lockScreen(true);
    electronFake.lockScreen(false);
    electronFake.emitPower('suspend');
    electronFake.emitPower('resume');
    expect(seen).toEqual(['locked', 'unlocked', 'suspended', 'resumed']);
    stop();
    electronFake.lockScreen(true);
    vi.advanceTimersByTime(POLL_MS);
    expect(seen).toHaveLength(4);
  });

  it('on Linux, where powerMonitor has no lock events, finds a locked screen by polling the idle state', () => {
    electronFake.platform = 'linux';
    electronFake.systemIdleSec = 600;
    const { exposure, seen } = recordingExposure();
    const stop = forwardExposureSignals(new FakeBrowserWindow() as never, exposure, 'linux');
    electronFake.lockScreen(true);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(POLL_MS);
    expect(seen).toEqual(['locked']);
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(seen).toEqual(['locked']);
    electronFake.lockScreen(false);
    vi.advanceTimersByTime(POLL_MS);
    expect(seen).toEqual(['locked', 'unlocked']);
    stop();
  });

  it('counts input anywhere on the machine as presence', () => {
    const { exposure, seen } = recordingExposure();
    forwardExposureSignals(new FakeBrowserWindow() as never, exposure, 'linux');
    electronFake.systemIdleSec = 600;
    vi.advanceTimersByTime(POLL_MS);
    expect(seen).toEqual([]);
    electronFake.systemIdleSec = 0;
    vi.advanceTimersByTime(POLL_MS);
    expect(seen).toEqual(['activity']);
  });

  it('takes a system idle time stuck at 0 (some Wayland sessions) for unknown, not for someone always there', () => {
    const { exposure, seen } = recordingExposure();
    forwardExposureSignals(new FakeBrowserWindow() as never, exposure, 'linux');
    electronFake.systemIdleSec = 0;
    vi.advanceTimersByTime(10 * 60_000);
    const activityCount = seen.filter((signal) => signal === 'activity').length;
    // At most the first minute counts; ten minutes of a frozen 0 do not.
    expect(activityCount).toBeLessThanOrEqual(12);
    // Once the reading moves again it is believed again.
    electronFake.systemIdleSec = 30;
    vi.advanceTimersByTime(POLL_MS);
    electronFake.systemIdleSec = 0;
    vi.advanceTimersByTime(POLL_MS);
    expect(seen.filter((signal) => signal === 'activity')).toHaveLength(activityCount + 1);
  });

  it('keeps counting someone who types without pause in another app: a live 0 is presence, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { exposure, seen } = recordingExposure();
      const stop = forwardExposureSignals(new FakeBrowserWindow() as never, exposure, platform);
      electronFake.systemIdleSec = 3;
      vi.advanceTimersByTime(POLL_MS);
      // Input at least once a second for ten minutes: every whole-second reading is 0.
      electronFake.systemIdleSec = 0;
      vi.advanceTimersByTime(10 * 60_000);
      expect(seen.filter((signal) => signal === 'activity')).toHaveLength((10 * 60_000) / POLL_MS);
      stop();
    }
  });
});
