import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSettingSchema, type Settings } from '../../../shared/settings/settings.js';
import { LANGUAGE_NAMES } from '../../i18n/i18n';
import { SettingsSection } from './settings-section';
import { WeekStartField } from './week-start-field';

/** Language: the UI language and the first day of the week it implies (or the one chosen). */
export function LanguageSection({ dialogId, settings, onSaved }: { dialogId: string; settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState(settings.language);
  const [weekStart, setWeekStart] = useState(settings.weekStart);
  return (
    <SettingsSection dialogId={dialogId} section="language" patch={{ language, weekStart }} onSaved={onSaved}>
      <label className="field">
        <span className="field-label">{t('settings.language')}</span>
        <select
          value={language}
          onChange={(e) => {
            const parsed = LanguageSettingSchema.safeParse(e.currentTarget.value);
            if (parsed.success) setLanguage(parsed.data);
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
      <WeekStartField value={weekStart} onChange={setWeekStart} />
    </SettingsSection>
  );
}
