import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface AfterHoursNoticeProps {
  afterHours: boolean;
  /** The back end's current day ('YYYY-MM-DD', the limits' day); a dismissal holds for that day only. */
  dayKey: string | null;
}

/**
 * A gentle line while media is viewed outside the user's working hours; it asks nothing.
 * It can be put away for the rest of the day (it takes room from the viewer) and comes
 * back on the next day it applies.
 */
export function AfterHoursNotice({ afterHours, dayKey }: AfterHoursNoticeProps) {
  const { t } = useTranslation();
  const [dismissedDay, setDismissedDay] = useState<string | null | undefined>(undefined);
  if (!afterHours || dismissedDay === dayKey) return null;
  return (
    <div className="after-hours-notice" role="status">
      <p>{t('breaks.afterHours')}</p>
      <button type="button" className="button button-small" onClick={() => setDismissedDay(dayKey)}>
        {t('layout.dismissToday')}
      </button>
    </div>
  );
}
