import { isHiddenPath } from '../../../shared/case/hidden-path.js';

/** A file's name without its folders. */
export function fileNameOf(relativePath: string): string {
  return relativePath.slice(relativePath.lastIndexOf('/') + 1);
}

/**
 * Whether `candidate`, a copy with the same bytes found later, should be the copy shown
 * instead of `shown`: a normally named file wins over a hidden one, since an investigator
 * looks for "photo.jpg", not ".cache/photo.jpg". Otherwise the first found stays.
 */
export function showsBetter(candidate: string, shown: string): boolean {
  return isHiddenPath(shown) && !isHiddenPath(candidate);
}
