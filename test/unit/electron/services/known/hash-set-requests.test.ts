import Conf from 'conf';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootVeil, type BootedVeil } from '../../../../../electron/services/boot/boot-veil.js';
import { LIBRARY_FILE_NAME } from '../../../../../electron/services/known/known-library-db.js';
import { requests } from '../../../../../shared/contract.js';
import { dispatchRequest } from '../../../../../shared/dispatch.js';
import type { VeilEvent } from '../../../../../electron/services/event-hub.js';

let root = '';
let booted: BootedVeil;
let events: VeilEvent[];

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'veil-known-requests-'));
  booted = await bootVeil({
    host: 'browser',
    dataDir: join(root, 'data'),
    openSettingsStore: (options) => new Conf(options),
    spawnWorker: () => {
      throw new Error('no worker is needed for hash sets');
    },
    demoCaseDir: join(root, 'no-demo'),
    initialCaseDir: null,
    pickFolder: null,
    systemLocale: 'en-CA',
    warn: () => undefined,
  });
  events = [];
  booted.hub.subscribe((event) => void events.push(event));
});

afterEach(async () => {
  await booted.close();
  rmSync(root, { recursive: true, force: true });
});

describe('hash sets through the contract', () => {
  it('imports into the library folder the setting names (default: in the data folder), lists, turns off and removes', async () => {
    const handlers = booted.services.handlers;
    const file = join(root, 'unit-list.csv');
    writeFileSync(file, `md5,grade\n${'a'.repeat(32)},A\n${'b'.repeat(31)},B\n`);
    const reply = await dispatchRequest(handlers, 'importHashSet', { filePath: file, name: 'Unit list', scheme: 'uk-abc' });
    if (!reply.ok) throw new Error(reply.error.message);
    const result = requests.importHashSet.result.parse(reply.result);
    expect(result).toMatchObject({ outcome: 'imported', set: { recordCount: 1, badRecordCount: 1 }, badRecords: [{ place: 3, reason: 'hash-wrong-length' }] });
    expect(existsSync(join(root, 'data', 'known-material', LIBRARY_FILE_NAME))).toBe(true);
    expect(events.filter((event) => event.name === 'hashSetImportProgress').at(-1)?.payload).toMatchObject({ records: 1, badRecords: 1 });
    if (result.outcome !== 'imported') throw new Error('expected an import');
    const setId = result.set.setId;
    const off = await dispatchRequest(handlers, 'setHashSetEnabled', { setId, enabled: false });
    expect(off.ok && requests.setHashSetEnabled.result.parse(off.result)).toMatchObject([{ setId, enabled: false }]);
    expect(await dispatchRequest(handlers, 'removeHashSet', { setId })).toEqual({ ok: true, result: [] });
    expect(await dispatchRequest(handlers, 'cancelHashSetImport', {})).toEqual({ ok: true, result: { cancelled: false } });

    const shared = join(root, 'shared-library');
    await dispatchRequest(handlers, 'updateSettings', { knownMaterialFolder: shared });
    await dispatchRequest(handlers, 'importHashSet', { filePath: file, name: 'Again', scheme: 'uk-abc' });
    expect(existsSync(join(shared, LIBRARY_FILE_NAME))).toBe(true);
  });

  it('refuses a scheme that is not one of the four, and an unreadable file with a reason', async () => {
    const handlers = booted.services.handlers;
    expect(await dispatchRequest(handlers, 'importHashSet', { filePath: '/x', name: 'x', scheme: 'guess' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(await dispatchRequest(handlers, 'importHashSet', { filePath: join(root, 'none.json'), name: 'x', scheme: 'vic-us' })).toMatchObject({
      ok: false,
      error: { code: 'failed', reason: { code: 'hash-set-file-missing' } },
    });
  });
});
