import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { useFormatters } from '../../i18n/format';
import { folderText } from '../case-items/item-paths';
import { hasNearCopies } from '../known/near-stack';
import { StackMembers } from './stack-members';

/**
 * Where an item's file is: its folder, and every other path with identical bytes, so an
 * investigator can account for each file of the evidence though the grid shows it once.
 * An item in a near-duplicate stack lists the whole stack instead (StackMembers).
 */
export function ItemLocation({ item, caseId, knownShown }: { item: MediaItem; caseId: string; knownShown: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const copies = item.duplicatePaths.length;
  const heading = t('items.copiesHeading', { count: copies, formatted: format.count(copies) });
  return (
    <>
      <span className="muted item-folder">{folderText(t, item)}</span>
      {hasNearCopies(item) ? (
        <StackMembers caseId={caseId} item={item} knownShown={knownShown} />
      ) : (
        copies > 0 && (
          <div className="item-copies">
            <span>{heading}</span>
            {/* Scrolls past three paths so a file with many copies keeps the viewer's room; focusable to scroll by keyboard. */}
            <ul className="item-copies-list" tabIndex={0} aria-label={heading}>
              {item.duplicatePaths.map((copyPath) => (
                <li key={copyPath}>{copyPath}</li>
              ))}
            </ul>
          </div>
        )
      )}
    </>
  );
}
