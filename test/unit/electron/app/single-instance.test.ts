import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { claimSingleInstance } from '../../../../electron/app/single-instance.js';

/**
 * Kinder than Electron in one way: Electron's quit() returns before the app ends, so code after
 * it would still run. claimSingleInstance returns false and main.ts runs nothing else then; the
 * built app under the stand-in (test/unit/desktop) takes the real lock between processes.
 */
function fakeApp(lockGranted: boolean) {
  const listeners = new Map<string, () => void>();
  return {
    requestSingleInstanceLock: vi.fn(() => lockGranted),
    quit: vi.fn(),
    on: vi.fn((event: string, listener: () => void) => {
      listeners.set(event, listener);
    }),
    secondLaunch: () => listeners.get('second-instance')?.(),
  };
}

function fakeWindow(minimised: boolean) {
  return { isMinimized: vi.fn(() => minimised), restore: vi.fn(), focus: vi.fn() };
}

describe('one desktop Veil at a time', () => {
  it('a second launch quits at once, before anything else runs', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app as never, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('the first brings its window to the front, restored, when a second is launched', () => {
    const app = fakeApp(true);
    const window = fakeWindow(true);
    expect(claimSingleInstance(app as never, () => window as unknown as BrowserWindow)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.secondLaunch();
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('a second launch before the window exists is harmless', () => {
    const app = fakeApp(true);
    claimSingleInstance(app as never, () => null);
    expect(() => app.secondLaunch()).not.toThrow();
  });
});
