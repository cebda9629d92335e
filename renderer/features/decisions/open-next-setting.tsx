import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';

/** Settings → Review: how the review moves on. Its own section: it is about reviewing, not about category schemes. */
export function ReviewSection({ headingId, settings, onSaved }: { headingId: string; settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-section-title" tabIndex={-1}>
        {t('settingsSections.review')}
      </h3>
      <OpenNextSetting settings={settings} onSaved={onSaved} />
    </section>
  );
}

/** The review's "Open the next item to review after categorising" switch, saved as soon as it is changed. */
function OpenNextSetting({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const helpId = useId();
  const [error, setError] = useState<string | null>(null);
  const review = settings.review;
  const onChange = (openNextAfterDecision: boolean) => {
    setError(null);
    client
      .call('updateSettings', { review: { ...review, openNextAfterDecision } })
      .then(onSaved)
      .catch((reason: unknown) => setError(t('schemeSettings.failed', { message: errorText(reason) })));
  };
  return (
    <div className="form">
      <label className="check">
        <input type="checkbox" checked={review.openNextAfterDecision} aria-describedby={helpId} onChange={(event) => onChange(event.currentTarget.checked)} />
        {t('selection.openNextSetting')}
      </label>
      <p id={helpId} className="muted">
        {t('selection.openNextHelp')}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
