import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { NumberField } from '../../app/form-fields';
import { capsDraftOf, capsOf, type CapsDraft } from '../limits/caps-draft';
import { CapsFields } from '../limits/caps-fields';

export interface LimitsDraft {
  caps: CapsDraft;
  /** Percentages as typed, separated by commas or spaces. */
  thresholds: string;
  extensionMin: string;
}

export function limitsDraftOf(settings: Settings): LimitsDraft {
  return {
    caps: capsDraftOf(settings.limits.caps),
    thresholds: settings.limits.warnAtPct.join(', '),
    extensionMin: String(settings.limits.overrideExtensionMin),
  };
}

/** The whole `limits` object; numbers as typed, so the schema's message names a bad one. */
export function limitsPatchOf(draft: LimitsDraft): SettingsPatch {
  const warnAtPct = draft.thresholds
    .split(/[\s,;]+/u)
    .filter((part) => part.length > 0)
    .map(Number);
  return { limits: { caps: capsOf(draft.caps), warnAtPct, overrideExtensionMin: Number(draft.extensionMin) } };
}

/** The Personal limits section of Settings: the six caps, the warning thresholds and the override's extension. */
export function LimitsSection({ draft, onChange }: { draft: LimitsDraft; onChange: (draft: LimitsDraft) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('limitSettings.group')}</legend>
      <p className="field-help">{t('limitSettings.help')}</p>
      <CapsFields draft={draft.caps} onChange={(caps) => onChange({ ...draft, caps })} />
      <label className="field">
        <span className="field-label">{t('limitSettings.thresholds')}</span>
        <input type="text" inputMode="numeric" value={draft.thresholds} onChange={(e) => onChange({ ...draft, thresholds: e.currentTarget.value })} />
      </label>
      <NumberField label={t('limitSettings.extension')} value={draft.extensionMin} onChange={(extensionMin) => onChange({ ...draft, extensionMin })} />
    </fieldset>
  );
}
