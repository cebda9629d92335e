import type { TFunction } from 'i18next';
import type { CaseSummary } from '../../../shared/case/case-summary.js';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { ItemMatch, ItemView } from '../../../shared/known/item-match.js';
import type { FilterProfile } from '../../../shared/media/filter-profile.js';
import { vicCategoryWords } from './vic-category-words';
import { isFlagged } from '../../../shared/referral/item-referral.js';

/**
 * True when an item must be drawn as words only: it is known and the investigator has not
 * chosen "Show known items" for the case. Its picture is then never asked for, in the grid
 * or the viewer.
 */
export function isHiddenKnown(item: Pick<MediaItem, 'match'>, knownShown: boolean): boolean {
  return item.match?.type === 'known' && !knownShown;
}

/** Grey and the strongest blur: how a near match is veiled whatever the investigator's own profile. */
const NEAR_MATCH_PROFILE: FilterProfile = { greyscale: true, blur: 'strong', style: 'blur' };

/** The veil for an item: the investigator's profile, or the strongest one for a near match or a file the referral flags. */
export function veilProfileFor(item: Pick<MediaItem, 'match' | 'referral'>, profile: FilterProfile): FilterProfile {
  return item.match?.type === 'near' || isFlagged(item.referral) ? NEAR_MATCH_PROFILE : profile;
}

/** How many items a "Show" view holds, from the case summary (before any page is read). */
export function viewTotal(summary: CaseSummary, view: ItemView): number {
  switch (view) {
    case 'to-review':
      return summary.toReviewCount;
    case 'known':
      return summary.knownCount;
    case 'near':
      return summary.nearMatchCount;
    case 'duplicates':
      return summary.duplicateStackCount;
    case 'all':
      return summary.itemCount;
  }
}

/** "category 1, CAM", "category A", a custom label as written, or "no category". */
function categoryText(t: TFunction, match: ItemMatch): string {
  const code = match.category;
  if (code === null) return t('review.category.none');
  switch (match.scheme) {
    case 'vic-us':
    case 'vic-dhs': {
      const words = vicCategoryWords(t, match.scheme, code);
      if (words !== null) return t('review.category.numbered', { code, label: words });
      break;
    }
    case 'custom':
      return code;
    case 'uk-abc':
      break;
  }
  return t('review.category.lettered', { code });
}

/** "Known — category 1, CAM — Set name" or "Near match (distance 12) — … — Set name". */
export function matchText(t: TFunction, match: ItemMatch): string {
  const category = categoryText(t, match);
  return match.type === 'known'
    ? t('review.known', { category, setName: match.setName })
    : t('review.near', { category, setName: match.setName, distance: match.distance });
}
