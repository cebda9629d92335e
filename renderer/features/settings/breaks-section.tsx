import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakConfig } from '../../../shared/breaks/break-config.js';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { NumberField } from '../../app/form-fields';
import { EncouragementFields, encouragementDraftOf, encouragementPatchOf } from './encouragement-section';
import { numberOf } from './number-text';
import { SettingsSection } from './settings-section';
import { WorkingHoursFields, workingHoursDraftOf, workingHoursOf, type WorkingHoursDraft } from './working-hours-fields';

type NumberKey = 'microIntervalMin' | 'microDurationSec' | 'restIntervalMin' | 'restDurationMin' | 'warningSec' | 'graceSec' | 'maxPostpones' | 'postponeMin';
type FlagKey = 'microEnabled' | 'restEnabled' | 'skipAllowed' | 'strictMode';

interface BreaksDraft {
  numbers: Record<NumberKey, string>;
  flags: Record<FlagKey, boolean>;
  hours: WorkingHoursDraft;
  sounds: boolean;
  notify: boolean;
}

const NUMBER_FIELDS = [
  { key: 'microIntervalMin', label: 'breakSettings.microInterval' },
  { key: 'microDurationSec', label: 'breakSettings.microDuration' },
  { key: 'restIntervalMin', label: 'breakSettings.restInterval' },
  { key: 'restDurationMin', label: 'breakSettings.restDuration' },
  { key: 'warningSec', label: 'breakSettings.warning' },
  { key: 'graceSec', label: 'breakSettings.grace' },
  { key: 'maxPostpones', label: 'breakSettings.maxPostpones' },
  { key: 'postponeMin', label: 'breakSettings.postponeBy' },
] as const satisfies readonly { key: NumberKey; label: string }[];

const FLAG_FIELDS = [
  { key: 'microEnabled', label: 'breakSettings.microEnabled' },
  { key: 'restEnabled', label: 'breakSettings.restEnabled' },
  { key: 'skipAllowed', label: 'breakSettings.skipAllowed' },
  { key: 'strictMode', label: 'breakSettings.strictMode' },
] as const satisfies readonly { key: FlagKey; label: string }[];

function breaksDraftOf(settings: Settings): BreaksDraft {
  const b = settings.breaks;
  return {
    numbers: {
      microIntervalMin: String(b.microIntervalMin),
      microDurationSec: String(b.microDurationSec),
      restIntervalMin: String(b.restIntervalMin),
      restDurationMin: String(b.restDurationMin),
      warningSec: String(b.warningSec),
      graceSec: String(b.graceSec),
      maxPostpones: String(b.maxPostpones),
      postponeMin: String(b.postponeMin),
    },
    flags: { microEnabled: b.microEnabled, restEnabled: b.restEnabled, skipAllowed: b.skipAllowed, strictMode: b.strictMode },
    hours: workingHoursDraftOf(b.workingHours),
    sounds: settings.breakSounds,
    notify: settings.notifyBreaksWhenUnfocused,
  };
}

/** The whole `breaks` object (the schema checks the rules between its fields), numbers as typed. */
function breaksPatchOf(draft: BreaksDraft): SettingsPatch {
  const n = draft.numbers;
  const breaks: BreakConfig = {
    ...draft.flags,
    microIntervalMin: numberOf(n.microIntervalMin),
    microDurationSec: numberOf(n.microDurationSec),
    restIntervalMin: numberOf(n.restIntervalMin),
    restDurationMin: numberOf(n.restDurationMin),
    warningSec: numberOf(n.warningSec),
    graceSec: numberOf(n.graceSec),
    maxPostpones: numberOf(n.maxPostpones),
    postponeMin: numberOf(n.postponeMin),
    workingHours: workingHoursOf(draft.hours),
  };
  return { breaks, breakSounds: draft.sounds, notifyBreaksWhenUnfocused: draft.notify };
}

/** The Breaks fields: the main numbers, strict mode, skipping, sound and notifications, then working hours. */
function BreaksFields({ draft, onChange }: { draft: BreaksDraft; onChange: (draft: BreaksDraft) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset>
        <legend>{t('breakSettings.group')}</legend>
        {FLAG_FIELDS.map(({ key, label }) => (
          <label key={key} className="check">
            <input
              type="checkbox"
              checked={draft.flags[key]}
              onChange={(e) => onChange({ ...draft, flags: { ...draft.flags, [key]: e.currentTarget.checked } })}
            />
            {t(label)}
          </label>
        ))}
        {NUMBER_FIELDS.map(({ key, label }) => (
          <NumberField
            key={key}
            path={`breaks.${key}`}
            label={t(label)}
            value={draft.numbers[key]}
            onChange={(value) => onChange({ ...draft, numbers: { ...draft.numbers, [key]: value } })}
          />
        ))}
        <label className="check">
          <input type="checkbox" checked={draft.sounds} onChange={(e) => onChange({ ...draft, sounds: e.currentTarget.checked })} />
          {t('breakSettings.sounds')}
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.notify} onChange={(e) => onChange({ ...draft, notify: e.currentTarget.checked })} />
          {t('breakSettings.notify')}
        </label>
      </fieldset>
      <WorkingHoursFields draft={draft.hours} onChange={(hours) => onChange({ ...draft, hours })} />
    </>
  );
}

/** The Breaks section of Settings, with the phrases the break screen shows; saved on its own. */
export function BreaksSection({ dialogId, settings, onSaved }: { dialogId: string; settings: Settings; onSaved: (settings: Settings) => void }) {
  const [draft, setDraft] = useState(() => breaksDraftOf(settings));
  const [phrases, setPhrases] = useState(() => encouragementDraftOf(settings));
  return (
    <SettingsSection dialogId={dialogId} section="breaks" patch={{ ...breaksPatchOf(draft), ...encouragementPatchOf(phrases) }} onSaved={onSaved}>
      <BreaksFields draft={draft} onChange={setDraft} />
      <EncouragementFields draft={phrases} onChange={setPhrases} />
    </SettingsSection>
  );
}
