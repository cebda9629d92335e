import Conf from 'conf';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootVeil, type BootDeps } from '../../../../../electron/services/boot/boot-veil.js';
import { DataFolderInUseError, LOCK_FILE_NAME } from '../../../../../electron/services/platform/data-folder-lock.js';

let dataDir = '';
beforeEach(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'veil-boot-')), 'data');
});
afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

function deps(warnings: string[] = []): BootDeps {
  return {
    host: 'browser',
    dataDir,
    openSettingsStore: (options) => new Conf(options),
    spawnWorker: () => {
      throw new Error('no worker is needed to boot');
    },
    demoCaseDir: join(dataDir, 'no-demo'),
    initialCaseDir: null,
    pickFolder: null,
    systemLocale: 'en-CA',
    warn: (message) => void warnings.push(message),
  };
}

describe('bootVeil, the start-up both hosts share', () => {
  it('takes the data folder, loads settings.json, and lets the folder go on close', async () => {
    const booted = await bootVeil(deps());
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining([LOCK_FILE_NAME, 'settings.json']));
    expect(booted.settings.get().language).toBe('system');
    await booted.close();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses a folder another running Veil holds, before reading anything in it', async () => {
    mkdirSync(dataDir, { recursive: true });
    // The parent process stands for another Veil that is running.
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: process.ppid, startedAtMs: 0, host: 'electron' }));
    await expect(bootVeil(deps())).rejects.toThrow(DataFolderInUseError);
    expect(readdirSync(dataDir)).toEqual([LOCK_FILE_NAME]);
  });

  it('says when damaged settings were kept aside', async () => {
    const warnings: string[] = [];
    const first = await bootVeil(deps());
    await first.close();
    writeFileSync(join(dataDir, 'settings.json'), '{oops');
    const booted = await bootVeil(deps(warnings));
    expect(warnings.join('\n')).toMatch(/Settings were damaged and reset .*kept as settings\.corrupt-/);
    await booted.close();
  });
});
