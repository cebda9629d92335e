import { z } from 'zod';
import { HashSetIdSchema } from './hash-set-contract.js';
import { HashSetSchemeSchema } from './hash-set-scheme.js';

const MatchedSetSchema = z.object({
  setId: HashSetIdSchema,
  setName: z.string(),
  scheme: HashSetSchemeSchema,
  /** The set's category code for this hash under its scheme (e.g. "1"), or null when the set gave none. */
  category: z.string().nullable(),
});

/**
 * Why an item is known or nearly known. `known`: one of its exact hashes is in an enabled set,
 * so it is never shown unless the investigator asks. `near`: its PDQ hash is within the
 * threshold of a set's PDQ hash; it stays in review, shown with the strongest profile, and is
 * never categorised automatically.
 */
export const ItemMatchSchema = z.discriminatedUnion('type', [
  MatchedSetSchema.extend({ type: z.literal('known'), matchedBy: z.enum(['md5', 'sha1', 'sha256']) }),
  MatchedSetSchema.extend({ type: z.literal('near'), distance: z.number().int().min(0).max(256) }),
]);
export type ItemMatch = z.infer<typeof ItemMatchSchema>;

/** PDQ hashes below this quality (0–100) say too little about a picture to compare: never near-matched. */
export const MIN_PDQ_QUALITY = 50;

/**
 * The grid's "Show" choice. `to-review`: stack representatives without a known match (the
 * default); `known`; `near` (near matches); `duplicates` (stacks of more than one file, each
 * shown once by its representative); `all` (every item, near copies in stacks included).
 */
export const ItemViewSchema = z.enum(['to-review', 'known', 'near', 'duplicates', 'all']);
export type ItemView = z.infer<typeof ItemViewSchema>;

/** What a view decides on; a MediaItem has all of it. */
interface ViewedItem {
  id: string;
  match: ItemMatch | null;
  stackId: string;
  stackSize: number;
}

/** True when the item belongs in the view. */
export function inItemView(item: ViewedItem, view: ItemView): boolean {
  const represents = item.stackId === item.id;
  switch (view) {
    case 'to-review':
      return represents && item.match?.type !== 'known';
    case 'known':
      return item.match?.type === 'known';
    case 'near':
      return item.match?.type === 'near';
    case 'duplicates':
      return represents && item.stackSize > 1;
    case 'all':
      return true;
  }
}

/** What the library answers for one of a file's hashes (see KnownMatch). */
interface ExactMatch {
  setId: number;
  setName: string;
  scheme: ItemMatch['scheme'];
  category: string | null;
  matchedBy: 'md5' | 'sha1' | 'sha256';
}

/**
 * The match an item shows when several sets know it: one that gives a category before one
 * that does not (the label then says what the item is), then the oldest set (lowest id), so
 * the label does not change from one import to the next.
 */
export function strongestKnownMatch(matches: readonly ExactMatch[]): ItemMatch | null {
  let best: ExactMatch | null = null;
  for (const match of matches) {
    if (best === null || ranksBefore(match, best)) best = match;
  }
  return best && { type: 'known', ...best };
}

function ranksBefore(a: ExactMatch, b: ExactMatch): boolean {
  if ((a.category === null) !== (b.category === null)) return a.category !== null;
  return a.setId < b.setId;
}
