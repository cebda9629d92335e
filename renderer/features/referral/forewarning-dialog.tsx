import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../app/modal-dialog';
import type { IndustryClass, ReferralAnnotation } from '../../../shared/referral/referral-entry';

export interface ForewarningProps {
  classification: IndustryClass | null;
  annotations: readonly ReferralAnnotation[];
  /** Opens the item with the strongest filter: the default, focused first. */
  onOpenStrongest: () => void;
  /** Leaves the item closed. Escape does this too. */
  onNotNow: () => void;
}

/**
 * Says what the referral says a file contains before it is opened. Knowing what is coming
 * before seeing it is what research on moderators and investigators recommends; the default,
 * focused answer opens it through the strongest filter.
 */
export function ForewarningDialog({ classification, annotations, onOpenStrongest, onNotNow }: ForewarningProps) {
  const { t } = useTranslation();
  const describedBy = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Escape still reaches the app-wide handler that hides media; here it also means "not now".
    if (event.key === 'Escape') onNotNow();
  };
  return (
    <div onKeyDown={onKeyDown}>
      <ModalDialog title={t('referral.forewarningTitle')} describedBy={describedBy} escapeHint={t('referral.escapeIsNotNow')} onClose={onNotNow}>
        <div id={describedBy}>
          <p>{t('referral.forewarningIntro')}</p>
          <ul>
            {classification !== null && <li>{t('referral.classification', { classification })}</li>}
            {annotations.map((annotation) => (
              <li key={annotation}>{t(`referral.annotation.${annotation}`)}</li>
            ))}
          </ul>
        </div>
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={onOpenStrongest}>
            {t('referral.openStrongest')}
          </button>
          <button type="button" className="button" onClick={onNotNow}>
            {t('referral.notNow')}
          </button>
        </div>
      </ModalDialog>
    </div>
  );
}
