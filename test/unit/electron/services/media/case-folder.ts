import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import type { MediaItemLocation } from '../../../../../electron/services/media/media-service.js';
import type { DeriveJob, DeriveOutcome, RunOptions } from '../../../../../electron/services/media/worker-pool.js';

/** Bytes standing in for a video: distinct at every offset, so a wrong range is visible. */
export const VIDEO_BYTES = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7 + 3) % 251);
/** What a file outside the case holds; no answer may ever contain it. */
export const SECRET = 'OUTSIDE-THE-CASE-SECRET';

export const IDS = {
  photo: 'photo-0001',
  clip: 'clip-00001',
  photoLink: 'plink-0001',
  clipLink: 'vlink-0001',
  gone: 'gone-00001',
} as const;

export interface CaseFolder {
  root: string;
  caseRoot: string;
  items: Record<string, MediaItemLocation>;
  lookupItem: (itemId: string) => MediaItemLocation | null;
  cleanup(): Promise<void>;
}

/**
 * A temporary case folder with an image, a video, and two symlinks that lead outside the
 * case (as if swapped in after import), plus an item whose file has been deleted.
 */
export async function makeCaseFolder(): Promise<CaseFolder> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'veil-case-'));
  const caseRoot = path.join(root, 'case');
  const outside = path.join(root, 'outside');
  await mkdir(caseRoot);
  await mkdir(outside);
  await writeFile(path.join(caseRoot, 'photo.jpg'), 'stand-in for a photo; the fake pool does not read it');
  await writeFile(path.join(caseRoot, 'clip.mp4'), VIDEO_BYTES);
  await writeFile(path.join(outside, 'secret.jpg'), SECRET);
  await writeFile(path.join(outside, 'secret.mp4'), SECRET);
  await symlink(path.join(outside, 'secret.jpg'), path.join(caseRoot, 'link.jpg'));
  await symlink(path.join(outside, 'secret.mp4'), path.join(caseRoot, 'link.mp4'));
  const at = (name: string, kind: 'image' | 'video', format: 'jpeg' | 'mp4'): MediaItemLocation => ({
    absolutePath: path.join(caseRoot, name),
    kind,
    format,
    caseRoot,
    knownHidden: false,
  });
  const items: Record<string, MediaItemLocation> = {
    [IDS.photo]: at('photo.jpg', 'image', 'jpeg'),
    [IDS.clip]: at('clip.mp4', 'video', 'mp4'),
    [IDS.photoLink]: at('link.jpg', 'image', 'jpeg'),
    [IDS.clipLink]: at('link.mp4', 'video', 'mp4'),
    [IDS.gone]: at('deleted.jpg', 'image', 'jpeg'),
  };
  return {
    root,
    caseRoot,
    items,
    lookupItem: (itemId) => items[itemId] ?? null,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export const TINY_JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

/** A pool stand-in that records jobs and answers with `outcome`. */
export function fakePool(
  outcome: DeriveOutcome | (() => Promise<DeriveOutcome>) = { ok: true, bytes: TINY_JPEG, mime: 'image/jpeg', widthPx: 4, heightPx: 3 },
) {
  const run = vi.fn(async (_job: DeriveJob, _options?: RunOptions): Promise<DeriveOutcome> => (typeof outcome === 'function' ? outcome() : outcome));
  return { run };
}
