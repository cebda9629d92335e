import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { ModalDialog } from '../../app/modal-dialog';
import { useQuery } from '../../hooks/use-query';
import { useFormatters } from '../../i18n/format';
import { weekWithDays } from '../team-stats/week-label';
import { SummaryLegend } from './summary-legend';

export interface SharingPreviewDialogProps {
  /** 'consent' asks "Share summaries like this" before sharing is first turned on; 'view' only shows. */
  mode: 'view' | 'consent';
  onConfirm?: () => void;
  onClose: () => void;
}

/**
 * "What would be shared": the exact text of the file an export would write (the back
 * end renders it; this shows it untouched in a <pre>), its name, and what each field
 * means. Any finished week on offer can be previewed. The figures stay visible while
 * another week loads, so the week picker keeps its focus.
 */
export function SharingPreviewDialog({ mode, onConfirm, onClose }: SharingPreviewDialogProps) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const format = useFormatters();
  const weekId = useId();
  const [week, setWeek] = useState<string | undefined>(undefined);
  // The last file loaded (`latest`) stays on screen while another week loads or fails.
  const { state, latest: preview, reload: retry } = useQuery([client, week], () => client.call('previewWeeklySummary', week === undefined ? {} : { week }));
  const busy = state.status === 'loading';
  const error = state.status === 'failed' ? errorText(state.error) : null;

  return (
    <ModalDialog title={t('teamSharing.preview.title')} className="sharing-preview-dialog" onClose={onClose}>
      <p className="muted">{mode === 'consent' ? t('teamSharing.preview.consentIntro') : t('teamSharing.preview.intro')}</p>
      {mode === 'consent' && <p className="muted">{t('teamSharing.preview.intro')}</p>}
      <div className="sharing-preview-body" aria-busy={busy}>
        {busy && !preview && <p role="status">{t('teamSharing.preview.loading')}</p>}
        {error && (
          <div role="alert">
            <p className="error-text">{t('teamSharing.preview.failed', { message: error })}</p>
            <button type="button" className="button" onClick={retry}>
              {t('teamSharing.preview.retry')}
            </button>
          </div>
        )}
        {preview && (
          <>
            <div className="sharing-preview-file">
              <div className="field">
                <label htmlFor={weekId} className="field-label">
                  {t('teamSharing.preview.week')}
                </label>
                <select id={weekId} aria-describedby={`${weekId}-iso`} value={preview.week} onChange={(event) => setWeek(event.currentTarget.value)}>
                  {preview.weeks.map((offered) => (
                    <option key={offered} value={offered}>
                      {weekWithDays(offered, format.locale)}
                    </option>
                  ))}
                </select>
                <span id={`${weekId}-iso`} className="field-help">
                  {t('weekStart.isoWeeks')}
                </span>
              </div>
              <dl className="sharing-preview-name">
                <dt>{t('teamSharing.preview.fileName')}</dt>
                <dd>
                  <code>{preview.fileName}</code>
                </dd>
              </dl>
              <figure className="sharing-preview-figure">
                <figcaption>{t('teamSharing.preview.contents')}</figcaption>
                {/* Focusable so the file can be scrolled with the keyboard; the text is exactly the file's. */}
                <pre className="sharing-preview-json" tabIndex={0} aria-label={t('teamSharing.preview.contents')}>
                  {preview.json}
                </pre>
              </figure>
            </div>
            <SummaryLegend />
          </>
        )}
      </div>
      <div className="form-actions">
        {mode === 'consent' ? (
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('teamSharing.preview.cancel')}
            </button>
            {/* Consent needs the file on screen first. */}
            <button type="button" className="button button-primary" disabled={!preview || busy} onClick={onConfirm}>
              {t('teamSharing.preview.confirm')}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={onClose}>
            {t('teamSharing.preview.close')}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
