import { Notification, type BrowserWindow } from 'electron';
import type { EventHub } from '../services/event-hub.js';
import type { SettingsService } from '../services/settings/settings-service.js';
import { WellbeingViewSchema } from '../../shared/wellbeing/wellbeing-view.js';
import { BREAK_NOTIFICATION_TEXT } from '../../shared/i18n/break-notification-text.js';
import { resolveLanguage } from '../../shared/i18n/resolve-language.js';

/**
 * A system notification when a break falls due while Veil is not focused, so nobody
 * comes back to a break screen they did not expect. Silent: no sound (alert sounds can
 * become trauma triggers). Off when the user turned it off.
 */
export function notifyBreaksWhenUnfocused(hub: EventHub, settings: SettingsService, window: () => BrowserWindow | null, systemLocale: string): () => void {
  let lastPhase = 'working';
  return hub.subscribe((event) => {
    if (event.name !== 'wellbeingChanged') return;
    const parsed = WellbeingViewSchema.safeParse(event.payload);
    if (!parsed.success) return;
    const phase = parsed.data.breaks.phase;
    const becameDue = (phase === 'due' || phase === 'on-break') && lastPhase !== 'due' && lastPhase !== 'on-break';
    lastPhase = phase;
    const current = settings.get();
    const focused = window()?.isFocused() ?? false;
    if (!becameDue || focused || !current.notifyBreaksWhenUnfocused || !Notification.isSupported()) return;
    const text = BREAK_NOTIFICATION_TEXT[resolveLanguage(current.language, systemLocale)];
    new Notification({ title: text.title, body: text.body, silent: !current.breakSounds }).show();
  });
}
