import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languageWeekStartsOn } from '../../../shared/exposure/week-start.js';
import { WeekStartSettingSchema, type WeekStartSetting } from '../../../shared/settings/settings.js';
import { useFormatters } from '../../i18n/format';
import { weekdayName } from '../my-exposure/weekday-name';

/**
 * The first day of the week in My exposure and weekly limits: as the language has it (the
 * day named, so nobody has to guess), Sunday or Monday. Says that team summaries use ISO
 * weeks whatever is chosen here.
 */
export function WeekStartField({ value, onChange }: { value: WeekStartSetting; onChange: (value: WeekStartSetting) => void }) {
  const { t, i18n } = useTranslation();
  const { locale } = useFormatters();
  const id = useId();
  // The language the UI speaks now decides what "as usual in my language" means.
  const languageDay = weekdayName(languageWeekStartsOn('system', i18n.language), locale);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('weekStart.label')}
      </label>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const parsed = WeekStartSettingSchema.safeParse(e.currentTarget.value);
          if (parsed.success) onChange(parsed.data);
        }}
      >
        <option value="language">{t('weekStart.language', { day: languageDay })}</option>
        <option value="sunday">{t('weekStart.sunday')}</option>
        <option value="monday">{t('weekStart.monday')}</option>
      </select>
      <span id={`${id}-help`} className="field-help">
        {t('weekStart.help')}
      </span>
    </div>
  );
}
