import { z } from 'zod';

/** A run of consecutive items in one folder, as the grid groups them. */
export const FolderGroupSchema = z.object({
  /** The folder, relative to the case folder with forward slashes; '' at its top. */
  folder: z.string(),
  firstIndex: z.number().int().nonnegative(),
  count: z.number().int().positive(),
});
export type FolderGroup = z.infer<typeof FolderGroupSchema>;

/** The folder holding a file, relative to the case folder; '' for a file at its top. */
export function folderOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash < 0 ? '' : relativePath.slice(0, slash);
}

/**
 * Items in list order folded into runs by folder. Items are listed folder by folder, so a
 * folder is normally one run; an item shown as a copy found elsewhere (see case-import's
 * hidden-copy rule) makes a short run of its own where it stands, so indices stay exact.
 */
export function folderGroups(items: readonly { relativePath: string }[]): FolderGroup[] {
  const groups: FolderGroup[] = [];
  let current: FolderGroup | undefined;
  items.forEach((item, index) => {
    const folder = folderOf(item.relativePath);
    if (current && current.folder === folder) current.count += 1;
    else groups.push((current = { folder, firstIndex: index, count: 1 }));
  });
  return groups;
}
