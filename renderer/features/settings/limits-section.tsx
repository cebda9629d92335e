import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { NumberField, TextField } from '../../app/form-fields';
import { capsDraftOf, capsOf, type CapsDraft } from '../limits/caps-draft';
import { CapsFields } from '../limits/caps-fields';
import { numberOf } from './number-text';
import { SettingsSection } from './settings-section';

interface LimitsDraft {
  caps: CapsDraft;
  /** Percentages as typed, separated by commas or spaces. */
  thresholds: string;
  extensionMin: string;
}

function limitsDraftOf(settings: Settings): LimitsDraft {
  return {
    caps: capsDraftOf(settings.limits.caps),
    thresholds: settings.limits.warnAtPct.join(', '),
    extensionMin: String(settings.limits.overrideExtensionMin),
  };
}

/** The whole `limits` object, numbers as typed: the schema (and the back end's rules on lowering a cap) judge them. */
function limitsPatchOf(draft: LimitsDraft): SettingsPatch {
  const warnAtPct = draft.thresholds
    .split(/[\s,;]+/u)
    .filter((part) => part.length > 0)
    .map(Number);
  return { limits: { caps: capsOf(draft.caps), warnAtPct, overrideExtensionMin: numberOf(draft.extensionMin) } };
}

/** The Personal limits section of Settings: the six caps, the warning thresholds and the override's extension. */
export function LimitsSection({ dialogId, settings, onSaved }: { dialogId: string; settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => limitsDraftOf(settings));
  return (
    <SettingsSection dialogId={dialogId} section="limits" patch={limitsPatchOf(draft)} onSaved={onSaved}>
      <fieldset>
        <legend>{t('limitSettings.group')}</legend>
        <p className="field-help">{t('limitSettings.help')}</p>
        <CapsFields pathPrefix="limits.caps" draft={draft.caps} onChange={(caps) => setDraft({ ...draft, caps })} />
        <TextField
          path="limits.warnAtPct"
          label={t('limitSettings.thresholds')}
          inputMode="numeric"
          value={draft.thresholds}
          onChange={(thresholds) => setDraft({ ...draft, thresholds })}
        />
        <NumberField
          path="limits.overrideExtensionMin"
          label={t('limitSettings.extension')}
          value={draft.extensionMin}
          onChange={(extensionMin) => setDraft({ ...draft, extensionMin })}
        />
      </fieldset>
    </SettingsSection>
  );
}
