import type { TFunction } from 'i18next';
import { UK_NOT_INDECENT, type CaseScheme } from '../../../shared/review/category-scheme.js';
import type { CategoryCode } from '../../../shared/review/decision-event.js';
import { vicCategoryWords } from '../known/vic-category-words';

/**
 * A category as buttons and announcements name it: "1, CAM" (the same words the known-item
 * labels use), "A", "Not indecent", a custom category's key and description, or "Uncategorised".
 */
export function categoryLabel(t: TFunction, scheme: CaseScheme, code: CategoryCode): string {
  if (code === null) return t('decisions.uncategorised');
  switch (scheme.id) {
    case 'vic-us':
    case 'vic-dhs': {
      const words = vicCategoryWords(t, scheme.id, code);
      if (words !== null) return t('decisions.named', { code, label: words });
      break;
    }
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
