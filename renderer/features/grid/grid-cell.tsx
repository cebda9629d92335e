import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VeilClient } from '../../../shared/client.js';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { FilterProfile } from '../../../shared/media/filter-profile.js';
import { errorReason, formatLabel, itemAccessibleName, type ShowFailure } from '../media-labels/media-labels';
import { useFormatters } from '../../i18n/format';
import { copyCount } from '../case-items/item-paths';
import { isHiddenKnown, matchText, veilProfileFor } from '../known/known-item';
import { VideoIcon, WarningIcon } from './media-icons';
import { Thumbnail, THUMB_REQUEST_DELAY_MS } from './thumbnail';
import type { ThumbnailReleaser } from './thumbnail-release';

export interface GridCellProps {
  index: number;
  columnIndex: number;
  item: MediaItem | undefined;
  failure: ShowFailure | undefined;
  isTabStop: boolean;
  /** In the grid's multi-selection: marked by a tick and a double border, not by colour alone. */
  selected: boolean;
  /** Ctrl (or ⌘) + click toggles the item in the selection; Shift + click adds the range from the anchor. */
  onSelect: (index: number, how: 'toggle' | 'range') => void;
  /** The investigator wrote a note on this item. */
  hasNote: boolean;
  mediaVisible: boolean;
  /** The investigator chose "Show known items" for the case. */
  knownShown: boolean;
  profile: FilterProfile;
  client: VeilClient;
  onFocusCell: (index: number) => void;
  onOpen: (index: number) => void;
  onPictureFailed: (itemId: string) => void;
  /** The grid is scrolling: a tile mounted now waits a moment before asking for its picture. */
  scrolling?: boolean;
  releaser?: ThumbnailReleaser;
}

type TileMediaProps = Omit<GridCellProps, 'columnIndex' | 'isTabStop' | 'selected' | 'onSelect' | 'hasNote' | 'onFocusCell' | 'onOpen'> & { item: MediaItem };

function TileMedia({ index, item, failure, mediaVisible, knownShown, profile, client, onPictureFailed, scrolling = true, releaser }: TileMediaProps) {
  const { t } = useTranslation();
  // Locked by the referral: words only, its picture never asked for (the back end would refuse it anyway).
  if (item.referral?.locked)
    return <span className="tile-known tile-locked">{t(item.referral.manifestRefused ? 'referralManifest.lockedTile' : 'referral.lockedTile')}</span>;
  // Known and not deliberately shown: words only, and its picture is never asked for.
  if (item.match && isHiddenKnown(item, knownShown)) return <span className="tile-known">{matchText(t, item.match)}</span>;
  if (failure) {
    return (
      <span className="tile-error">
        <WarningIcon className="tile-icon" />
        <span className="tile-error-text">{errorReason(t, failure.error)}</span>
      </span>
    );
  }
  if (item.kind === 'video') {
    // Videos are never played or decoded in the grid: a neutral icon stands for them.
    return (
      <span className="tile-video">
        <VideoIcon className="tile-icon" />
      </span>
    );
  }
  if (!mediaVisible) return <span className="tile-placeholder" aria-hidden="true" />;
  const veil = veilProfileFor(item, profile);
  const url = client.mediaUrl({ itemId: item.id, kind: 'thumb', greyscale: veil.greyscale, blur: veil.blur, style: veil.style });
  return (
    <Thumbnail
      key={url}
      url={url}
      index={index}
      itemId={item.id}
      onFailed={() => onPictureFailed(item.id)}
      requestDelayMs={scrolling ? THUMB_REQUEST_DELAY_MS : 0}
      releaser={releaser}
    />
  );
}

/**
 * One tile of the grid: a gridcell with a roving tabindex, named by file, type and state.
 * Its name ends with the same words as its copies and note badges, so what is seen is heard.
 */
export const GridCell = memo(function GridCell(props: GridCellProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { index, columnIndex, item, failure, isTabStop, selected, onSelect, hasNote, knownShown, onFocusCell, onOpen } = props;
  const copies = item ? copyCount(item) : 1;
  const copiesText = copies > 1 ? t('items.copiesBadge', { count: copies, formatted: format.count(copies) }) : null;
  const noteText = item && hasNote ? t('items.noteBadge') : null;
  const match = item?.match ? matchText(t, item.match) : null;
  const fileName = item
    ? itemAccessibleName(
        t,
        item,
        failure,
        [copiesText, noteText].filter((part) => part !== null),
      )
    : t('grid.loadingCell', { position: index + 1 });
  const name = match ? t('review.cellName', { match, name: fileName }) : fileName;
  // A hidden known item's words fill the tile; any other match is named under its picture.
  const matchCaption = item && match && !isHiddenKnown(item, knownShown) ? match : null;
  return (
    <div
      role="gridcell"
      className={selected ? 'grid-cell is-selected' : 'grid-cell'}
      aria-colindex={columnIndex + 1}
      aria-selected={selected}
      aria-label={name}
      aria-busy={item ? undefined : true}
      tabIndex={isTabStop ? 0 : -1}
      data-item-index={index}
      onFocus={() => onFocusCell(index)}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey) onSelect(index, 'toggle');
        else if (event.shiftKey) onSelect(index, 'range');
        else onOpen(index);
      }}
    >
      <span className="tile-media">
        {selected && (
          <span className="tile-check" aria-hidden="true">
            ✓
          </span>
        )}
        {item ? <TileMedia {...props} item={item} /> : <span className="tile-placeholder" aria-hidden="true" />}
        {matchCaption && <span className="tile-match">{matchCaption}</span>}
      </span>{' '}
      {/* The spaces between the parts are not drawn (flex items) but keep the words apart in the text voice control reads. */}
      <span className="tile-caption" aria-hidden="true">
        <span className="tile-name">{item?.name ?? '\u00a0'}</span>{' '}
        {item && (
          <span className="tile-badges">
            <span className="badge">{formatLabel(item.format)}</span>{' '}
            {item.kind === 'video' && <span className="badge badge-video">{t('grid.videoBadge')}</span>}{' '}
            {item.claimedFormat && <span className="badge badge-warning">{t('grid.mislabelledBadge')}</span>}{' '}
            {copiesText && <span className="badge badge-copies">{copiesText}</span>} {noteText && <span className="badge badge-note">{noteText}</span>}
          </span>
        )}
      </span>
    </div>
  );
});
