import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAY_KEYS, type WeekdayKey, type WorkingHours } from '../../../shared/breaks/working-hours.js';
import { FieldError, describedBy, useFieldState } from '../../app/form-validation';

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

/** "7:30", "7h30" and "07.30" as the schema's HH:MM; anything else as typed, for the schema to name. */
function timeOf(text: string): string {
  const match = /^(\d{1,2})\s*[:hH.]\s*(\d{2})$/u.exec(text.trim());
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` : text.trim();
}

/** The times as typed (lightly tidied); the settings schema checks them (HH:MM, start ≠ end) beside the field. */
export function workingHoursOf(draft: WorkingHoursDraft): WorkingHours | null {
  if (!draft.enabled) return null;
  const day = (key: WeekdayKey) => {
    const value = draft.days[key];
    return value.off ? null : { start: timeOf(value.start), end: timeOf(value.end) };
  };
  return { sun: day('sun'), mon: day('mon'), tue: day('tue'), wed: day('wed'), thu: day('thu'), fri: day('fri'), sat: day('sat') };
}

/**
 * One day's row: its name, "No work this day", then From and To as 24-hour text (a time
 * input would follow the browser's locale, showing AM/PM in a French UI on an English system).
 */
function DayFields({ day, value, onChange }: { day: WeekdayKey; value: DayDraft; onChange: (value: DayDraft) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dayName = t(`breakSettings.days.${day}`);
  const time = (end: 'start' | 'end') => (
    <TimeField
      path={`breaks.workingHours.${day}.${end}`}
      label={t(end === 'start' ? 'settingsSections.hoursFrom' : 'settingsSections.hoursTo')}
      fullLabel={t(end === 'start' ? 'breakSettings.start' : 'breakSettings.end', { day: dayName })}
      value={value[end]}
      disabled={value.off}
      onChange={(text) => onChange({ ...value, [end]: text })}
    />
  );
  return (
    <div className="working-hours-day" role="group" aria-labelledby={`${id}-day`}>
      <span id={`${id}-day`} className="working-hours-day-name">
        {dayName}
      </span>
      <label className="check">
        <input type="checkbox" checked={value.off} onChange={(e) => onChange({ ...value, off: e.currentTarget.checked })} />
        {t('breakSettings.noWork')}
      </label>
      {time('start')}
      {time('end')}
    </div>
  );
}

interface TimeFieldProps {
  path: string;
  /** "From", shown; the row names the day. */
  label: string;
  /** "Monday start": how a message names the field. */
  fullLabel: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
}

function TimeField({ path, label, fullLabel, value, disabled, onChange }: TimeFieldProps) {
  const { t } = useTranslation();
  const field = useFieldState(path, fullLabel);
  return (
    <span className="working-hours-time">
      <label htmlFor={field.id}>{label}</label>
      <input
        id={field.id}
        type="text"
        inputMode="numeric"
        placeholder={t('settingsSections.hoursPlaceholder')}
        // "07 h 30", as many write it in French, is tidied to 07:30 (timeOf).
        maxLength={7}
        size={5}
        value={value}
        disabled={disabled}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.error && field.errorId)}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={field.onBlur}
      />
      <FieldError id={field.errorId} error={field.error} />
    </span>
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
      {draft.enabled && <p className="field-help">{t('settingsSections.hoursFormat')}</p>}
      {draft.enabled &&
        WEEK_ORDER.map((day) => (
          <DayFields key={day} day={day} value={draft.days[day]} onChange={(value) => onChange({ ...draft, days: { ...draft.days, [day]: value } })} />
        ))}
    </fieldset>
  );
}
