import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateTeamShareSecret, TEAM_SHARE_KEY_FILE_NAME, weekKeyHex } from '../../../../../electron/services/team-stats/team-share-secret.js';

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'veil-team-secret-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const isWindows = process.platform === 'win32';
const keyPath = (): string => path.join(dataDir, TEAM_SHARE_KEY_FILE_NAME);
const fixedNow = (): number => Date.UTC(2026, 2, 9, 7, 5, 0, 123);

describe('loadOrCreateTeamShareSecret', () => {
  it('creates 32 random bytes on first use and returns the same bytes afterwards', async () => {
    const first = await loadOrCreateTeamShareSecret(dataDir);
    expect(first.created).toBe(true);
    expect(first.keptAsideAs).toBeNull();
    expect(first.secret).toHaveLength(32);
    expect(new Uint8Array(readFileSync(keyPath()))).toEqual(first.secret);

    const again = await loadOrCreateTeamShareSecret(dataDir);
    expect(again).toEqual({ secret: first.secret, created: false, keptAsideAs: null });
    // No temp file is left behind.
    expect(readdirSync(dataDir)).toEqual([TEAM_SHARE_KEY_FILE_NAME]);
  });

  it('creates the data folder if it does not exist yet', async () => {
    const nested = path.join(dataDir, 'not', 'yet');
    const made = await loadOrCreateTeamShareSecret(nested);
    expect(made.created).toBe(true);
    expect(readFileSync(path.join(nested, TEAM_SHARE_KEY_FILE_NAME))).toHaveLength(32);
  });

  it.skipIf(isWindows)('makes the key file readable by its owner only (mode 0600), and repairs a loosened mode', async () => {
    await loadOrCreateTeamShareSecret(dataDir);
    expect(statSync(keyPath()).mode & 0o777).toBe(0o600);
    const { chmodSync } = await import('node:fs');
    chmodSync(keyPath(), 0o644);
    await loadOrCreateTeamShareSecret(dataDir);
    expect(statSync(keyPath()).mode & 0o777).toBe(0o600);
  });

  it('two processes starting at once end up with one secret, not two', async () => {
    let calls = 0;
    const distinctBytes = (sizeBytes: number): Uint8Array => new Uint8Array(sizeBytes).fill(++calls);
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateTeamShareSecret(dataDir, { randomBytes: distinctBytes })));
    const onDisk = new Uint8Array(readFileSync(keyPath()));
    for (const result of results) expect(result.secret).toEqual(onDisk);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(readdirSync(dataDir)).toEqual([TEAM_SHARE_KEY_FILE_NAME]);
  });

  it('separate processes starting at once end up with one secret', async () => {
    const modulePath = path.join(import.meta.dirname, '../../../../../electron/services/team-stats/team-share-secret.ts');
    const script = `import { loadOrCreateTeamShareSecret } from ${JSON.stringify(modulePath)};
      const { secret } = await loadOrCreateTeamShareSecret(${JSON.stringify(dataDir)});
      console.log(Buffer.from(secret).toString('hex'));`;
    const runChild = (): Promise<string> =>
      new Promise((resolve, reject) => {
        execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }, (error, stdout) =>
          error ? reject(error) : resolve(stdout.trim()),
        );
      });
    const printed = await Promise.all([runChild(), runChild(), runChild(), runChild()]);
    expect(new Set(printed)).toEqual(new Set([readFileSync(keyPath()).toString('hex')]));
    expect(readdirSync(dataDir)).toEqual([TEAM_SHARE_KEY_FILE_NAME]);
  });

  it('keeps a corrupt key file aside byte for byte, makes a new secret and says so', async () => {
    const corrupt = Buffer.from('not a secret, and too short');
    writeFileSync(keyPath(), corrupt);
    const result = await loadOrCreateTeamShareSecret(dataDir, { nowMs: fixedNow });
    expect(result.created).toBe(true);
    expect(result.keptAsideAs).toBe('team-share.key.corrupt-2026-03-09T07-05-00-123Z');
    expect(readFileSync(path.join(dataDir, result.keptAsideAs ?? ''))).toEqual(corrupt);
    expect(new Uint8Array(readFileSync(keyPath()))).toEqual(result.secret);
    expect(result.secret).toHaveLength(32);
  });

  it('keeps a second corrupt file aside under another name, never over the first', async () => {
    writeFileSync(keyPath(), 'first');
    const first = await loadOrCreateTeamShareSecret(dataDir, { nowMs: fixedNow });
    writeFileSync(keyPath(), Buffer.alloc(33, 7));
    const second = await loadOrCreateTeamShareSecret(dataDir, { nowMs: fixedNow });
    expect(second.keptAsideAs).not.toBe(first.keptAsideAs);
    expect(readFileSync(path.join(dataDir, first.keptAsideAs ?? ''), 'utf8')).toBe('first');
    expect(readFileSync(path.join(dataDir, second.keptAsideAs ?? ''))).toEqual(Buffer.alloc(33, 7));
  });

  it('treats an empty file, a folder or a link in place of the key as corrupt, never reading through a link', async () => {
    writeFileSync(keyPath(), '');
    expect((await loadOrCreateTeamShareSecret(dataDir, { nowMs: fixedNow })).keptAsideAs).not.toBeNull();

    rmSync(keyPath());
    mkdirSync(keyPath());
    const afterFolder = await loadOrCreateTeamShareSecret(dataDir, { nowMs: () => fixedNow() + 1 });
    expect(afterFolder.keptAsideAs).not.toBeNull();
    expect(statSync(path.join(dataDir, afterFolder.keptAsideAs ?? '')).isDirectory()).toBe(true);

    if (isWindows) return;
    const elsewhere = path.join(dataDir, 'elsewhere.bin');
    writeFileSync(elsewhere, Buffer.alloc(32, 9));
    rmSync(keyPath());
    symlinkSync(elsewhere, keyPath());
    const afterLink = await loadOrCreateTeamShareSecret(dataDir, { nowMs: () => fixedNow() + 2 });
    expect(afterLink.keptAsideAs).not.toBeNull();
    expect(afterLink.secret).not.toEqual(new Uint8Array(32).fill(9));
  });
});

