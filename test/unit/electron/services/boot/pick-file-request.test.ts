import Conf from 'conf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootVeil, type BootedVeil } from '../../../../../electron/services/boot/boot-veil.js';
import type { PickFile } from '../../../../../electron/services/request-table.js';
import { dispatchRequest } from '../../../../../shared/dispatch.js';

let root = '';
let booted: BootedVeil | null = null;

async function boot(pickFile: PickFile | undefined): Promise<BootedVeil> {
  root = mkdtempSync(join(tmpdir(), 'veil-pick-file-'));
  booted = await bootVeil({
    host: pickFile ? 'electron' : 'browser',
    dataDir: join(root, 'data'),
    openSettingsStore: (options) => new Conf(options),
    spawnWorker: () => {
      throw new Error('no worker is needed to pick a file');
    },
    demoCaseDir: join(root, 'no-demo'),
    initialCaseDir: null,
    pickFolder: null,
    ...(pickFile ? { pickFile } : {}),
    systemLocale: 'en-CA',
    warn: () => undefined,
  });
  return booted;
}

afterEach(async () => {
  await booted?.close();
  booted = null;
  rmSync(root, { recursive: true, force: true });
});

describe('the pickFile request', () => {
  it('hands the purpose to the native picker and answers what was picked, or null when cancelled', async () => {
    const pickFile = vi.fn(async (purpose: string): Promise<string | null> => (purpose === 'hash-set' ? '/library/vics.json' : null));
    const { handlers } = (await boot(pickFile)).services;
    expect(await dispatchRequest(handlers, 'pickFile', { purpose: 'hash-set' })).toEqual({ ok: true, result: { filePath: '/library/vics.json' } });
    expect(await dispatchRequest(handlers, 'pickFile', { purpose: 'scheme-file' })).toEqual({ ok: true, result: { filePath: null } });
    expect((await dispatchRequest(handlers, 'pickFile', { purpose: 'executable' })).ok).toBe(false);
    expect(pickFile.mock.calls).toEqual([['hash-set'], ['scheme-file']]);
  });

  it('answers null in the browser host, which has no native picker: the path is typed there', async () => {
    const { handlers } = (await boot(undefined)).services;
    expect(await dispatchRequest(handlers, 'pickFile', { purpose: 'referral-manifest' })).toEqual({ ok: true, result: { filePath: null } });
  });
});
