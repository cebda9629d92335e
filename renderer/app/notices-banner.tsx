import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/notices.js';

/**
 * Start-up notices from the back end (e.g. a damaged settings file was kept aside),
 * read out once and dismissable. The technical detail is in small print.
 */
export function NoticesBanner({ notices }: { notices: readonly Notice[] }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || notices.length === 0) return null;
  return (
    <div role="alert" className="notices banner">
      <ul>
        {notices.map((notice, index) => (
          <li key={`${notice.code}:${index}`}>
            {t(`notices.${notice.code}`)}
            {notice.keptAs && ` ${t('notices.keptAs', { file: notice.keptAs })}`}
            {notice.detail && <small className="problem-detail">{notice.detail}</small>}
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setDismissed(true)}>
        {t('notices.dismiss')}
      </button>
    </div>
  );
}
