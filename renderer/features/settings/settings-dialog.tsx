import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BLUR_LEVELS, BlurLevelSchema, type BlurLevel } from '../../../shared/media/filter-profile.js';
import { LanguageSettingSchema, type Settings, type SettingsPatch } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { messageOf } from '../../app/error-message';
import { ModalDialog } from '../../app/modal-dialog';
import { LANGUAGE_NAMES } from '../../i18n/i18n';

interface Draft {
  greyscale: boolean;
  blur: BlurLevel;
  revealDurationSec: string;
  spotlightRadiusPct: string;
  revealInColour: boolean;
  mediaCacheMb: string;
  language: Settings['language'];
  idleAfterMin: string;
  ledgerRetentionDays: string;
}

function draftOf(settings: Settings): Draft {
  return {
    greyscale: settings.defaultProfile.greyscale,
    blur: settings.defaultProfile.blur,
    revealDurationSec: String(settings.revealDurationSec),
    spotlightRadiusPct: String(settings.spotlightRadiusPct),
    revealInColour: settings.revealInColour,
    mediaCacheMb: String(settings.mediaCacheMb),
    language: settings.language,
    idleAfterMin: String(settings.idleAfterMin),
    ledgerRetentionDays: String(settings.ledgerRetentionDays),
  };
}

/**
 * The patch sent to the back end. Numbers are passed as typed (an empty or odd entry
 * becomes 0 or NaN, which the back end refuses with a message naming the field): the
 * settings schema on the main side is the one validator.
 */
function patchOf(draft: Draft): SettingsPatch {
  return {
    defaultProfile: { greyscale: draft.greyscale, blur: draft.blur },
    revealDurationSec: Number(draft.revealDurationSec),
    spotlightRadiusPct: Number(draft.spotlightRadiusPct),
    revealInColour: draft.revealInColour,
    mediaCacheMb: Number(draft.mediaCacheMb),
    language: draft.language,
    idleAfterMin: Number(draft.idleAfterMin),
    ledgerRetentionDays: Number(draft.ledgerRetentionDays),
  };
}

const BLUR_LABEL_KEYS = {
  off: 'settings.blurOff',
  light: 'settings.blurLight',
  medium: 'settings.blurMedium',
  strong: 'settings.blurStrong',
} as const;

export interface SettingsDialogProps {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  onClose: () => void;
}

/** Veil's settings, read and written only through getSettings/updateSettings. */
export function SettingsDialog({ settings, onSaved, onClose }: SettingsDialogProps) {
  const { t } = useTranslation();
  const client = useVeil();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const idleId = useId();
  const retentionId = useId();
  const update = (change: Partial<Draft>) => setDraft((prev) => ({ ...prev, ...change }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    client
      .call('updateSettings', patchOf(draft))
      .then((saved) => {
        onSaved(saved);
        onClose();
      })
      .catch((reason: unknown) => setError(t('settings.failed', { message: messageOf(reason) })))
      .finally(() => setBusy(false));
  };

  return (
    <ModalDialog title={t('settings.title')} className="settings-dialog">
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{t('settings.filterGroup')}</legend>
          <label className="check">
            <input type="checkbox" checked={draft.greyscale} onChange={(e) => update({ greyscale: e.currentTarget.checked })} />
            {t('settings.greyscale')}
          </label>
          <label className="field">
            <span className="field-label">{t('settings.blur')}</span>
            <select
              value={draft.blur}
              onChange={(e) => {
                const parsed = BlurLevelSchema.safeParse(e.currentTarget.value);
                if (parsed.success) update({ blur: parsed.data });
              }}
            >
              {BLUR_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(BLUR_LABEL_KEYS[level])}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settings.revealGroup')}</legend>
          <label className="field">
            <span className="field-label">{t('settings.revealDuration')}</span>
            <input
              type="number"
              inputMode="numeric"
              value={draft.revealDurationSec}
              onChange={(e) => update({ revealDurationSec: e.currentTarget.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('settings.spotlightRadius')}</span>
            <input
              type="number"
              inputMode="numeric"
              value={draft.spotlightRadiusPct}
              onChange={(e) => update({ spotlightRadiusPct: e.currentTarget.value })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.revealInColour}
              onChange={(e) => update({ revealInColour: e.currentTarget.checked })}
            />
            {t('settings.revealInColour')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settings.generalGroup')}</legend>
          <label className="field">
            <span className="field-label">{t('settings.cacheSize')}</span>
            <input
              type="number"
              inputMode="numeric"
              value={draft.mediaCacheMb}
              onChange={(e) => update({ mediaCacheMb: e.currentTarget.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('settings.language')}</span>
            <select
              value={draft.language}
              onChange={(e) => {
                const parsed = LanguageSettingSchema.safeParse(e.currentTarget.value);
                if (parsed.success) update({ language: parsed.data });
              }}
            >
              <option value="system">{t('settings.languageSystem')}</option>
              <option value="en" lang="en">
                {LANGUAGE_NAMES.en}
              </option>
              <option value="fr-CA" lang="fr-CA">
                {LANGUAGE_NAMES['fr-CA']}
              </option>
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settings.exposureGroup')}</legend>
          <div className="field">
            <label htmlFor={idleId} className="field-label">
              {t('settings.idleAfter')}
            </label>
            <input
              id={idleId}
              type="number"
              inputMode="numeric"
              value={draft.idleAfterMin}
              aria-describedby={`${idleId}-help`}
              onChange={(e) => update({ idleAfterMin: e.currentTarget.value })}
            />
            <span id={`${idleId}-help`} className="field-help">
              {t('settings.idleAfterHelp')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={retentionId} className="field-label">
              {t('settings.retention')}
            </label>
            <input
              id={retentionId}
              type="number"
              inputMode="numeric"
              value={draft.ledgerRetentionDays}
              aria-describedby={`${retentionId}-help`}
              onChange={(e) => update({ ledgerRetentionDays: e.currentTarget.value })}
            />
            <span id={`${retentionId}-help`} className="field-help">
              {t('settings.retentionHelp')}
            </span>
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('settings.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('settings.saving') : t('settings.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
