import type { TFunction } from 'i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';

/** The folder holding a file, relative to the case folder; '' for a file at its top. */
export function folderOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash < 0 ? '' : relativePath.slice(0, slash);
}

/** "Folder: photos/2024", or that the item is at the top of the case. */
export function folderText(t: TFunction, item: Pick<MediaItem, 'relativePath'>): string {
  const folder = folderOf(item.relativePath);
  return folder === '' ? t('items.topFolder') : t('items.folder', { folder });
}

/** How many files of the case this item stands for: itself and its identical copies. */
export function copyCount(item: Pick<MediaItem, 'duplicatePaths'>): number {
  return 1 + item.duplicatePaths.length;
}
