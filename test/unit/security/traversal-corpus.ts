import { mkdir, rename, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Attempts to walk out of the media route, shared by the Electron scheme test (unit) and
 * the browser host test (e2e) so both adapters face the same list. Each is the text after
 * the route's prefix (`veil-media://item/` or `/media/`), query string included.
 */
export interface TraversalTargets {
  /** Ids that are valid in the open case: an image and a video. */
  imageId: string;
  videoId: string;
  /** Ids that were valid in a case opened before this one. */
  otherCaseImageId: string;
  otherCaseVideoId: string;
  /** Items whose file (or whose folder) was swapped for a link to outside the case after import. */
  swappedImageId: string;
  swappedVideoId: string;
  swappedFolderImageId: string;
  /** The planted file beside the case folder: its name and absolute path. */
  secretName: string;
  secretPath: string;
  /** The name, inside the case folder, of a link that leads to the secret. */
  linkName: string;
}

export interface TraversalAttempt {
  family: string;
  pathAndQuery: string;
}

const enc = encodeURIComponent;

/** A well-formed id that differs from `id` in its last character. */
function nearMiss(id: string): string {
  return `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
}

/** The corpus: every entry must be refused, whatever the adapter. */
export function traversalAttempts(t: TraversalTargets): TraversalAttempt[] {
  const s = t.secretName;
  const list: Array<[string, string[]]> = [
    ['dot-dot', [`../${s}`, `../../../../../../../../etc/passwd`, `${t.imageId}/../../${s}`, `${t.imageId}/thumb/../../../${s}`, `./../${s}/thumb`]],
    [
      'percent-encoded dots and slashes',
      [
        `%2e%2e/${s}`,
        `%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd`,
        `..%2f${s}/thumb`,
        `..%2f..%2f..%2f..%2fetc%2fpasswd/original`,
        `%2e%2e%2f${s}/thumb`,
        `%2E%2E%2F%2E%2E%2F${s}/view`,
        `.%2e/${s}/thumb`,
        `${t.imageId}%2fthumb`,
        `${t.imageId}/%2e%2e%2f%2e%2e%2f${s}`,
      ],
    ],
    [
      'backslashes',
      [`..%5c${s}/thumb`, `..%5c..%5c..%5cwindows%5cwin.ini/original`, `..\\${s}/thumb`, `${t.imageId}\\..\\..\\${s}/thumb`, `..\\..\\..\\etc\\passwd`],
    ],
    ['double encoding', [`%252e%252e%252f${s}/thumb`, `%252e%252e/%252e%252e/etc/passwd`, `..%255c${s}/thumb`, `${t.imageId}%252f..%252f${s}/thumb`]],
    [
      'absolute paths',
      [
        `${enc(t.secretPath)}/thumb`,
        `${enc(t.secretPath)}/original`,
        `/${t.secretPath}/thumb`,
        `${t.secretPath}`,
        `C:%5cWindows%5cwin.ini/thumb`,
        `C:/Windows/win.ini`,
        `file:%2F%2F%2Fetc%2Fpasswd/thumb`,
      ],
    ],
    ['UNC paths', [`\\\\server\\share\\${s}/thumb`, `%5c%5cserver%5cshare%5c${s}/thumb`, `//server/share/${s}`, `%5c%5c%3f%5cC:%5cWindows%5cwin.ini/view`]],
    [
      'NUL bytes',
      [`${t.imageId}%00/thumb`, `${t.imageId}/thumb%00.jpg`, `${s}%00${t.imageId}/thumb`, `%00/${s}`, `${t.imageId}/thumb?grey=1&blur=strong%00../../${s}`],
    ],
    [
      'overlong UTF-8 and look-alikes',
      [
        `%c0%ae%c0%ae/${s}`,
        `%c0%ae%c0%ae%c0%af${s}/thumb`,
        `%e0%80%ae%e0%80%ae/etc/passwd`,
        `..%c1%9c${s}/thumb`,
        `%ef%bc%8e%ef%bc%8e%ef%bc%8f${s}/thumb`,
        `%u002e%u002e/${s}`,
      ],
    ],
    [
      'unknown or malformed ids',
      [
        'AAAAAAAAAAAAAAAA/thumb',
        'AAAAAAAAAAAAAAAA/view',
        'AAAAAAAAAAAAAAAA/original',
        `${nearMiss(t.imageId)}/thumb`,
        `${nearMiss(t.videoId)}/original`,
        `${'A'.repeat(65)}/thumb`,
        'abc/thumb',
        `${t.linkName}/thumb`,
        `${s}/original`,
      ],
    ],
    ['ids from another case', [`${t.otherCaseImageId}/thumb`, `${t.otherCaseImageId}/view`, `${t.otherCaseVideoId}/original`]],
    [
      'wrong kind or shape',
      [`${t.imageId}/original`, `${t.videoId}/thumb`, `${t.imageId}/thumb/extra`, `${t.imageId}`, `${t.imageId}/Thumb`, `${t.imageId}/%74humb`, '', '/'],
    ],
    [
      'links swapped in after import',
      [
        `${t.swappedImageId}/thumb`,
        `${t.swappedImageId}/view`,
        `${t.swappedVideoId}/original`,
        `${t.swappedFolderImageId}/thumb`,
        `${t.swappedFolderImageId}/view`,
      ],
    ],
    [
      'query-string tricks',
      [
        `${t.imageId}/thumb?blur=../../${s}`,
        `${t.imageId}/thumb?blur=%2e%2e%2f${s}`,
        `${t.imageId}/thumb?blur=x&blur=strong`,
        `AAAAAAAAAAAAAAAA/thumb?path=${enc(t.secretPath)}&file=${enc(t.secretPath)}`,
        `${t.swappedImageId}/thumb?id=${t.imageId}`,
        `?id=${t.imageId}&kind=thumb`,
        `${t.otherCaseImageId}/thumb?grey=0&blur=off`,
        `${t.imageId}/original?kind=original&grey=0`,
      ],
    ],
  ];
  return list.flatMap(([family, paths]) => paths.map((pathAndQuery) => ({ family, pathAndQuery })));
}

