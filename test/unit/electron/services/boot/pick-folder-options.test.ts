import Conf from 'conf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootVeil, type BootedVeil } from '../../../../../electron/services/boot/boot-veil.js';
import { dispatchRequest } from '../../../../../shared/dispatch.js';

let root = '';
let booted: BootedVeil;
const pickFolder = vi.fn(async (_options: { mayCreate: boolean }): Promise<string | null> => null);

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'veil-pick-folder-'));
  pickFolder.mockClear();
  booted = await bootVeil({
    host: 'browser',
    dataDir: join(root, 'data'),
    openSettingsStore: (options) => new Conf(options),
    spawnWorker: () => {
      throw new Error('no worker is needed to pick a folder');
    },
    demoCaseDir: join(root, 'no-demo'),
    initialCaseDir: null,
    pickFolder,
    systemLocale: 'en-CA',
    warn: () => undefined,
  });
});

afterEach(async () => {
  await booted.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the native folder picker', () => {
  it('offers "New Folder" only when the page asks for a folder to write into, never when a case is opened', async () => {
    const handlers = booted.services.handlers;
    expect(await dispatchRequest(handlers, 'openCase', {})).toEqual({ ok: true, result: null });
    expect(await dispatchRequest(handlers, 'pickFolder', {})).toEqual({ ok: true, result: { folderPath: null } });
    expect(await dispatchRequest(handlers, 'pickFolder', { mayCreate: true })).toEqual({ ok: true, result: { folderPath: null } });
    expect(pickFolder.mock.calls).toEqual([[{ mayCreate: false }], [{ mayCreate: false }], [{ mayCreate: true }]]);
    expect((await dispatchRequest(handlers, 'pickFolder', { mayCreate: 'yes' })).ok).toBe(false);
  });
});
