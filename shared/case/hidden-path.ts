/**
 * Whether a file is hidden by the usual convention: its name or one of its folders starts
 * with a dot. A hidden copy is never the one shown when a normally named one exists, since
 * an investigator looks for "photo.jpg", not ".cache/photo.jpg".
 */
export function isHiddenPath(relativePath: string): boolean {
  return relativePath.startsWith('.') || relativePath.includes('/.');
}
