import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings/settings.js';
import { ModalDialog } from '../../app/modal-dialog';
import { BreaksSection } from './breaks-section';
import { NotesSettings, SharingSettings } from './folder-sections';
import { LanguageSection } from './language-section';
import { LimitsSection } from './limits-section';
import { SETTINGS_SECTIONS, sectionHeadingId } from './settings-section';
import { ViewingSection } from './viewing-section';
import { KnownMaterialSection } from '../known/known-material-section';
import { SchemeSection } from '../schemes/scheme-section';
import { ReferralSection } from '../referral/referral-section';
import { ReviewSection } from '../decisions/open-next-setting';

export interface SettingsDialogProps {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  onClose: () => void;
  /** A native folder picker exists (Electron): the notes and team-sharing folders get a "Choose…" button. */
  canPickFolder?: boolean;
}

/**
 * Veil's settings, read and written only through getSettings/updateSettings. Sections
 * (Viewing, Breaks, Limits, Notes, Sharing, Language, Known material) are listed at the top to jump to,
 * and each is saved by its own button, next to its fields: nothing is far from its Save.
 */
export function SettingsDialog({ settings, onSaved, onClose, canPickFolder = false }: SettingsDialogProps) {
  const { t } = useTranslation();
  const dialogId = useId();
  // The settings as last saved here: a section that depends on another's saved state reads it fresh.
  const [current, setCurrent] = useState(settings);
  const saved = (next: Settings) => {
    setCurrent(next);
    onSaved(next);
  };
  const props = { dialogId, settings: current, onSaved: saved };
  // Known material, schemes and referral rules are sections of their own kind (files and unit rules, saved
  // by their own forms): listed after the others, and in the nav too, or nothing would lead to them.
  const knownHeadingId = `${dialogId}-known`;
  const reviewHeadingId = `${dialogId}-review`;
  const schemesHeadingId = `${dialogId}-schemes`;
  const referralHeadingId = `${dialogId}-referral`;
  const ownSections = [
    { headingId: knownHeadingId, label: t('known.group') },
    { headingId: reviewHeadingId, label: t('settingsSections.review') },
    { headingId: schemesHeadingId, label: t('schemes.settingsGroup') },
    { headingId: referralHeadingId, label: t('referralSettings.group') },
  ];

  return (
    <ModalDialog title={t('settings.title')} className="settings-dialog" onClose={onClose}>
      <nav className="settings-nav" aria-label={t('settingsSections.nav')}>
        <ul>
          {SETTINGS_SECTIONS.map((section) => (
            <li key={section}>
              <button type="button" className="button button-small" onClick={() => document.getElementById(sectionHeadingId(dialogId, section))?.focus()}>
                {t(`settingsSections.${section}`)}
              </button>
            </li>
          ))}
          {ownSections.map(({ headingId, label }) => (
            <li key={headingId}>
              <button type="button" className="button button-small" onClick={() => document.getElementById(headingId)?.focus()}>
                {label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <ViewingSection {...props} />
      <BreaksSection {...props} />
      <LimitsSection {...props} />
      <NotesSettings {...props} canPickFolder={canPickFolder} />
      <SharingSettings {...props} canPickFolder={canPickFolder} />
      <LanguageSection {...props} />
      <KnownMaterialSection headingId={knownHeadingId} settings={current} onSaved={saved} canPickFile={canPickFolder} />
      <ReviewSection headingId={reviewHeadingId} settings={current} onSaved={saved} />
      <SchemeSection headingId={schemesHeadingId} settings={current} onSaved={saved} canPickFile={canPickFolder} />
      <ReferralSection headingId={referralHeadingId} settings={current} onSaved={saved} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('settingsSections.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
