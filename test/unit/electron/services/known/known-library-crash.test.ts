import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKnownMaterialService } from '../../../../../electron/services/known/known-material-service.js';
import { LIBRARY_FILE_NAME } from '../../../../../electron/services/known/known-library-db.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-known-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('known-material library after a crash mid-import', () => {
  it('holds nothing of the import a killed process left, and imports the same file whole afterwards', async () => {
    const library = path.join(dir, 'library');
    const file = path.join(dir, 'vic.json');
    const media = Array.from({ length: 40_000 }, (_, i) => JSON.stringify({ MediaID: i + 1, Category: 1, MD5: (i + 1).toString(16).padStart(32, '0') }));
    await writeFile(file, `{"value":[{"Media":[${media.join(',\n')}]}]}`);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, '../../../../fixtures/known/import-then-die.ts'), file, library],
      { encoding: 'utf8' },
    );
    expect(child.signal).toBe('SIGKILL');
    // The killed import left its rollback journal: SQLite undoes the transaction on the next open.
    expect(existsSync(path.join(library, `${LIBRARY_FILE_NAME}-journal`))).toBe(true);

    const service = createKnownMaterialService({ folder: () => library, nowMs: () => 0, onProgress: () => undefined, onSetsChanged: () => undefined });
    expect(service.listHashSets()).toEqual([]);
    expect(service.lookup({ md5: (1).toString(16).padStart(32, '0'), sha1: null, sha256: null })).toEqual([]);
    const db = new Database(path.join(library, LIBRARY_FILE_NAME), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM known_record').pluck().get()).toBe(0);
    db.close();
    expect(await service.importHashSet({ filePath: file, name: 'Whole', scheme: 'vic-us', hex64Kind: 'sha256' })).toMatchObject({
      outcome: 'imported',
      set: { recordCount: 40_000 },
    });
    service.close();
  });
});
