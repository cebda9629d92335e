import { useTranslation } from 'react-i18next';
import type { ReviewState } from '../../../shared/review/review-contract.js';
import { useFormatters } from '../../i18n/format';
import { schemeLongName, schemeShortName } from '../schemes/scheme-name';

/** The case's scheme and "312 of 4,200 reviewed" in the header, and a warning while decisions wait to be saved. */
export function ReviewProgress({ state }: { state: ReviewState | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (state === null) return null;
  return (
    <>
      {state.schemeChosen && (
        <span
          className="badge review-scheme"
          title={schemeLongName(t, state.scheme)}
          aria-label={t('schemes.headerLabel', { name: schemeLongName(t, state.scheme) })}
        >
          {schemeShortName(t, state.scheme)}
        </span>
      )}
      <span className="review-progress">{t('decisions.progress', { reviewed: format.count(state.reviewedCount), total: format.count(state.totalCount) })}</span>
      {state.unsavedCount > 0 && (
        <span role="alert" className="review-unsaved error-text">
          {t('decisions.unsaved', { count: state.unsavedCount, formatted: format.count(state.unsavedCount) })}
        </span>
      )}
    </>
  );
}

/** The polite live region every decision, undo and redo is announced in. */
export function DecisionAnnouncer({ text }: { text: string }) {
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="decision-announcement">
      {text}
    </p>
  );
}
