import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BLUR_LEVELS, BlurLevelSchema, type BlurLevel, type FilterStyle } from '../../../shared/media/filter-profile.js';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { NumberField } from '../../app/form-fields';
import { StyleSelect } from '../filters/style-select';
import { numberOf } from './number-text';
import { SettingsSection } from './settings-section';

interface ViewingDraft {
  greyscale: boolean;
  blur: BlurLevel;
  style: FilterStyle;
  revealDurationSec: string;
  spotlightRadiusPct: string;
  revealInColour: boolean;
  mediaCacheMb: string;
  idleAfterMin: string;
  ledgerRetentionDays: string;
}

function viewingDraftOf(settings: Settings): ViewingDraft {
  return {
    greyscale: settings.defaultProfile.greyscale,
    blur: settings.defaultProfile.blur,
    style: settings.defaultProfile.style,
    revealDurationSec: String(settings.revealDurationSec),
    spotlightRadiusPct: String(settings.spotlightRadiusPct),
    revealInColour: settings.revealInColour,
    mediaCacheMb: String(settings.mediaCacheMb),
    idleAfterMin: String(settings.idleAfterMin),
    ledgerRetentionDays: String(settings.ledgerRetentionDays),
  };
}

function viewingPatchOf(draft: ViewingDraft): SettingsPatch {
  return {
    defaultProfile: { greyscale: draft.greyscale, blur: draft.blur, style: draft.style },
    revealDurationSec: numberOf(draft.revealDurationSec),
    spotlightRadiusPct: numberOf(draft.spotlightRadiusPct),
    revealInColour: draft.revealInColour,
    mediaCacheMb: numberOf(draft.mediaCacheMb),
    idleAfterMin: numberOf(draft.idleAfterMin),
    ledgerRetentionDays: numberOf(draft.ledgerRetentionDays),
  };
}

const BLUR_LABEL_KEYS = {
  off: 'settings.blurOff',
  light: 'settings.blurLight',
  medium: 'settings.blurMedium',
  strong: 'settings.blurStrong',
} as const;

/** Viewing: the default filter, reveals, the media cache and when exposure stops counting. */
export function ViewingSection({ dialogId, settings, onSaved }: { dialogId: string; settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => viewingDraftOf(settings));
  const update = (change: Partial<ViewingDraft>) => setDraft((prev) => ({ ...prev, ...change }));
  return (
    <SettingsSection dialogId={dialogId} section="viewing" patch={viewingPatchOf(draft)} onSaved={onSaved}>
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
        <StyleSelect label={t('filters.style')} value={draft.style} help={t('filters.styleHelp')} onChange={(style) => update({ style })} />
      </fieldset>
      <fieldset>
        <legend>{t('settings.revealGroup')}</legend>
        <NumberField
          path="revealDurationSec"
          label={t('settings.revealDuration')}
          value={draft.revealDurationSec}
          onChange={(value) => update({ revealDurationSec: value })}
        />
        <NumberField
          path="spotlightRadiusPct"
          label={t('settings.spotlightRadius')}
          value={draft.spotlightRadiusPct}
          onChange={(value) => update({ spotlightRadiusPct: value })}
        />
        <label className="check">
          <input type="checkbox" checked={draft.revealInColour} onChange={(e) => update({ revealInColour: e.currentTarget.checked })} />
          {t('settings.revealInColour')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settings.generalGroup')}</legend>
        <NumberField path="mediaCacheMb" label={t('settings.cacheSize')} value={draft.mediaCacheMb} onChange={(value) => update({ mediaCacheMb: value })} />
      </fieldset>
      <fieldset>
        <legend>{t('settings.exposureGroup')}</legend>
        <NumberField
          path="idleAfterMin"
          label={t('settings.idleAfter')}
          value={draft.idleAfterMin}
          help={t('settings.idleAfterHelp')}
          onChange={(value) => update({ idleAfterMin: value })}
        />
        <NumberField
          path="ledgerRetentionDays"
          label={t('settings.retention')}
          value={draft.ledgerRetentionDays}
          help={t('settings.retentionHelp')}
          onChange={(value) => update({ ledgerRetentionDays: value })}
        />
      </fieldset>
    </SettingsSection>
  );
}
