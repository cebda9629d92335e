import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileDurably, keepAside, replaceFileAtomically, writeNewFile } from '../../../../../electron/services/platform/durable-write.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-durable-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('replaceFileAtomically', () => {
  it('replaces the whole file and leaves no temp file behind', async () => {
    await writeFile(path.join(dir, 'state.json'), 'old and longer than the new one');
    await replaceFileAtomically(dir, 'state.json', 'stamp', bytesOf('new'));
    expect(await readFile(path.join(dir, 'state.json'), 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('keeps the old file and removes its temp file when the commit fails', async () => {
    await writeFile(path.join(dir, 'state.json'), 'old');
    const failing = replaceFileAtomically(dir, 'state.json', 'stamp', bytesOf('new'), {
      rename: () => Promise.reject(Object.assign(new Error('read-only'), { code: 'EROFS' })),
    });
    await expect(failing).rejects.toMatchObject({ code: 'EROFS' });
    expect(await readFile(path.join(dir, 'state.json'), 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('writes under the temp name asked for, and gives the file the times asked for', async () => {
    const seen: string[] = [];
    const times = new Date(Date.UTC(2026, 2, 8, 23, 59, 59));
    await replaceFileAtomically(dir, 'week.json', 'abc', bytesOf('{}'), {
      tempNameFor: (stamp) => `.week.json.tmp-${stamp}`,
      times,
      rename: async (fromPath, toPath) => {
        seen.push(path.basename(fromPath));
        const { rename } = await import('node:fs/promises');
        await rename(fromPath, toPath);
      },
    });
    expect(seen).toEqual(['.week.json.tmp-abc']);
    expect((await stat(path.join(dir, 'week.json'))).mtimeMs).toBe(times.getTime());
  });

  it('does not reuse a temp name another writer holds', async () => {
    await writeFile(path.join(dir, 'state.json.tmp-stamp'), 'another writer');
    await replaceFileAtomically(dir, 'state.json', 'stamp', bytesOf('mine'));
    expect(await readFile(path.join(dir, 'state.json.tmp-stamp'), 'utf8')).toBe('another writer');
    expect(await readFile(path.join(dir, 'state.json'), 'utf8')).toBe('mine');
  });
});

describe('createFileDurably and writeNewFile', () => {
  it('never overwrites: a taken name gets -2', async () => {
    await writeFile(path.join(dir, 'x.torn-s'), 'first');
    const name = await createFileDurably(dir, (stamp) => `x.torn-${stamp}`, 's', bytesOf('second'));
    expect(name).toBe('x.torn-s-2');
    expect(await readFile(path.join(dir, 'x.torn-s'), 'utf8')).toBe('first');
  });

  it('refuses an existing name', async () => {
    await writeFile(path.join(dir, 'key'), 'kept');
    await expect(writeNewFile(path.join(dir, 'key'), bytesOf('other'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(path.join(dir, 'key'), 'utf8')).toBe('kept');
  });

  it.skipIf(process.platform === 'win32')('creates the file with the mode asked for', async () => {
    await writeNewFile(path.join(dir, 'secret'), bytesOf('s'), { mode: 0o600 });
    expect((await stat(path.join(dir, 'secret'))).mode & 0o777).toBe(0o600);
  });
});

describe('keepAside', () => {
  it('keeps the exact bytes under a new name and leaves the original in place', async () => {
    const damaged = Buffer.from([0xff, 0x00, 0x7b]);
    await writeFile(path.join(dir, 'notes.json'), damaged);
    const kept = await keepAside(dir, 'notes.json', (stamp) => `notes.json.damaged-${stamp}`, 't');
    expect(kept).toBe('notes.json.damaged-t');
    expect(await readFile(path.join(dir, kept))).toEqual(damaged);
    expect(await readFile(path.join(dir, 'notes.json'))).toEqual(damaged);
  });
});
