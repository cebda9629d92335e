import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings/settings.js';
import type { WellbeingView } from '../../../shared/wellbeing/wellbeing-view.js';
import { AfterHoursNotice } from '../breaks/after-hours-notice';
import { BreakNotice } from '../breaks/break-notice';
import { BreakScreen } from '../breaks/break-screen';
import { useBreakSounds } from '../breaks/use-break-sounds';
import { LimitWarnings } from '../limits/limit-warnings';
import { LimitsWizard } from '../limits/limits-wizard';
import { useWellbeing } from './wellbeing-provider';

/** Which full-app dialog breaks and limits need now: the break, the first-run wizard, or none. */
export function wellbeingModal(view: WellbeingView | null, settings: Settings): 'break' | 'limits-wizard' | null {
  if (view?.breaks.phase === 'on-break') return 'break';
  return settings.limitsWizardDone ? null : 'limits-wizard';
}

/** The non-modal lines under the header: break soon, after hours, limit thresholds. */
export function WellbeingBanners({ settings }: { settings: Settings }) {
  const view = useWellbeing()?.view ?? null;
  useBreakSounds(view?.breaks.phase ?? null, settings.breakSounds);
  if (!view) return null;
  return (
    <div className="wellbeing-banners">
      <BreakNotice breaks={view.breaks} strictMode={settings.breaks.strictMode} />
      <AfterHoursNotice afterHours={view.breaks.afterHours} dayKey={view.limits.dayKey} />
      <LimitWarnings limits={view.limits} />
    </div>
  );
}

export interface WellbeingDialogsProps {
  settings: Settings;
  onSettingsSaved: (settings: Settings) => void;
}

/** The break screen while on a break, else the first-run limits wizard until it is done or skipped. */
export function WellbeingDialogs({ settings, onSettingsSaved }: WellbeingDialogsProps) {
  const { i18n } = useTranslation();
  const wellbeing = useWellbeing();
  const modal = wellbeingModal(wellbeing?.view ?? null, settings);
  if (modal === 'break' && wellbeing?.view) {
    const language = i18n.language === 'fr-CA' ? 'fr-CA' : 'en';
    return <BreakScreen breaks={wellbeing.view.breaks} phrases={settings.encouragement[language]} returnFocusTo={wellbeing.focusBeforeBreak} />;
  }
  if (modal === 'limits-wizard') return <LimitsWizard settings={settings} onSaved={onSettingsSaved} />;
  return null;
}
