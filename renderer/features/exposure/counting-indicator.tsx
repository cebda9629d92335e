import { useTranslation } from 'react-i18next';
import { useExposureCounting } from './exposure-reporting';

/**
 * A small, quiet sign in the header while the main side says exposure is being counted.
 * Not a live region: it changes whenever media comes and goes, and must not chatter.
 */
export function CountingIndicator() {
  const { t } = useTranslation();
  const counting = useExposureCounting();
  if (!counting) return null;
  return (
    <span className="counting-indicator" title={t('header.countingHelp')}>
      <span className="counting-dot" aria-hidden="true" />
      {t('header.counting')}
    </span>
  );
}
