import { describe, expect, it } from 'vitest';
import { folderGroups, folderOf } from '../../../../shared/case/folder-groups.js';

describe('folderGroups', () => {
  it('folds items in list order into runs by folder, the top of the case included', () => {
    const paths = ['a.png', 'b.png', 'photos/c.png', 'photos/d.png', 'photos/2024/e.png'];
    expect(folderGroups(paths.map((relativePath) => ({ relativePath })))).toEqual([
      { folder: '', firstIndex: 0, count: 2 },
      { folder: 'photos', firstIndex: 2, count: 2 },
      { folder: 'photos/2024', firstIndex: 4, count: 1 },
    ]);
  });

  it('keeps indices exact when an item shown from another folder stands among its first copy’s neighbours', () => {
    const paths = ['.cache/a.png', 'photos/b.png', '.cache/c.png'];
    expect(folderGroups(paths.map((relativePath) => ({ relativePath }))).map((group) => [group.folder, group.firstIndex, group.count])).toEqual([
      ['.cache', 0, 1],
      ['photos', 1, 1],
      ['.cache', 2, 1],
    ]);
    expect(folderGroups([])).toEqual([]);
    expect(folderOf('x/y/z.jpg')).toBe('x/y');
  });
});
