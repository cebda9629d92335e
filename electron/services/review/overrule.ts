import type { MediaItem } from '../../../shared/case/media-item.js';
import { categoryFromMatch, type CaseScheme } from '../../../shared/review/category-scheme.js';
import type { CategoryCode } from '../../../shared/review/decision-event.js';
import type { ItemAuthorisation } from '../../../shared/review/review-contract.js';
import type { CaseWorkspace } from '../workspace/workspace-client.js';

/**
 * True when the item's category now is the one its hash set gave it: changing it is an
 * overrule, and needs a typed reason. Judged by value, not by the last line's source, so an
 * overrule that was undone (its category back to the set's) needs a reason again.
 */
export function overruleNeedsReason(scheme: CaseScheme, item: MediaItem, current: CategoryCode): boolean {
  const fromSet = categoryFromMatch(scheme, item.match);
  return fromSet !== null && current === fromSet;
}

/** The authorisations recorded to open the item (the referral lock), oldest first, for its History. */
export async function authorisationsOf(workspace: Pick<CaseWorkspace, 'listAuthorisations'> | null, item: MediaItem): Promise<ItemAuthorisation[]> {
  if (workspace === null) return [];
  // The lock is lifted for a file through any of its exact copies (case-referral.ts): each is the item's.
  const paths = new Set([item.relativePath, ...item.duplicatePaths]);
  const rows = await workspace.listAuthorisations();
  return rows.filter((row) => paths.has(row.itemPath)).map(({ reference, dateIso, userName, atMs }) => ({ reference, dateIso, userName, atMs }));
}
