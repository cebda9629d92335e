import { mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VeilRequestError } from '../../../../../shared/contract-errors.js';
import type { HashSetImportProgress } from '../../../../../shared/known/hash-set-contract.js';
import { createKnownMaterialService, type KnownMaterialService } from '../../../../../electron/services/known/known-material-service.js';
import { LIBRARY_FILE_NAME } from '../../../../../electron/services/known/known-library-db.js';

const md5Of = (n: number) => n.toString(16).padStart(32, '0');
const sha1Of = (n: number) => n.toString(16).padStart(40, 'a');

function vics(count: number, category = 1): string {
  const media = Array.from({ length: count }, (_, i) => ({ MediaID: i + 1, Category: category, MD5: md5Of(i + 1), SHA1: sha1Of(i + 1) }));
  return JSON.stringify({ 'odata.metadata': 'x#Cases', value: [{ CaseID: 1, Media: media }] });
}

let dir: string;
let library: string;
let service: KnownMaterialService;
let progress: HashSetImportProgress[];
let changes: number;

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof VeilRequestError ? error.reason : error;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'veil-known-'));
  library = path.join(dir, 'library');
  progress = [];
  changes = 0;
  service = createKnownMaterialService({
    folder: () => library,
    nowMs: () => 1_700_000_000_000,
    onProgress: (event) => progress.push(event),
    onSetsChanged: () => (changes += 1),
  });
});

afterEach(async () => {
  service.close();
  await rm(dir, { recursive: true, force: true });
});