/** The secret's content: a marker no legitimate answer can contain. */
export function secretMarker(seed: string): string {
  return `VEIL-TRAVERSAL-SECRET-${seed}`;
}

/** A minimal MP4 (an `ftyp` box, then `text`): imported as a video, served as is, never decoded. */
export function fakeMp4(text: string): Buffer {
  return Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isommp41'), Buffer.from(text)]);
}

export interface TraversalLayout {
  caseA: string;
  caseB: string;
  secretName: string;
  secretPath: string;
  linkName: string;
}

/**
 * Two case folders and, beside them, the secret (its content is `marker`) and a folder of
 * secret-bearing media. Case B also holds two links leading out, present at import time
 * (the import must skip them). `image(text)` makes the bytes of an image file.
 */
export async function writeTraversalCases(root: string, marker: string, image: (text: string) => Promise<Buffer>): Promise<TraversalLayout> {
  const caseA = path.join(root, 'case-a');
  const caseB = path.join(root, 'case-b');
  const outside = path.join(root, 'outside');
  await Promise.all([mkdir(caseA), mkdir(path.join(caseB, 'sub'), { recursive: true }), mkdir(outside)]);
  const secretPath = path.join(root, 'veil-secret.txt');
  await writeFile(secretPath, marker);
  await writeFile(path.join(outside, 'inner.jpg'), await image(marker));
  await writeFile(path.join(outside, 'photo.jpg'), await image(marker));
  await writeFile(path.join(outside, 'clip.mp4'), fakeMp4(marker));
  await writeFile(path.join(caseA, 'a-photo.jpg'), await image('case A photo'));
  await writeFile(path.join(caseA, 'a-clip.mp4'), fakeMp4('case A clip'));
  await writeFile(path.join(caseB, 'photo.jpg'), await image('case B photo'));
  await writeFile(path.join(caseB, 'clip.mp4'), fakeMp4('case B clip'));
  await writeFile(path.join(caseB, 'swap.jpg'), await image('case B, swapped later'));
  await writeFile(path.join(caseB, 'swap.mp4'), fakeMp4('case B, swapped later'));
  await writeFile(path.join(caseB, 'sub', 'inner.jpg'), await image('case B, folder swapped later'));
  await symlink(secretPath, path.join(caseB, 'link-out.jpg'));
  await symlink(outside, path.join(caseB, 'link-folder'));
  return { caseA, caseB, secretName: path.basename(secretPath), secretPath, linkName: 'link-out.jpg' };
}

/** After import: a file, a video and a folder of case B are swapped for links to the outside media. */
export async function swapInLinks(root: string, layout: TraversalLayout): Promise<void> {
  const outside = path.join(root, 'outside');
  await unlink(path.join(layout.caseB, 'swap.jpg'));
  await symlink(path.join(outside, 'photo.jpg'), path.join(layout.caseB, 'swap.jpg'));
  await unlink(path.join(layout.caseB, 'swap.mp4'));
  await symlink(path.join(outside, 'clip.mp4'), path.join(layout.caseB, 'swap.mp4'));
  await rename(path.join(layout.caseB, 'sub'), path.join(root, 'sub-moved'));
  await symlink(outside, path.join(layout.caseB, 'sub'));
}

/** The targets, from the item ids (by relative path) of case A and case B. */
export function targetsFrom(layout: TraversalLayout, a: Record<string, string>, b: Record<string, string>): TraversalTargets {
  const id = (ids: Record<string, string>, name: string): string => {
    const found = ids[name];
    if (!found) throw new Error(`${name} was not imported`);
    return found;
  };
  return {
    imageId: id(b, 'photo.jpg'),
    videoId: id(b, 'clip.mp4'),
    otherCaseImageId: id(a, 'a-photo.jpg'),
    otherCaseVideoId: id(a, 'a-clip.mp4'),
    swappedImageId: id(b, 'swap.jpg'),
    swappedVideoId: id(b, 'swap.mp4'),
    swappedFolderImageId: id(b, 'sub/inner.jpg'),
    secretName: layout.secretName,
    secretPath: layout.secretPath,
    linkName: layout.linkName,
  };
}
