import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/settings/settings.js';
import { TextField } from '../../app/form-fields';
import { UI_LANGUAGES, type UiLanguage } from '../../i18n/i18n';

/** The phrases of each language, one per line, as typed. */
type EncouragementDraft = Record<UiLanguage, string>;

export function encouragementDraftOf(settings: Settings): EncouragementDraft {
  return { en: settings.encouragement.en.join('\n'), 'fr-CA': settings.encouragement['fr-CA'].join('\n') };
}

function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** One phrase per non-empty line; blank lines and surrounding spaces are dropped. */
export function encouragementPatchOf(draft: EncouragementDraft): SettingsPatch {
  return { encouragement: { en: linesOf(draft.en), 'fr-CA': linesOf(draft['fr-CA']) } };
}

/** The break screen's encouragement phrases, editable for each language (at most so many lines, each so long). */
export function EncouragementFields({ draft, onChange }: { draft: EncouragementDraft; onChange: (draft: EncouragementDraft) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('encouragementSettings.group')}</legend>
      <p className="field-help">{t('encouragementSettings.help')}</p>
      {UI_LANGUAGES.map((language) => (
        <TextField
          key={language}
          className="encouragement-field"
          path={`encouragement.${language}`}
          label={t(`encouragementSettings.${language}`)}
          multiline={{ rows: 4, lang: language }}
          value={draft[language]}
          onChange={(value) => onChange({ ...draft, [language]: value })}
        />
      ))}
    </fieldset>
  );
}
