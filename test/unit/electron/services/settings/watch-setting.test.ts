import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../../shared/settings/settings.js';
import { watchSetting } from '../../../../../electron/services/settings/watch-setting.js';

function fakeSettings() {
  let current: Settings = DEFAULT_SETTINGS;
  const listeners = new Set<(settings: Settings) => void>();
  return {
    get: () => current,
    onChange(listener: (settings: Settings) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(patch: Partial<Settings>) {
      current = { ...current, ...patch };
      for (const listener of listeners) listener(current);
    },
  };
}

describe('watchSetting', () => {
  it('hears only changes to the part it watches, compared by value', () => {
    const settings = fakeSettings();
    const heard = vi.fn();
    watchSetting(settings, (current) => current.limits, heard);
    settings.change({ mediaCacheMb: DEFAULT_SETTINGS.mediaCacheMb + 64 });
    // A new object with the same content is no change.
    settings.change({ limits: structuredClone(DEFAULT_SETTINGS.limits) });
    expect(heard).not.toHaveBeenCalled();

    const stricter = { ...DEFAULT_SETTINGS.limits, overrideExtensionMin: DEFAULT_SETTINGS.limits.overrideExtensionMin + 1 };
    settings.change({ limits: stricter });
    settings.change({ limits: structuredClone(stricter) });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith(stricter);
  });

  it('stops hearing once unsubscribed', () => {
    const settings = fakeSettings();
    const heard = vi.fn();
    const stop = watchSetting(settings, (current) => current.ledgerRetentionDays, heard);
    settings.change({ ledgerRetentionDays: 30 });
    stop();
    settings.change({ ledgerRetentionDays: 60 });
    expect(heard.mock.calls).toEqual([[30]]);
  });
});
