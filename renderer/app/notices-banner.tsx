import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/notices.js';
import { TechnicalDetail } from './technical-detail';

/** How each notice names the file that was kept, in the notice's own words. */
const KEPT_AS_KEYS = {
  'settings-reset': 'notices.keptAs',
  'ledger-torn-record-dropped': 'notices.keptAsTorn',
  'ledger-file-kept-aside': 'notices.keptAsLedger',
  'ledger-retention-held': 'notices.keptAs',
  'wellbeing-state-reset': 'notices.keptAs',
  'team-share-key-reset': 'notices.keptAs',
  'known-library-unreadable': 'notices.keptAs',
  'referral-manifest-rows-left-out': 'notices.keptAs',
} as const satisfies Record<Notice['code'], string>;

/**
 * Notices from the back end (start-up ones and those raised later, e.g. a damaged
 * settings file or exposure day file kept aside), calm and factual, dismissable. A
 * notice that arrives after a dismissal brings the banner back with only the new ones.
 * The technical detail is in small print.
 */
export function NoticesBanner({ notices }: { notices: readonly Notice[] }) {
  const { t } = useTranslation();
  const [dismissedCount, setDismissedCount] = useState(0);
  const shown = notices.slice(dismissedCount);
  if (shown.length === 0) return null;
  return (
    <div role="alert" className="notices banner">
      <ul>
        {shown.map((notice, index) => (
          <li key={`${notice.code}:${dismissedCount + index}`}>
            {t(`notices.${notice.code}`)}
            {notice.keptAs && ` ${t(KEPT_AS_KEYS[notice.code], { file: notice.keptAs })}`}
            <TechnicalDetail detail={notice.detail} />
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setDismissedCount(notices.length)}>
        {t('notices.dismiss')}
      </button>
    </div>
  );
}
