import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAY_KEYS, type WeekdayKey, type WorkingHours } from '../../../shared/breaks/working-hours.js';

interface DayDraft {
  off: boolean;
  start: string;
  end: string;
}

export interface WorkingHoursDraft {
  /** false = no working-hours warning at all (settings hold null). */
  enabled: boolean;
  days: Record<WeekdayKey, DayDraft>;
}

/** Monday first, as a working week reads. */
const WEEK_ORDER: readonly WeekdayKey[] = [...WEEKDAY_KEYS.slice(1), 'sun'];
const DEFAULT_DAY: DayDraft = { off: false, start: '08:00', end: '16:00' };

export function workingHoursDraftOf(hours: WorkingHours | null): WorkingHoursDraft {
  const day = (key: WeekdayKey): DayDraft => {
    const value = hours?.[key];
    if (hours === null) return DEFAULT_DAY;
    return value ? { off: false, start: value.start, end: value.end } : { ...DEFAULT_DAY, off: true };
  };
  return {
    enabled: hours !== null,
    days: { sun: day('sun'), mon: day('mon'), tue: day('tue'), wed: day('wed'), thu: day('thu'), fri: day('fri'), sat: day('sat') },
  };
}

/** The times as typed; the settings schema checks them (HH:MM, start ≠ end) and names a bad one. */
export function workingHoursOf(draft: WorkingHoursDraft): WorkingHours | null {
  if (!draft.enabled) return null;
  const day = (key: WeekdayKey) => {
    const value = draft.days[key];
    return value.off ? null : { start: value.start, end: value.end };
  };
  return { sun: day('sun'), mon: day('mon'), tue: day('tue'), wed: day('wed'), thu: day('thu'), fri: day('fri'), sat: day('sat') };
}

function DayFields({ day, value, onChange }: { day: WeekdayKey; value: DayDraft; onChange: (value: DayDraft) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dayName = t(`breakSettings.days.${day}`);
  return (
    <div className="working-hours-day" role="group" aria-labelledby={`${id}-day`}>
      <span id={`${id}-day`} className="field-label">
        {dayName}
      </span>
      <label className="check">
        <input type="checkbox" checked={value.off} onChange={(e) => onChange({ ...value, off: e.currentTarget.checked })} />
        {t('breakSettings.noWork')}
      </label>
      <input
        type="time"
        aria-label={t('breakSettings.start', { day: dayName })}
        value={value.start}
        disabled={value.off}
        onChange={(e) => onChange({ ...value, start: e.currentTarget.value })}
      />
      <input
        type="time"
        aria-label={t('breakSettings.end', { day: dayName })}
        value={value.end}
        disabled={value.off}
        onChange={(e) => onChange({ ...value, end: e.currentTarget.value })}
      />
    </div>
  );
}

/** Working hours per weekday: start and end times, or "No work this day"; the whole warning can be off. */
export function WorkingHoursFields({ draft, onChange }: { draft: WorkingHoursDraft; onChange: (draft: WorkingHoursDraft) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('breakSettings.hoursGroup')}</legend>
      <label className="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => onChange({ ...draft, enabled: e.currentTarget.checked })} />
        {t('breakSettings.hoursEnabled')}
      </label>
      {draft.enabled &&
        WEEK_ORDER.map((day) => (
          <DayFields key={day} day={day} value={draft.days[day]} onChange={(value) => onChange({ ...draft, days: { ...draft.days, [day]: value } })} />
        ))}
    </fieldset>
  );
}
