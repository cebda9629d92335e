import { strongestKnownMatch, type ItemMatch } from '../../../shared/known/item-match.js';
import type { Notice } from '../../../shared/notices.js';
import type { ItemDigests } from '../case/case-import.js';
import type { KnownMaterialService } from './known-material-service.js';

/**
 * The case import's question "is this file known?", answered from the enabled hash sets.
 * A library that cannot be read does not stop the import: the user is told once (until it
 * can be read again) that items are not being checked, and each item is listed as unmatched;
 * once it can be read again, `onReadableAgain` has the items listed meanwhile matched.
 */
export function createKnownMatcher(
  known: Pick<KnownMaterialService, 'lookup'>,
  on: { notify: (notice: Notice) => void; onReadableAgain: () => void },
): (digests: ItemDigests) => ItemMatch | null {
  let told = false;
  return (digests) => {
    try {
      const match = strongestKnownMatch(known.lookup(digests));
      if (told) {
        told = false;
        on.onReadableAgain();
      }
      return match;
    } catch (error) {
      if (!told) {
        told = true;
        on.notify({ code: 'known-library-unreadable', detail: error instanceof Error ? error.message : String(error), keptAs: null });
      }
      return null;
    }
  };
}
