import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { FormFooter } from '../../app/form-fields';
import { ModalDialog } from '../../app/modal-dialog';
import { capsDraftOf, capsOf } from './caps-draft';
import { CapsFields } from './caps-fields';

export interface LimitsWizardProps {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

/**
 * The first-run "Personal limits" dialog, offered once (until settings.limitsWizardDone).
 * Save sends the caps; Skip sends nothing but that it was seen. Both mark it done; a
 * refused value (a daily cap above the weekly one) is shown in the back end's words.
 */
export function LimitsWizard({ settings, onSaved }: LimitsWizardProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const [draft, setDraft] = useState(() => capsDraftOf(settings.limits.caps));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = (patch: SettingsPatch) => {
    setBusy(true);
    setError(null);
    client
      .call('updateSettings', patch)
      .then(onSaved)
      .catch((reason: unknown) => setError(t('limits.failed', { message: errorText(reason) })))
      .finally(() => setBusy(false));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send({ limits: { ...settings.limits, caps: capsOf(draft) }, limitsWizardDone: true });
  };

  return (
    <ModalDialog title={t('limits.wizardTitle')} className="limits-wizard" describedBy="limits-wizard-intro">
      <form className="form" onSubmit={onSubmit} noValidate>
        <p id="limits-wizard-intro">{t('limits.wizardIntro')}</p>
        <p className="field-help">{t('limits.wizardHelp')}</p>
        <CapsFields draft={draft} onChange={setDraft} />
        <FormFooter
          error={error}
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
