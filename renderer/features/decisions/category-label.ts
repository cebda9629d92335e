import type { TFunction } from 'i18next';
import { UK_NOT_INDECENT, type CaseScheme } from '../../../shared/review/category-scheme.js';
import type { CategoryCode } from '../../../shared/review/decision-event.js';
import { enKnown } from '../../i18n/en-known';

function hasCode<Codes extends object>(codes: Codes, code: string): code is Extract<keyof Codes, string> {
  return Object.hasOwn(codes, code);
}

/**
 * A category as buttons and announcements name it: "1, CAM" (the same words the known-item
 * labels use), "A", "Not indecent", a custom category's key and description, or "Uncategorised".
 */
export function categoryLabel(t: TFunction, scheme: CaseScheme, code: CategoryCode): string {
  if (code === null) return t('decisions.uncategorised');
  const labels = enKnown.known.category;
  switch (scheme.id) {
    case 'vic-us':
      if (hasCode(labels['vic-us'], code)) return t('decisions.named', { code, label: t(`known.category.vic-us.${code}`) });
      break;
    case 'vic-dhs':
      if (hasCode(labels['vic-dhs'], code)) return t('decisions.named', { code, label: t(`known.category.vic-dhs.${code}`) });
      break;
    case 'uk-abc':
      if (code === UK_NOT_INDECENT) return t('decisions.ukNotIndecent');
      break;
    case 'custom': {
      const found = scheme.custom.categories.find((category) => category.key === code);
      if (found) return t('decisions.named', { code, label: found.description });
      break;
    }
  }
  return code;
}
