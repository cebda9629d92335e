import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { FormFooter } from '../../app/form-fields';
import { FieldValidationProvider } from '../../app/form-validation';
import { ModalDialog } from '../../app/modal-dialog';
import { useSettingsValidation } from '../settings/settings-validation';
import { capsDraftOf, capsOf } from './caps-draft';
import { CapsFields } from './caps-fields';

export interface LimitsWizardProps {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

/**
 * The first-run "Personal limits" dialog, offered once (until settings.limitsWizardDone).
 * Save sends the caps; Skip sends nothing but that it was seen. Both mark it done. Each
 * cap is checked beside its field with the settings schema (a daily cap above the weekly
 * one, too large a number); a refusal the back end still makes is shown as its reason.
 */
export function LimitsWizard({ settings, onSaved }: LimitsWizardProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const [draft, setDraft] = useState(() => capsDraftOf(settings.limits.caps));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const patch: SettingsPatch = { limits: { ...settings.limits, caps: capsOf(draft) }, limitsWizardDone: true };
  const validation = useSettingsValidation(patch);

  const send = (change: SettingsPatch) => {
    setBusy(true);
    setError(null);
    client
      .call('updateSettings', change)
      .then(onSaved)
      .catch((reason: unknown) => setError(t('limits.failed', { message: errorText(reason) })))
      .finally(() => setBusy(false));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (validation.check()) send(patch);
  };

  return (
    <ModalDialog title={t('limits.wizardTitle')} className="limits-wizard" describedBy="limits-wizard-intro">
      <form id={validation.formId} className="form" onSubmit={onSubmit} noValidate>
        <p id="limits-wizard-intro">{t('limits.wizardIntro')}</p>
        <p className="field-help">{t('limits.wizardHelp')}</p>
        <FieldValidationProvider validation={validation}>
          <CapsFields pathPrefix="limits.caps" draft={draft} onChange={setDraft} />
        </FieldValidationProvider>
        <FormFooter
          error={error ?? validation.unplaced}
          busy={busy}
          cancelLabel={t('limits.skip')}
          submitLabel={t('limits.save')}
          busyLabel={t('limits.saving')}
          onCancel={() => send({ limitsWizardDone: true })}
        />
      </form>
    </ModalDialog>
  );
}
