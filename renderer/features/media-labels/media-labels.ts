import type { TFunction } from 'i18next';
import type { MediaError, MediaItem } from '../../../shared/case/media-item.js';
import type { MediaFormat } from '../../../shared/media/media-kinds.js';

const FORMAT_LABELS: Record<MediaFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  gif: 'GIF',
  tiff: 'TIFF',
  bmp: 'BMP',
  avif: 'AVIF',
  heic: 'HEIC',
  mp4: 'MP4',
  webm: 'WebM',
  mov: 'MOV',
};

/** The short, language-neutral name of a file type as investigators know it ("JPEG", "MP4"). */
export function formatLabel(format: MediaFormat): string {
  return FORMAT_LABELS[format];
}

/**
 * Why an item cannot be shown: the back end's reason when it gave one, `error: null`
 * when the picture simply failed to load and the back end knows nothing more.
 */
export interface ShowFailure {
  error: MediaError | null;
}

/** The failure to show for an item: its own error first, then one learnt while loading it. */
export function failureOf(item: MediaItem, learnt: ShowFailure | undefined): ShowFailure | undefined {
  return item.error ? { error: item.error } : learnt;
}

/** A translated sentence saying why a file cannot be shown. */
export function errorReason(t: TFunction, error: MediaError | null): string {
  return error ? t(`mediaErrors.${error.code}`) : t('mediaErrors.unknown');
}

/** "JPEG image" / "image JPEG". */
export function typeDescription(t: TFunction, item: MediaItem): string {
  const format = formatLabel(item.format);
  return item.kind === 'video' ? t('grid.video', { format }) : t('grid.image', { format });
}

/**
 * The accessible name of a grid cell: file name, type and state, so a screen reader
 * user hears what a sighted user sees on the tile.
 */
export function itemAccessibleName(t: TFunction, item: MediaItem, failure: ShowFailure | undefined): string {
  const parts = [item.name, typeDescription(t, item)];
  if (item.claimedFormat) parts.push(t('grid.mislabelledState', { claimed: formatLabel(item.claimedFormat) }));
  if (failure) parts.push(t('grid.failedState', { reason: errorReason(t, failure.error) }));
  return parts.join(', ');
}
