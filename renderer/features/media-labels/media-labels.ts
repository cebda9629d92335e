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
 * The accessible name of a grid cell. It holds the tile's visible text in reading order
 * (why it failed, file name, type badge, Video and Mislabelled badges, then `laterBadges`
 * such as the copies and note badges), so a voice-control user can say what they see
 * (WCAG 2.5.3, label in name), then what only the picture tells a sighted user: that it is
 * an image, and the type its name claimed.
 */
export function itemAccessibleName(t: TFunction, item: MediaItem, failure: ShowFailure | undefined, laterBadges: readonly string[] = []): string {
  const format = formatLabel(item.format);
  const seen = [item.name, item.kind === 'video' ? `${format} ${t('grid.videoBadge')}` : format];
  if (item.claimedFormat) seen.push(t('grid.mislabelledBadge'));
  seen.push(...laterBadges);
  // "…, JPEG image" reads well; after badges such as "Note" the kind needs its own clause.
  const imageKey = laterBadges.length > 0 ? 'cellName.imageAfterBadges' : 'cellName.image';
  const kind = t(item.kind === 'video' ? 'cellName.video' : imageKey, { seen: seen.join(', ') });
  const name = item.claimedFormat ? `${kind}, ${t('cellName.namedAs', { claimed: formatLabel(item.claimedFormat) })}` : kind;
  return failure ? t('cellName.failed', { reason: errorReason(t, failure.error), name }) : name;
}
