import { useTranslation } from 'react-i18next';

/** A gentle line while media is viewed outside the user's working hours; it asks nothing. */
export function AfterHoursNotice({ afterHours }: { afterHours: boolean }) {
  const { t } = useTranslation();
  if (!afterHours) return null;
  return (
    <p className="after-hours-notice" role="status">
      {t('breaks.afterHours')}
    </p>
  );
}
