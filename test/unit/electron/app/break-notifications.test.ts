import { describe, expect, it, vi } from 'vitest';
import { notifyBreaksWhenUnfocused } from '../../../../electron/app/break-notifications.js';
import { createEventHub } from '../../../../electron/services/event-hub.js';
import type { SettingsService } from '../../../../electron/services/settings/settings-service.js';
import { DEFAULT_SETTINGS, type LanguageSetting } from '../../../../shared/settings/settings.js';
import { BREAK_NOTIFICATION_TEXT } from '../../../../shared/i18n/break-notification-text.js';
import { wellbeingView, workingBreaks } from '../../../component/fakes/fake-wellbeing.js';

const shown = vi.hoisted(() => [] as Array<{ title: string; body: string; silent: boolean }>);

vi.mock('electron', async () => {
  const base = (await import('../../electron-fake.js')).createElectronModule();
  class Notification {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string; silent: boolean }) {}
    show(): void {
      shown.push(this.options);
    }
  }
  return { ...base, Notification };
});

function settingsWith(language: LanguageSetting): SettingsService {
  const settings = { ...DEFAULT_SETTINGS, language, notifyBreaksWhenUnfocused: true };
  return { get: () => settings, update: () => settings, onChange: () => () => undefined, notices: [] };
}

/** A break falls due while Veil is in the background, with this language setting and system locale. */
function breakFallsDue(language: LanguageSetting, systemLocale: string) {
  shown.length = 0;
  const hub = createEventHub();
  const stop = notifyBreaksWhenUnfocused(hub, settingsWith(language), () => null, systemLocale);
  hub.emit('wellbeingChanged', wellbeingView({ breaks: workingBreaks({ phase: 'due' }) }));
  stop();
  return [...shown];
}

describe('break notification language', () => {
  it('is in French for a system locale written "FR-CA" when the language follows the system', () => {
    expect(breakFallsDue('system', 'FR-CA')).toEqual([{ ...BREAK_NOTIFICATION_TEXT['fr-CA'], silent: true }]);
    expect(BREAK_NOTIFICATION_TEXT['fr-CA'].title).toBe('Veil\u00a0: c’est l’heure d’une pause');
  });

  it('is in English for an English system, and follows an explicit setting over the system', () => {
    expect(breakFallsDue('system', 'en-CA')).toEqual([{ ...BREAK_NOTIFICATION_TEXT.en, silent: true }]);
    expect(breakFallsDue('en', 'FR-CA')).toEqual([{ ...BREAK_NOTIFICATION_TEXT.en, silent: true }]);
    expect(breakFallsDue('fr-CA', 'en-US')).toEqual([{ ...BREAK_NOTIFICATION_TEXT['fr-CA'], silent: true }]);
  });
});
