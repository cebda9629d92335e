import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { revealRulesFor, type ReferralFlag, type RevealRules } from '../../../shared/referral/referral-settings.js';
import type { Settings } from '../../../shared/settings/settings.js';
import { useFormatters } from '../../i18n/format';

/** An item's reveal rules, with the id of the words that say why a reveal is limited (for the Reveal button's description). */
export function useRevealRules(item: Pick<MediaItem, 'kind' | 'match' | 'referral'>, settings: Pick<Settings, 'referral' | 'revealInColour'>) {
  const id = useId();
  const rules = revealRulesFor({ referral: item.referral, nearMatch: item.match?.type === 'near' }, settings.referral, settings.revealInColour);
  const limited = rules.noColourBecause.length > 0 || rules.spotlightOnly;
  // A video has no spotlight: spotlight only leaves it veiled, and must say so rather than point to a spotlight there is not.
  return { ...rules, id, video: item.kind === 'video', describedBy: limited ? id : undefined };
}

/**
 * Says why this file's reveal is limited by the unit's rule for its flags: reveals that stay
 * grey, or no whole reveal (only the hold-to-reveal spotlight). Nothing when no flag limits it
 * (the investigator's own "reveal in colour" choice needs no explaining).
 */
export function RevealLimits({ rules }: { rules: RevealRules & { id: string; video: boolean } }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const names = (flags: readonly ReferralFlag[]) =>
    new Intl.ListFormat(format.locale, { type: 'conjunction' }).format(flags.map((flag) => t(`referralSettings.flagName.${flag}`)));
  if (rules.noColourBecause.length === 0 && !rules.spotlightOnly) return null;
  return (
    <span id={rules.id} className="viewer-reveal-limits">
      {rules.spotlightOnly && (
        <span>{t(rules.video ? 'referralReveal.spotlightOnlyVideo' : 'referralReveal.spotlightOnly', { flags: names(rules.spotlightOnlyBecause) })} </span>
      )}
      {rules.noColourBecause.length > 0 && <span>{t('referralReveal.noColour', { flags: names(rules.noColourBecause) })}</span>}
    </span>
  );
}