describe('known-material library', () => {
  it('imports a VICS set, lists it with its counts and bad records, and finds a file by any of its hashes', async () => {
    const file = path.join(dir, 'vic.json');
    const text = vics(3).replace(`"MD5":"${md5Of(2)}"`, '"MD5":"xyz"');
    await writeFile(file, text);
    const result = await service.importHashSet({ filePath: file, name: 'VIC 2026-11', scheme: 'vic-us', hex64Kind: 'sha256' });
    expect(result).toMatchObject({
      outcome: 'imported',
      set: { name: 'VIC 2026-11', sourceFileName: 'vic.json', scheme: 'vic-us', format: 'vics-json', recordCount: 2, badRecordCount: 1, enabled: true },
      badRecords: [{ place: 2, placeKind: 'record', reason: 'hash-wrong-length' }],
    });
    expect(service.listHashSets()).toMatchObject([
      { name: 'VIC 2026-11', hashCounts: { md5: 2, sha1: 2, sha256: 0, pdq: 0 }, badByReason: { 'hash-wrong-length': 1 } },
    ]);
    expect(progress.at(-1)).toMatchObject({ fileName: 'vic.json', bytesRead: text.length, totalBytes: text.length, records: 2, badRecords: 1 });
    expect(changes).toBe(1);
    const known = { md5: md5Of(3), sha1: null, sha256: null };
    expect(service.lookup(known)).toEqual([{ setId: expect.any(Number), setName: 'VIC 2026-11', scheme: 'vic-us', category: '1', matchedBy: 'md5' }]);
    expect(service.lookup({ md5: null, sha1: sha1Of(1).toUpperCase().toLowerCase(), sha256: null })).toHaveLength(1);
    expect(service.lookup({ md5: md5Of(2), sha1: null, sha256: null })).toEqual([]);
  });

  it('stops matching a set that is turned off, and forgets a removed one entirely', async () => {
    const file = path.join(dir, 'list.txt');
    await writeFile(file, `${md5Of(7)}\n`);
    const imported = await service.importHashSet({ filePath: file, name: 'List', scheme: 'custom', hex64Kind: 'sha256' });
    if (imported.outcome !== 'imported') throw new Error('expected an import');
    const hashes = { md5: md5Of(7), sha1: null, sha256: null };
    expect(service.setHashSetEnabled(imported.set.setId, false)).toMatchObject([{ enabled: false }]);
    expect(service.lookup(hashes)).toEqual([]);
    service.setHashSetEnabled(imported.set.setId, true);
    expect(service.lookup(hashes)).toHaveLength(1);
    expect(service.removeHashSet(imported.set.setId)).toEqual([]);
    expect(service.lookup(hashes)).toEqual([]);
    expect(await refusal(Promise.resolve().then(() => service.removeHashSet(imported.set.setId)))).toEqual({ code: 'hash-set-not-found', params: {} });
    const db = new Database(path.join(library, LIBRARY_FILE_NAME), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM known_record').pluck().get()).toBe(0);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });

  it('leaves nothing behind when an import is cancelled half-way, and can import again after', async () => {
    const file = path.join(dir, 'big.json');
    await writeFile(file, vics(20_000));
    const cancelling = createKnownMaterialService({
      folder: () => library,
      nowMs: () => 0,
      // Cancelled once records are written, so the rollback has something to undo.
      onProgress: (event) => event.records > 1000 && cancelling.cancelImport(),
      onSetsChanged: () => undefined,
    });
    const result = await cancelling.importHashSet({ filePath: file, name: 'Big', scheme: 'vic-us', hex64Kind: 'sha256' });
    expect(result).toEqual({ outcome: 'cancelled' });
    expect(cancelling.listHashSets()).toEqual([]);
    expect(cancelling.lookup({ md5: md5Of(1), sha1: null, sha256: null })).toEqual([]);
    cancelling.close();
    const again = await service.importHashSet({ filePath: file, name: 'Big', scheme: 'vic-us', hex64Kind: 'sha256' });
    expect(again).toMatchObject({ outcome: 'imported', set: { recordCount: 20_000 } });
  });

  it('refuses unreadable files whole with a reason and keeps the library as it was', async () => {
    await writeFile(path.join(dir, 'notes.json'), 'Dear team,\n');
    await writeFile(path.join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0]));
    const attempt = (file: string, scheme: 'vic-us' | 'uk-abc' = 'vic-us') =>
      refusal(service.importHashSet({ filePath: path.join(dir, file), name: 'x', scheme, hex64Kind: 'sha256' }));
    expect(await attempt('notes.json')).toEqual({ code: 'hash-set-not-json', params: {} });
    expect(await attempt('photo.jpg')).toEqual({ code: 'hash-set-not-text', params: {} });
    expect(await attempt('missing.json')).toEqual({ code: 'hash-set-file-missing', params: { path: path.join(dir, 'missing.json') } });
    expect(await attempt('.')).toEqual({ code: 'hash-set-not-a-file', params: { path: path.join(dir, '.') } });
    // A sparse 2 GB file: refused from its size, before a byte is read.
    await writeFile(path.join(dir, 'huge.json'), '');
    await truncate(path.join(dir, 'huge.json'), 2 * 1024 ** 3);
    expect(await attempt('huge.json')).toEqual({ code: 'hash-set-too-large', params: { sizeBytes: 2 * 1024 ** 3, limitBytes: 1.5 * 1024 ** 3 } });
    await writeFile(path.join(dir, 'vic.json'), vics(2));
    expect(await attempt('vic.json', 'uk-abc')).toEqual({ code: 'hash-set-no-good-records', params: { badRecords: 2 } });
    expect(service.listHashSets()).toEqual([]);
    expect(await readdir(library)).toEqual([LIBRARY_FILE_NAME]);
  });

  it("lists a set's PDQ hashes with their quality and category, and no other set's", async () => {
    const pdq = (n: number) => n.toString(16).padStart(64, 'c');
    await writeFile(path.join(dir, 'other.txt'), `pdq\n${pdq(1)}\n`);
    await writeFile(path.join(dir, 'pdq.csv'), `PDQ,Quality,Category\n${pdq(2)},90,CAM\n${pdq(3)},40,\n${md5Of(1)},,\n`);
    await service.importHashSet({ filePath: path.join(dir, 'other.txt'), name: 'Other', scheme: 'custom', hex64Kind: 'sha256' });
    const result = await service.importHashSet({ filePath: path.join(dir, 'pdq.csv'), name: 'Near', scheme: 'custom', hex64Kind: 'sha256' });
    if (result.outcome !== 'imported') throw new Error('expected an import');
    expect(result.badRecords).toEqual([{ place: 4, placeKind: 'line', reason: 'hash-wrong-length' }]);
    expect([...service.pdqHashes(result.set.setId)]).toEqual([
      { pdq: pdq(2), quality: 90, category: 'CAM' },
      { pdq: pdq(3), quality: 40, category: null },
    ]);
  });

  it('says the library is unusable, and keeps it as it was, while another workstation is writing to it', async () => {
    const file = path.join(dir, 'list.txt');
    await writeFile(file, `${md5Of(7)}\n`);
    service.listHashSets();
    const other = new Database(path.join(library, LIBRARY_FILE_NAME));
    other.exec('BEGIN IMMEDIATE');
    try {
      // SQLite waits for the lock briefly first (a share may just be slow), then gives up.
      expect(await refusal(service.importHashSet({ filePath: file, name: 'List', scheme: 'custom', hex64Kind: 'sha256' }))).toEqual({
        code: 'known-library-unusable',
        params: { path: library, osCode: 'SQLITE_BUSY' },
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await service.importHashSet({ filePath: file, name: 'List', scheme: 'custom', hex64Kind: 'sha256' })).toMatchObject({ outcome: 'imported' });
  });

  it('refuses a library written by a newer Veil and leaves it alone', async () => {
    service.listHashSets();
    service.close();
    const db = new Database(path.join(library, LIBRARY_FILE_NAME));
    db.pragma('user_version = 99');
    db.close();
    expect(await refusal(Promise.resolve().then(() => service.listHashSets()))).toEqual({ code: 'known-library-newer', params: { path: library } });
  });
});
