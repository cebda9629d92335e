import type { ItemMatch } from '../../../../shared/known/item-match.js';
import type { ExportItem } from '../../../../shared/review/export-rows.js';

/** An item for the export tests: hashes derived from its number, so every item's differ. */
export function exportItem(n: number, extra: Partial<ExportItem> = {}): ExportItem {
  const id = `item-${n}`;
  return {
    id,
    relativePath: `folder/${n}.jpg`,
    duplicatePaths: [],
    md5: n.toString(16).padStart(32, 'a'),
    sha1: n.toString(16).padStart(40, 'b'),
    sizeBytes: 1000 + n,
    stackId: id,
    match: null,
    ...extra,
  };
}

/** A known match from the set "Unit set", category `category` under Project VIC US. */
export function knownMatch(category: string | null): ItemMatch {
  return { type: 'known', setId: 1, setName: 'Unit set', scheme: 'vic-us', category, matchedBy: 'md5' };
}
