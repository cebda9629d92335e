import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatsResult } from '../../../shared/team-sharing/team-sharing-contract.js';

type RejectedExport = TeamStatsResult['rejected'][number];

/**
 * The files left out, each with why in words (by its code) and the technical detail in
 * small print. A file's contents are never shown, only its name.
 */
export function RejectedFiles({ rejected }: { rejected: readonly RejectedExport[] }) {
  const { t } = useTranslation();
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
            <small className="problem-detail">{file.detail}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
