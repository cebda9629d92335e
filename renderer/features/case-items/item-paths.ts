import type { TFunction } from 'i18next';
import { folderOf } from '../../../shared/case/folder-groups.js';
import type { MediaItem } from '../../../shared/case/media-item.js';

/** "Folder: photos/2024", or that the item is at the top of the case. */
export function folderText(t: TFunction, item: Pick<MediaItem, 'relativePath'>): string {
  const folder = folderOf(item.relativePath);
  return folder === '' ? t('items.topFolder') : t('items.folder', { folder });
}

/** How many files of the case this item stands for: itself and its identical copies (its stack). */
export function copyCount(item: Pick<MediaItem, 'stackSize'>): number {
  return item.stackSize;
}
