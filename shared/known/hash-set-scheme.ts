import { z } from 'zod';

/**
 * How a set's categories are numbered. Chosen by the user at import and never guessed:
 * the same "1" means CAM under Project VIC US and "Child exploitation (illegal)" under the
 * older DHS numbering, and a wrong guess would mislabel what an item is.
 * - `vic-us`: Project VIC US, 0 Non-pertinent, 1 CAM, 2 Child exploitive / age difficult,
 *   3 CGI/animation, 4 Comparison.
 * - `vic-dhs`: the older DHS numbering (as Autopsy's image gallery has it): 0 Uncategorized,
 *   1 Child exploitation (illegal), 2 Child exploitation (non-illegal / age difficult),
 *   3 CGI/animation (child exploitive), 4 Exemplar/comparison (internal use only), 5 Non-pertinent.
 * - `uk-abc`: the UK grading, A, B, C.
 * - `custom`: any short label; shown as written.
 */
export const HashSetSchemeSchema = z.enum(['vic-us', 'vic-dhs', 'uk-abc', 'custom']);
export type HashSetScheme = z.infer<typeof HashSetSchemeSchema>;

/** Category codes of each numbered scheme, in order; the renderer translates `<scheme>.<code>`. */
export const SCHEME_CATEGORIES: Readonly<Record<Exclude<HashSetScheme, 'custom'>, readonly string[]>> = {
  'vic-us': ['0', '1', '2', '3', '4'],
  'vic-dhs': ['0', '1', '2', '3', '4', '5'],
  'uk-abc': ['A', 'B', 'C'],
};

const MAX_CUSTOM_CATEGORY_CHARS = 64;

export type CategoryCheck = { ok: true; category: string | null } | { ok: false; reason: 'category-not-in-scheme' | 'category-wrong-type' };

/**
 * Reads one record's category under the chosen scheme. A missing category is allowed (the
 * hash is still known, its category unknown); one outside the scheme makes the record bad,
 * because importing it would show a label the scheme does not have.
 * `fromText` is true for list and CSV cells, where a number is always written as text.
 */
export function checkCategory(scheme: HashSetScheme, value: unknown, fromText: boolean): CategoryCheck {
  if (value === undefined || value === null || value === '') return { ok: true, category: null };
  if (scheme === 'custom') {
    if (typeof value === 'number' && Number.isInteger(value)) return { ok: true, category: String(value) };
    if (typeof value !== 'string') return { ok: false, reason: 'category-wrong-type' };
    const label = value.trim();
    if (label.length === 0 || label.length > MAX_CUSTOM_CATEGORY_CHARS) return { ok: false, reason: 'category-not-in-scheme' };
    return { ok: true, category: label };
  }
  if (scheme === 'uk-abc') {
    if (typeof value !== 'string') return { ok: false, reason: 'category-wrong-type' };
    const letter = value.trim().toUpperCase();
    return SCHEME_CATEGORIES['uk-abc'].includes(letter) ? { ok: true, category: letter } : { ok: false, reason: 'category-not-in-scheme' };
  }
  // VICS writes Category as a JSON number; a string there is a typing mistake, not a label.
  if (typeof value === 'string' && !fromText) return { ok: false, reason: 'category-wrong-type' };
  if (typeof value !== 'number' && typeof value !== 'string') return { ok: false, reason: 'category-wrong-type' };
  const code = String(value).trim();
  return SCHEME_CATEGORIES[scheme].includes(code) ? { ok: true, category: code } : { ok: false, reason: 'category-not-in-scheme' };
}
