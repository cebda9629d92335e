import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseRootUnreachableError, nodeWalkFs, walkFolder, type WalkEntry, type WalkFs } from '../../../../../electron/services/case/walk-folder.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'veil-walk-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function put(relativePath: string, content = 'x'): void {
  const filePath = path.join(root, relativePath);
  mkdirSync(path.dirname(filePath), { recursive: true });
  writeFileSync(filePath, content);
}

async function collect(entries: AsyncIterable<WalkEntry>): Promise<string[]> {
  const seen: string[] = [];
  for await (const entry of entries) seen.push(entry.type === 'file' ? entry.relativePath : `${entry.problem.relativePath} [${entry.problem.error.code}]`);
  return seen;
}

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

const isRoot = process.getuid?.() === 0;
// Creating links and pipes needs privileges or tools Windows does not have.
const isWindows = process.platform === 'win32';

describe('walkFolder', () => {
  it('lists every file of a nested tree in natural order, a folder where its name falls', async () => {
    for (const name of ['b/10.jpg', 'b/2.jpg', 'a.jpg', 'B 2/x.png', 'c.jpg', 'deep/er/still/deeper/z.gif', '.hidden.jpg', 'notes.txt']) put(name);
    mkdirSync(path.join(root, 'empty-folder'));
    expect(await collect(walkFolder(root))).toEqual([
      '.hidden.jpg',
      'a.jpg',
      'b/2.jpg',
      'b/10.jpg',
      'B 2/x.png',
      'c.jpg',
      'deep/er/still/deeper/z.gif',
      'notes.txt',
    ]);
  });

  it('walks a tree deeper than any sensible call stack would allow', async () => {
    const deep = Array.from({ length: 200 }, (_, i) => `d${i}`).join('/');
    put(`${deep}/bottom.png`);
    expect(await collect(walkFolder(root))).toEqual([`${deep}/bottom.png`]);
  });

  it.skipIf(isWindows)('never follows links: to a file, to a folder outside the case, or to a parent (a loop)', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'veil-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.jpg'), 'x');
      put('real.jpg');
      symlinkSync(path.join(root, 'real.jpg'), path.join(root, 'link.jpg'));
      symlinkSync(outside, path.join(root, 'outside'));
      symlinkSync(root, path.join(root, 'loop'));
      expect(await collect(walkFolder(root))).toEqual(['link.jpg [symlink-skipped]', 'loop [symlink-skipped]', 'outside [symlink-skipped]', 'real.jpg']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it.skipIf(isWindows)('lists a named pipe as not a regular file instead of opening it (which would hang)', async () => {
    put('a.jpg');
    execFileSync('mkfifo', [path.join(root, 'pipe.jpg')]);
    expect(await collect(walkFolder(root))).toEqual(['a.jpg', 'pipe.jpg [unsupported-format]']);
  });

  it('reports a folder it may not read and goes on with the rest (simulated: tests run as root, where chmod does not deny)', async () => {
    put('a.jpg');
    put('locked/inside.jpg');
    put('z.jpg');
    const lockedPath = path.join(root, 'locked');
    const fs: WalkFs = {
      ...nodeWalkFs,
      opendir: (dirPath) => (dirPath === lockedPath ? Promise.reject(errno('EACCES')) : nodeWalkFs.opendir(dirPath)),
    };
    const entries: WalkEntry[] = [];
    for await (const entry of walkFolder(root, { fs })) entries.push(entry);
    expect(entries).toEqual([
      { type: 'file', relativePath: 'a.jpg' },
      {
        type: 'problem',
        problem: {
          relativePath: 'locked',
          error: {
            code: 'unreadable',
            detail: 'This folder could not be read (EACCES); nothing in it was imported.',
            reason: { code: 'case-subfolder-unreadable', params: { osCode: 'EACCES' } },
          },
        },
      },
      { type: 'file', relativePath: 'z.jpg' },
    ]);
  });

  it.skipIf(isRoot || isWindows)('reports a folder made unreadable with chmod (runs only as a normal user)', async () => {
    put('locked/inside.jpg');
    put('z.jpg');
    chmodSync(path.join(root, 'locked'), 0o000);
    try {
      expect(await collect(walkFolder(root))).toEqual(['locked [unreadable]', 'z.jpg']);
    } finally {
      chmodSync(path.join(root, 'locked'), 0o755);
    }
  });

  it('fails clearly when the case folder does not exist', async () => {
    await expect(collect(walkFolder(path.join(root, 'missing')))).rejects.toThrow(/The case folder ".*missing" is no longer reachable \(ENOENT\)/);
  });

  it('fails with CaseRootUnreachableError when the case folder is deleted mid-walk', async () => {
    put('a/1.jpg');
    put('b/1.jpg');
    const seen: string[] = [];
    const walk = async () => {
      for await (const entry of walkFolder(root)) {
        if (entry.type === 'file') seen.push(entry.relativePath);
        rmSync(root, { recursive: true, force: true });
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(CaseRootUnreachableError);
    expect(seen).toEqual(['a/1.jpg']);
  });

  it('treats a vanished sub-folder as a problem, not a failure, while the root is still there', async () => {
    put('a.jpg');
    put('gone/x.jpg');
    const gonePath = path.join(root, 'gone');
    const fs: WalkFs = { ...nodeWalkFs, opendir: (dirPath) => (dirPath === gonePath ? Promise.reject(errno('ENOENT')) : nodeWalkFs.opendir(dirPath)) };
    expect(await collect(walkFolder(root, { fs }))).toEqual(['a.jpg', 'gone [vanished]']);
  });

  it('stops when its signal is aborted', async () => {
    for (let i = 0; i < 5; i += 1) put(`${i}.jpg`);
    const controller = new AbortController();
    const seen: string[] = [];
    const walk = async () => {
      for await (const entry of walkFolder(root, { signal: controller.signal })) {
        if (entry.type === 'file') seen.push(entry.relativePath);
        controller.abort();
      }
    };
    await expect(walk()).rejects.toThrow(/abort/i);
    expect(seen).toEqual(['0.jpg']);
  });
});
