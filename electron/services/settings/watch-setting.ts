import { isDeepStrictEqual } from 'node:util';
import type { Settings } from '../../../shared/settings/settings.js';
import type { SettingsService } from './settings-service.js';

/**
 * Calls `onChanged` with the part of the settings `select` picks, only when that part
 * changed (compared by value, so a new but equal object is no change). Each service
 * subscribes to what it uses; a change elsewhere in the settings does not reach it.
 * Returns the unsubscribe function.
 */
export function watchSetting<T>(
  settings: Pick<SettingsService, 'get' | 'onChange'>,
  select: (settings: Settings) => T,
  onChanged: (value: T) => void,
): () => void {
  let current = select(settings.get());
  return settings.onChange((next) => {
    const value = select(next);
    if (isDeepStrictEqual(value, current)) return;
    current = value;
    onChanged(value);
  });
}
