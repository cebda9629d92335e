import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPathInside, openInsideCase, resolveInsideCase } from '../../../../../electron/services/media/contained-file.js';

let root = '';
let caseRoot = '';

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'veil-contained-'));
  caseRoot = path.join(root, 'case');
  await mkdir(path.join(caseRoot, 'sub'), { recursive: true });
  await mkdir(path.join(root, 'case-other'));
  await writeFile(path.join(caseRoot, 'sub', 'a.mp4'), 'inside');
  await writeFile(path.join(root, 'case-other', 'b.mp4'), 'outside');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('isPathInside', () => {
  it('accepts only paths strictly below the root', () => {
    expect(isPathInside('/c/case', '/c/case/a.jpg')).toBe(true);
    expect(isPathInside('/c/case', '/c/case/sub/a.jpg')).toBe(true);
    expect(isPathInside('/c/case', '/c/case')).toBe(false);
    expect(isPathInside('/c/case', '/c/case-other/a.jpg')).toBe(false);
    expect(isPathInside('/c/case', '/c/a.jpg')).toBe(false);
    expect(isPathInside('/c/case', '/c/case/../x.jpg')).toBe(false);
  });
});

describe('resolveInsideCase / openInsideCase', () => {
  it('opens a file inside the case, read-only', async () => {
    const opened = await openInsideCase(path.join(caseRoot, 'sub', 'a.mp4'), caseRoot);
    if (!opened.ok) throw new Error(opened.error.detail);
    expect(opened.sizeBytes).toBe(6);
    await expect(opened.handle.write(new Uint8Array([1]))).rejects.toThrow();
    await opened.handle.close();
  });

  it('refuses a symlink to a sibling folder whose name starts like the case', async () => {
    const link = path.join(caseRoot, 'link.mp4');
    await symlink(path.join(root, 'case-other', 'b.mp4'), link);
    await expect(resolveInsideCase(link, caseRoot)).resolves.toMatchObject({ ok: false, error: { code: 'symlink-skipped' } });
    await expect(openInsideCase(link, caseRoot)).resolves.toMatchObject({ ok: false, error: { code: 'symlink-skipped' } });
  });

  it('refuses a folder inside the case swapped for a link to outside', async () => {
    await rename(path.join(caseRoot, 'sub'), path.join(root, 'moved'));
    await symlink(path.join(root, 'moved'), path.join(caseRoot, 'sub'));
    await expect(openInsideCase(path.join(caseRoot, 'sub', 'a.mp4'), caseRoot)).resolves.toMatchObject({
      ok: false,
      error: { code: 'symlink-skipped' },
    });
  });

  it('accepts a case root that is itself reached through a link', async () => {
    const linkedRoot = path.join(root, 'linked-case');
    await symlink(caseRoot, linkedRoot);
    const resolved = await resolveInsideCase(path.join(linkedRoot, 'sub', 'a.mp4'), linkedRoot);
    expect(resolved.ok).toBe(true);
  });

  it('says vanished for a deleted file and unreadable for a folder', async () => {
    await expect(openInsideCase(path.join(caseRoot, 'gone.mp4'), caseRoot)).resolves.toMatchObject({ ok: false, error: { code: 'vanished' } });
    await expect(openInsideCase(path.join(caseRoot, 'sub'), caseRoot)).resolves.toMatchObject({ ok: false, error: { code: 'unreadable' } });
  });
});
