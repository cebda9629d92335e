import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatsResult } from '../../../shared/team-sharing/team-sharing-contract.js';
import { standalone, useErrorText } from '../../app/error-message';

type RejectedExport = TeamStatsResult['rejected'][number];

/**
 * The files left out, each with why in words (by its code) and the particulars (sizes,
 * the field at fault, the system's error code) in small print. A file's contents are never shown, only its name.
 */
export function RejectedFiles({ rejected }: { rejected: readonly RejectedExport[] }) {
  const { t } = useTranslation();
  const { reasonText } = useErrorText();
  const titleId = useId();
  if (rejected.length === 0) return null;
  return (
    <section className="team-rejected" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('teamStats.leftOutTitle')}</h3>
      <p className="field-help">{t('teamStats.leftOutHelp')}</p>
      <ul aria-labelledby={titleId} className="problems-list team-rejected-list">
        {rejected.map((file, index) => (
          <li key={`${file.fileName}:${index}`}>
            <span className="problem-path">{file.fileName}</span>
            <span className="problem-reason">{t(`teamStats.reject.${file.code}`)}</span>
            <small className="problem-detail">{standalone(reasonText(file.reason))}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
