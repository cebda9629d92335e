import { useTranslation } from 'react-i18next';
import type { Reason } from '../../shared/reasons/reason';
import { standalone, useErrorText } from './error-message';

/**
 * The small print under a problem: Veil's own reason when it sent one, translated; else the
 * decoder's or parser's own words, which exist only in English and so are shown only in the
 * English UI (in French the translated sentence above stands alone rather than mix languages).
 */
export function TechnicalDetail({ reason, detail }: { reason?: Reason | undefined; detail?: string | undefined }) {
  const { i18n } = useTranslation();
  const { reasonText } = useErrorText();
  const text = reason ? standalone(reasonText(reason)) : i18n.language === 'en' ? detail : undefined;
  return text ? <small className="problem-detail">{text}</small> : null;
}
