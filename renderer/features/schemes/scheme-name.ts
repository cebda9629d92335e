import type { TFunction } from 'i18next';
import type { CaseScheme } from '../../../shared/review/category-scheme.js';

/** The scheme as the header names it: "VIC US", "DHS", "UK", or a custom scheme's own name. */
export function schemeShortName(t: TFunction, scheme: CaseScheme): string {
  return scheme.id === 'custom' ? scheme.custom.name : t(`schemes.short.${scheme.id}`);
}

/** The scheme as the choice names it: "Project VIC US (0 to 4)", or a custom one's name and keys. */
export function schemeLongName(t: TFunction, scheme: CaseScheme): string {
  if (scheme.id !== 'custom') return t(`schemes.long.${scheme.id}`);
  return t('schemes.custom', { name: scheme.custom.name, keys: scheme.custom.categories.map((category) => category.key).join(', ') });
}
