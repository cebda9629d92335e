import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BLUR_LEVELS, BlurLevelSchema, type BlurLevel } from '../../../shared/media/filter-profile.js';
import { LanguageSettingSchema, type Settings, type SettingsPatch } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { FormFooter, NumberField } from '../../app/form-fields';
import { ModalDialog } from '../../app/modal-dialog';
import { LANGUAGE_NAMES } from '../../i18n/i18n';
import { BreaksSection, breaksDraftOf, breaksPatchOf } from './breaks-section';
import { EncouragementSection, encouragementDraftOf, encouragementPatchOf } from './encouragement-section';
import { LimitsSection, limitsDraftOf, limitsPatchOf } from './limits-section';
import { TeamSharingSection, teamSharingDraftOf, teamSharingPatchOf } from '../team-sharing/team-sharing-section';
import { NotesFolderSection, notesFolderDraftOf, notesFolderPatchOf } from '../notes/notes-folder-section';

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
  /** A native folder picker exists (Electron): the notes and team-sharing folders get a "Choose…" button. */
  canPickFolder?: boolean;
}

/** Veil's settings, read and written only through getSettings/updateSettings. */
export function SettingsDialog({ settings, onSaved, onClose, canPickFolder = false }: SettingsDialogProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = (change: Partial<Draft>) => setDraft((prev) => ({ ...prev, ...change }));
  // Breaks, limits and phrases keep their own drafts, in their own section files.
  const [breaksDraft, setBreaksDraft] = useState(() => breaksDraftOf(settings));
  const [limitsDraft, setLimitsDraft] = useState(() => limitsDraftOf(settings));
  const [phrasesDraft, setPhrasesDraft] = useState(() => encouragementDraftOf(settings));
  const [sharingDraft, setSharingDraft] = useState(() => teamSharingDraftOf(settings));
  const [notesFolderDraft, setNotesFolderDraft] = useState(() => notesFolderDraftOf(settings));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    client
      .call('updateSettings', {
        ...patchOf(draft),
        ...breaksPatchOf(breaksDraft),
        ...limitsPatchOf(limitsDraft),
        ...encouragementPatchOf(phrasesDraft),
        ...teamSharingPatchOf(sharingDraft),
        ...notesFolderPatchOf(notesFolderDraft),
      })
      .then((saved) => {
        onSaved(saved);
        onClose();
      })
      .catch((reason: unknown) => setError(t('settings.failed', { message: errorText(reason) })))
      .finally(() => setBusy(false));
  };

  return (
    <ModalDialog title={t('settings.title')} className="settings-dialog" onClose={onClose}>
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
          <NumberField label={t('settings.revealDuration')} value={draft.revealDurationSec} onChange={(value) => update({ revealDurationSec: value })} />
          <NumberField label={t('settings.spotlightRadius')} value={draft.spotlightRadiusPct} onChange={(value) => update({ spotlightRadiusPct: value })} />
          <label className="check">
            <input type="checkbox" checked={draft.revealInColour} onChange={(e) => update({ revealInColour: e.currentTarget.checked })} />
            {t('settings.revealInColour')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settings.generalGroup')}</legend>
          <NumberField label={t('settings.cacheSize')} value={draft.mediaCacheMb} onChange={(value) => update({ mediaCacheMb: value })} />
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
          <NumberField
            label={t('settings.idleAfter')}
            value={draft.idleAfterMin}
            help={t('settings.idleAfterHelp')}
            onChange={(value) => update({ idleAfterMin: value })}
          />
          <NumberField
            label={t('settings.retention')}
            value={draft.ledgerRetentionDays}
            help={t('settings.retentionHelp')}
            onChange={(value) => update({ ledgerRetentionDays: value })}
          />
        </fieldset>
        <BreaksSection draft={breaksDraft} onChange={setBreaksDraft} />
        <LimitsSection draft={limitsDraft} onChange={setLimitsDraft} />
        <EncouragementSection draft={phrasesDraft} onChange={setPhrasesDraft} />
        <NotesFolderSection draft={notesFolderDraft} onChange={setNotesFolderDraft} canPickFolder={canPickFolder} />
        <TeamSharingSection draft={sharingDraft} onChange={setSharingDraft} settings={settings} canPickFolder={canPickFolder} />
        <FormFooter
          error={error}
          busy={busy}
          cancelLabel={t('settings.cancel')}
          submitLabel={t('settings.save')}
          busyLabel={t('settings.saving')}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
