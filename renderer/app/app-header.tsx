import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../shared/case/case-summary.js';
import { NextBreakCountdown } from '../features/breaks/next-break-countdown';
import { CountingIndicator } from '../features/exposure/counting-indicator';
import { CaseCounts } from '../features/known/case-counts';
import { ExposureAvoided } from '../features/known/exposure-avoided';
import type { UiLanguage } from '../i18n/i18n';
import { HeaderMenu } from './header-menu';

export interface AppHeaderProps {
  summary: CaseSummary | null;
  language: UiLanguage;
  onOpenCase: () => void;
  onHideAll: () => void;
  onOpenSettings: () => void;
  onOpenMyExposure: () => void;
  onOpenTeamStats: () => void;
  onExportReview?: () => void;
  onChooseManifest?: () => void;
  onLanguageChange: (language: UiLanguage) => void;
  /** The review's progress ("312 of 4,200 reviewed"), beside the case's counts. */
  reviewProgress?: ReactNode;
}

/**
 * The top bar, one row at any size: which case is open, whether exposure is counting,
 * Hide all media (always in sight), and a menu for the rest.
 */
export function AppHeader(props: AppHeaderProps) {
  const { summary, onHideAll, reviewProgress, ...menu } = props;
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <span className="brand" aria-hidden="true">
        {t('app.name')}
      </span>
      <div className="case-title">
        <h1 title={summary?.name}>{summary?.name ?? t('app.noCase')}</h1>
        {summary?.isDemo && <span className="badge">{t('app.demoBadge')}</span>}
        {summary && (
          <div className="case-figures">
            <CaseCounts summary={summary} />
            <ExposureAvoided summary={summary} />
          </div>
        )}
        {summary && reviewProgress}
      </div>
      <div className="header-actions">
        <CountingIndicator />
        <NextBreakCountdown />
        <button type="button" className="button button-primary" onClick={onHideAll}>
          {t('header.hideAll')}
        </button>
        <HeaderMenu {...menu} />
      </div>
    </header>
  );
}
