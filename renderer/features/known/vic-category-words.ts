import type { TFunction } from 'i18next';
import { enKnown } from '../../i18n/en-known';

function hasCode<Codes extends object>(codes: Codes, code: string): code is Extract<keyof Codes, string> {
  return Object.hasOwn(codes, code);
}

/**
 * The words of a Project VIC category ("CAM") in the user's language, or null for a code the
 * numbering does not have. Known-item labels and the review's Category buttons both name
 * categories with these words, so the two never disagree.
 */
export function vicCategoryWords(t: TFunction, scheme: 'vic-us' | 'vic-dhs', code: string): string | null {
  const labels = enKnown.known.category;
  if (scheme === 'vic-us') return hasCode(labels['vic-us'], code) ? t(`known.category.vic-us.${code}`) : null;
  return hasCode(labels['vic-dhs'], code) ? t(`known.category.vic-dhs.${code}`) : null;
}