describe('weekKeyHex', () => {
  const secretA = new Uint8Array(32).fill(1);
  const secretB = new Uint8Array(32).fill(2);

  it('gives the same key for the same secret and week (a re-export replaces the earlier file)', () => {
    expect(weekKeyHex(secretA, '2026-W10')).toBe(weekKeyHex(new Uint8Array(32).fill(1), '2026-W10'));
    expect(weekKeyHex(secretA, '2026-W10')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives unrelated keys for different weeks of one person and for different people in one week', () => {
    const weeks = ['2025-W52', '2026-W01', '2026-W02', '2026-W10', '2027-W10'];
    const keys = new Set(weeks.map((week) => weekKeyHex(secretA, week)));
    expect(keys.size).toBe(weeks.length);
    expect(weekKeyHex(secretA, '2026-W10')).not.toBe(weekKeyHex(secretB, '2026-W10'));
  });

  it('is HMAC-SHA256 of the versioned domain and the week (a documented, reproducible scheme)', async () => {
    const { createHmac } = await import('node:crypto');
    expect(weekKeyHex(secretA, '2026-W10')).toBe(createHmac('sha256', secretA).update('veil.weekly-summary/v1/2026-W10').digest('hex'));
  });

  it('refuses a malformed week or secret rather than making a key no lead can match', () => {
    expect(() => weekKeyHex(secretA, '2026-10')).toThrow(/ISO week/);
    expect(() => weekKeyHex(secretA, '2026-W54')).toThrow(/ISO week/);
    expect(() => weekKeyHex(new Uint8Array(16), '2026-W10')).toThrow(/32 bytes/);
  });
});
