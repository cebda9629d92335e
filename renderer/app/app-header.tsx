import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../shared/case/case-summary.js';
import { NextBreakCountdown } from '../features/breaks/next-break-countdown';
import { CountingIndicator } from '../features/exposure/counting-indicator';
import { LANGUAGE_NAMES, UI_LANGUAGES, type UiLanguage } from '../i18n/i18n';

export interface AppHeaderProps {
  summary: CaseSummary | null;
  language: UiLanguage;
  onOpenCase: () => void;
  onHideAll: () => void;
  onOpenSettings: () => void;
  onOpenMyExposure: () => void;
  onOpenTeamStats: () => void;
  onLanguageChange: (language: UiLanguage) => void;
}

function isUiLanguage(value: string): value is UiLanguage {
  return UI_LANGUAGES.some((language) => language === value);
}

/** The top bar: which case is open, and the few app-wide actions. */
export function AppHeader(props: AppHeaderProps) {
  const { summary, language, onOpenCase, onHideAll, onOpenSettings, onOpenMyExposure, onOpenTeamStats, onLanguageChange } = props;
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <span className="brand" aria-hidden="true">
        {t('app.name')}
      </span>
      <div className="case-title">
        <h1>{summary?.name ?? t('app.noCase')}</h1>
        {summary?.isDemo && <span className="badge">{t('app.demoBadge')}</span>}
      </div>
      <div className="header-actions">
        <CountingIndicator />
        <NextBreakCountdown />
        <button type="button" className="button" onClick={onOpenCase}>
          {t('header.openCase')}
        </button>
        <button type="button" className="button button-primary" onClick={onHideAll}>
          {t('header.hideAll')}
        </button>
        <button type="button" className="button" onClick={onOpenMyExposure}>
          {t('header.myExposure')}
        </button>
        <button type="button" className="button" onClick={onOpenTeamStats}>
          {t('teamStats.open')}
        </button>
        <button type="button" className="button" onClick={onOpenSettings}>
          {t('header.settings')}
        </button>
        <label className="language-switch">
          <span className="visually-hidden">{t('header.language')}</span>
          <select
            value={language}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isUiLanguage(value)) onLanguageChange(value);
            }}
          >
            {UI_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
