import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { FieldValidationProvider } from '../../app/form-validation';
import { useSettingsValidation } from './settings-validation';

export const SETTINGS_SECTIONS = ['viewing', 'breaks', 'limits', 'notes', 'sharing', 'language'] as const;
export type SettingsSectionId = (typeof SETTINGS_SECTIONS)[number];

const SAVE_KEYS = {
  viewing: 'settingsSections.saveViewing',
  breaks: 'settingsSections.saveBreaks',
  limits: 'settingsSections.saveLimits',
  notes: 'settingsSections.saveNotes',
  sharing: 'settingsSections.saveSharing',
  language: 'settingsSections.saveLanguage',
} as const satisfies Record<SettingsSectionId, string>;

/** The id of a section's heading, which the section links focus. */
export function sectionHeadingId(dialogId: string, section: SettingsSectionId): string {
  return `${dialogId}-${section}`;
}

export interface SettingsSectionProps {
  dialogId: string;
  section: SettingsSectionId;
  /** What this section would save now: only its own settings, so saving it leaves the others as saved. */
  patch: SettingsPatch;
  onSaved: (settings: Settings) => void;
  children: ReactNode;
}

/**
 * A form that saves one settings change: checked against the back end's settings schema as
 * the person types and on submit, then sent alone; a refusal the back end still makes (a
 * race) is kept as its translated reason.
 */
export function useSettingsForm(patch: SettingsPatch, onSaved: (settings: Settings) => void) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const validation = useSettingsValidation(patch);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    if (!validation.check()) return;
    setBusy(true);
    client
      .call('updateSettings', patch)
      .then((settings) => {
        onSaved(settings);
        setSaved(true);
      })
      .catch((reason: unknown) => setError(t('settings.failed', { message: errorText(reason) })))
      .finally(() => setBusy(false));
  };
  return { validation, busy, error, saved, setSaved, onSubmit };
}

/**
 * One section of Settings as its own form: its fields are checked against the back end's
 * settings schema as the person types and on Save, and Save sends this section alone. A
 * refusal the back end still makes (a race) is shown as its translated reason.
 */
export function SettingsSection({ dialogId, section, patch, onSaved, children }: SettingsSectionProps) {
  const { t } = useTranslation();
  const { validation, busy, error, saved, setSaved, onSubmit } = useSettingsForm(patch, onSaved);
  const headingId = sectionHeadingId(dialogId, section);

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-section-title" tabIndex={-1}>
        {t(`settingsSections.${section}`)}
      </h3>
      <form id={validation.formId} className="form" onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate>
        <FieldValidationProvider validation={validation}>{children}</FieldValidationProvider>
        {(error ?? validation.unplaced) && (
          <p role="alert" className="error-text">
            {error ?? validation.unplaced}
          </p>
        )}
        <div className="form-actions">
          <span role="status" className="settings-saved">
            {saved ? t('settingsSections.saved') : ''}
          </span>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('settings.saving') : t(SAVE_KEYS[section])}
          </button>
        </div>
      </form>
    </section>
  );
}
