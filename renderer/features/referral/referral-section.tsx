import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ReferralFlagSchema,
  ReferralSettingsSchema,
  type FlagProfile,
  type ReferralFlag,
  type ReferralSettings,
} from '../../../shared/referral/referral-settings.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';

const RULES = ['noColourOnReveal', 'spotlightOnly'] as const satisfies readonly (keyof FlagProfile)[];
const RULE_LABEL = { noColourOnReveal: 'referralSettings.noColour', spotlightOnly: 'referralSettings.spotlightOnly' } as const;
const NO_RULE: FlagProfile = { noColourOnReveal: false, spotlightOnly: false };

/** The map without flags that add nothing, so the stored settings say only what the unit chose. */
function withRule(settings: ReferralSettings, flag: ReferralFlag, rule: keyof FlagProfile, on: boolean): ReferralSettings {
  const profile = { ...(settings.flagProfiles[flag] ?? NO_RULE), [rule]: on };
  const others = Object.entries(settings.flagProfiles).filter(([other]) => other !== flag);
  const kept = profile.noColourOnReveal || profile.spotlightOnly ? [...others, [flag, profile]] : others;
  return { ...settings, flagProfiles: ReferralSettingsSchema.shape.flagProfiles.parse(Object.fromEntries(kept)) };
}

/**
 * Settings → Referral: the unit's authorisation lock and what each referral flag adds to
 * the strongest veil. Turning the lock off asks first and says what it means, because it
 * is the one change here that lets pixels be seen that a warrant may have been needed for.
 */
export function ReferralSection({ headingId, settings, onSaved }: { headingId: string; settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const client = useVeil();
  const confirmId = useId();
  const [draft, setDraft] = useState(settings.referral);
  const [confirmingOff, setConfirmingOff] = useState(false);
  const lockRef = useRef<HTMLInputElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  // The question takes the focus (on the safe answer) as it appears, so a keyboard or screen reader user meets it; the lock's box gets it back after.
  const asked = useRef(false);
  useEffect(() => {
    if (confirmingOff) keepRef.current?.focus();
    else if (asked.current) lockRef.current?.focus();
    asked.current = confirmingOff;
  }, [confirmingOff]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    setError(null);
    const parsed = ReferralSettingsSchema.safeParse(draft);
    if (!parsed.success) {
      setError(t('referralSettings.failed', { message: parsed.error.issues.map((issue) => issue.message).join('; ') }));
      return;
    }
    client
      .call('updateSettings', { referral: parsed.data })
      .then((next) => {
        onSaved(next);
        setStatus(t('referralSettings.saved'));
      })
      .catch((reason: unknown) => setError(t('referralSettings.failed', { message: errorText(reason) })));
  };

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-section-title" tabIndex={-1}>
        {t('referralSettings.group')}
      </h3>
      <p className="muted">{t('referralSettings.intro')}</p>
      <form className="form" onSubmit={onSubmit} onChange={() => setStatus('')} noValidate>
        <label className="check">
          <input
            ref={lockRef}
            type="checkbox"
            checked={draft.authorisationLock}
            onChange={(event) => {
              if (event.target.checked) setDraft({ ...draft, authorisationLock: true });
              else setConfirmingOff(true);
            }}
          />
          {t('referralSettings.lock')}
        </label>
        <p className="muted">{t('referralSettings.lockHelp')}</p>
        {confirmingOff && (
          <div role="alertdialog" aria-labelledby={`${confirmId}-title`} aria-describedby={`${confirmId}-why`} className="confirm-panel">
            <p id={`${confirmId}-title`}>
              <strong>{t('referralSettings.lockOffTitle')}</strong>
            </p>
            <p id={`${confirmId}-why`}>{t('referralSettings.lockOffWhy')}</p>
            <div className="form-actions">
              <button type="button" className="button" onClick={() => (setDraft({ ...draft, authorisationLock: false }), setConfirmingOff(false))}>
                {t('referralSettings.lockOffConfirm')}
              </button>
              <button ref={keepRef} type="button" className="button button-primary" onClick={() => setConfirmingOff(false)}>
                {t('referralSettings.lockOffCancel')}
              </button>
            </div>
          </div>
        )}
        <table className="settings-table">
          <caption>{t('referralSettings.flagsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referralSettings.flag')}</th>
              {RULES.map((rule) => (
                <th key={rule} scope="col">
                  {t(RULE_LABEL[rule])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ReferralFlagSchema.options.map((flag) => (
              <tr key={flag}>
                <th scope="row">{t(`referralSettings.flagName.${flag}`)}</th>
                {RULES.map((rule) => (
                  <td key={rule}>
                    <input
                      type="checkbox"
                      aria-label={t('referralSettings.cellLabel', { flag: t(`referralSettings.flagName.${flag}`), rule: t(RULE_LABEL[rule]) })}
                      checked={draft.flagProfiles[flag]?.[rule] === true}
                      onChange={(event) => setDraft(withRule(draft, flag, rule, event.target.checked))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="form-actions">
          <span role="status" className="settings-saved">
            {status}
          </span>
          <button type="submit" className="button button-primary" disabled={confirmingOff}>
            {t('referralSettings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
