import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings/settings.js';
import { NumberField } from '../../app/form-fields';
import { FieldValidationProvider } from '../../app/form-validation';
import { numberOf } from '../settings/number-text';
import { useSettingsForm } from '../settings/settings-section';

/**
 * Settings → Known material: how many PDQ bits apart two pictures may be and still be near
 * copies (near matches and near stacks). Checked against the settings schema as typed and
 * saved alone; the back end then matches and stacks the open case again.
 */
export function NearDistanceForm({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(settings.nearMatchDistanceBits));
  const patch = useMemo(() => ({ nearMatchDistanceBits: numberOf(text) }), [text]);
  const { validation, busy, error, saved, setSaved, onSubmit } = useSettingsForm(patch, onSaved);

  return (
    <form id={validation.formId} className="form" onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate>
      <FieldValidationProvider validation={validation}>
        <NumberField path="nearMatchDistanceBits" label={t('stacks.distanceLabel')} help={t('stacks.distanceHelp')} value={text} onChange={setText} />
      </FieldValidationProvider>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="form-actions">
        {/* A live region but not a second status in the section, whose status is the hash-set import's. */}
        <span aria-live="polite" className="settings-saved">
          {saved ? t('stacks.distanceSaved') : ''}
        </span>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('settings.saving') : t('stacks.distanceSave')}
        </button>
      </div>
    </form>
  );
}
