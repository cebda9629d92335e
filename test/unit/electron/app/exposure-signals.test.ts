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

const emitPower = (event: string) => (electronFake.powerListeners.get(event) ?? []).forEach((listener) => listener());

describe('Electron signals that decide whether media can be seen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells the exposure service when the window leaves or returns to the screen', () => {
    const { exposure, seen } = recordingExposure();
    const window = new FakeBrowserWindow();
    forwardExposureSignals(window as never, exposure);
    for (const event of ['minimize', 'restore', 'hide', 'show', 'closed']) window.emit(event);
    expect(seen).toEqual(['hidden', 'shown', 'hidden', 'shown', 'hidden']);
  });

  it('passes on lock, unlock, suspend and resume, and stops when asked', () => {
    const { exposure, seen } = recordingExposure();
    const stop = forwardExposureSignals(new FakeBrowserWindow() as never, exposure);
    for (const event of ['lock-screen', 'unlock-screen', 'suspend', 'resume']) emitPower(event);
    expect(seen).toEqual(['locked', 'unlocked', 'suspended', 'resumed']);
    stop();
    emitPower('lock-screen');
    expect(seen).toHaveLength(4);
  });

  it('counts input anywhere on the machine as presence', () => {
    const { exposure, seen } = recordingExposure();
    forwardExposureSignals(new FakeBrowserWindow() as never, exposure);
    electronFake.systemIdleSec = 600;
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual([]);
    electronFake.systemIdleSec = 0;
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['activity']);
  });
});
