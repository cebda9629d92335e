import { z } from 'zod';
import { HashSetSchemeSchema, SCHEME_CATEGORIES } from '../known/hash-set-scheme.js';
import type { ItemMatch } from '../known/item-match.js';

/** The number keys that categorise: a custom category names one of them. */
const DigitKeySchema = z.string().regex(/^[0-9]$/, 'a single digit 0–9');

const MAX_CUSTOM_CATEGORIES = 10;
const MAX_DESCRIPTION_CHARS = 64;

/**
 * A scheme a unit defines (shared as a small JSON file): a name and up to 10 categories, each
 * with the digit key that chooses it (also its code in the history) and a short description.
 */
export const CustomSchemeSchema = z
  .object({
    name: z.string().trim().min(1).max(MAX_DESCRIPTION_CHARS),
    categories: z
      .array(z.object({ key: DigitKeySchema, description: z.string().trim().min(1).max(MAX_DESCRIPTION_CHARS) }))
      .min(1)
      .max(MAX_CUSTOM_CATEGORIES),
  })
  .refine((scheme) => new Set(scheme.categories.map((category) => category.key)).size === scheme.categories.length, {
    message: 'two categories use the same key',
    path: ['categories'],
  });
export type CustomScheme = z.infer<typeof CustomSchemeSchema>;

/**
 * A case's scheme as chosen at its first open: the same ids as a hash set's (`vic-us`, `vic-dhs`,
 * `uk-abc`, `custom`), so a known item's category and a decision's mean the same thing when the
 * two agree; a custom one carries its definition.
 */
export const CaseSchemeSchema = z.discriminatedUnion('id', [
  z.object({ id: HashSetSchemeSchema.exclude(['custom']) }),
  z.object({ id: z.literal('custom'), custom: CustomSchemeSchema }),
]);
export type CaseScheme = z.infer<typeof CaseSchemeSchema>;

/** The scheme a case gets when the investigator does not choose. */
export const DEFAULT_CASE_SCHEME: CaseScheme = { id: 'vic-us' };

/**
 * One category as the review offers it. `code` is what the history keeps (the hash set's code,
 * e.g. "1" or "A"); `key` is the number key that chooses it. The renderer translates
 * `<scheme>.<code>`; a custom category shows its `description` as written.
 */
export interface ReviewCategory {
  code: string;
  key: string;
  description: string | null;
}

/**
 * UK grading has one code a hash set never lists: "not indecent". It is a decision, not a
 * match, so it lives here rather than in the hash-set scheme, and takes key 0 as VIC's
 * non-pertinent does.
 */
export const UK_NOT_INDECENT = 'N';
const UK_KEYS: Readonly<Record<string, string>> = { A: '1', B: '2', C: '3', [UK_NOT_INDECENT]: '0' };

/**
 * The categories a case's scheme offers, in the order the buttons show them. Numbered schemes
 * take the hash set's own list (one list for matches and decisions), each chosen by its number.
 * "Uncategorised" is no category (null), not one of these.
 */
export function schemeCategories(scheme: CaseScheme): readonly ReviewCategory[] {
  switch (scheme.id) {
    case 'vic-us':
    case 'vic-dhs':
      return SCHEME_CATEGORIES[scheme.id].map((code) => ({ code, key: code, description: null }));
    case 'uk-abc':
      return [...SCHEME_CATEGORIES['uk-abc'], UK_NOT_INDECENT].map((code) => ({ code, key: UK_KEYS[code] ?? code, description: null }));
    case 'custom':
      return scheme.custom.categories.map((category) => ({ code: category.key, key: category.key, description: category.description }));
  }
}

/** The category a number key chooses under the scheme, or null when the key chooses none. */
export function categoryForKey(scheme: CaseScheme, key: string): ReviewCategory | null {
  return schemeCategories(scheme).find((category) => category.key === key) ?? null;
}

/** True when `code` is one of the scheme's categories (null, uncategorised, always is). */
export function isSchemeCategory(scheme: CaseScheme, code: string | null): boolean {
  return code === null || schemeCategories(scheme).some((category) => category.code === code);
}

/**
 * The category a known item arrives with: its set's category when the set uses the case's
 * scheme. A set numbered differently gives none, never a translated guess — "1" is CAM under
 * Project VIC US and illegal exploitation under DHS. A custom set's label is matched to a
 * custom category by key or description. Near matches are never categorised automatically.
 */
export function categoryFromMatch(scheme: CaseScheme, match: ItemMatch | null): string | null {
  if (match?.type !== 'known' || match.category === null || match.scheme !== scheme.id) return null;
  if (scheme.id !== 'custom') return isSchemeCategory(scheme, match.category) ? match.category : null;
  const label = match.category.trim().toLowerCase();
  const found = scheme.custom.categories.find((category) => category.key === label || category.description.toLowerCase() === label);
  return found?.key ?? null;
}
