import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateTeamShareSecret, TEAM_SHARE_KEY_FILE_NAME, type SecretProtector } from '../../../../../electron/services/team-stats/team-share-secret.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'veil-team-secret-sealed-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** An OS key store as safeStorage uses one: AES with a key that never touches the data folder. */
function keyStore(osKey = randomBytes(32)): SecretProtector {
  return {
    kind: 'test key store',
    protect(secret) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('aes-256-cbc', osKey, iv);
      return new Uint8Array(Buffer.concat([Buffer.from('v11'), iv, cipher.update(secret), cipher.final()]));
    },
    unprotect(sealed) {
      const bytes = Buffer.from(sealed);
      if (bytes.subarray(0, 3).toString() !== 'v11') throw new Error('not sealed here');
      const decipher = createDecipheriv('aes-256-cbc', osKey, bytes.subarray(3, 19));
      return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(19)), decipher.final()]));
    },
  };
}

const keyFile = (dir = dataDir): Buffer => readFileSync(path.join(dir, TEAM_SHARE_KEY_FILE_NAME));

describe('the team-share secret sealed by the OS key store', () => {
  it('never writes the secret itself to the key file, and opens it again on the next start', async () => {
    const protector = keyStore();
    const first = await loadOrCreateTeamShareSecret(dataDir, { protector });
    expect(keyFile().includes(Buffer.from(first.secret))).toBe(false);
    expect(keyFile().length).toBeGreaterThan(32);
    const again = await loadOrCreateTeamShareSecret(dataDir, { protector });
    expect(again).toEqual({ secret: first.secret, created: false, keptAsideAs: null });
  });

  it('seals a key made before protection in place, keeping the same secret (so week keys do not change)', async () => {
    const bare = await loadOrCreateTeamShareSecret(dataDir);
    expect(new Uint8Array(keyFile())).toEqual(bare.secret);
    const sealed = await loadOrCreateTeamShareSecret(dataDir, { protector: keyStore() });
    expect(sealed.secret).toEqual(bare.secret);
    expect(keyFile().includes(Buffer.from(bare.secret))).toBe(false);
    expect(readdirSync(dataDir)).toEqual([TEAM_SHARE_KEY_FILE_NAME]);
    // Owner-only like the bare key was, from the moment it is written.
    if (process.platform !== 'win32') expect(statSync(path.join(dataDir, TEAM_SHARE_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('keeps aside a key file this user’s key store cannot open (another machine, a lost keyring) and says so', async () => {
    await loadOrCreateTeamShareSecret(dataDir, { protector: keyStore() });
    const foreign = keyFile();
    const here = await loadOrCreateTeamShareSecret(dataDir, { protector: keyStore() });
    expect(here.created).toBe(true);
    expect(here.keptAsideAs).toMatch(/^team-share\.key\.corrupt-/);
    expect(readFileSync(path.join(dataDir, here.keptAsideAs ?? ''))).toEqual(foreign);
  });

  it('keeps the key in the folder it is given (the local, non-roaming app data on Windows)', async () => {
    const localDir = path.join(dataDir, 'Local', 'Veil');
    const made = await loadOrCreateTeamShareSecret(path.join(dataDir, 'Roaming'), { keyDir: localDir });
    expect(new Uint8Array(keyFile(localDir))).toEqual(made.secret);
    writeFileSync(path.join(dataDir, 'marker'), '');
    expect(readdirSync(dataDir).sort()).toEqual(['Local', 'marker']);
  });

  it('moves a key from the roaming data folder to the local one with the same secret, sealed, and leaves none behind', async () => {
    const roamingDir = path.join(dataDir, 'Roaming', 'Veil');
    const localDir = path.join(dataDir, 'Local', 'Veil');
    const before = await loadOrCreateTeamShareSecret(roamingDir);
    const protector = keyStore();
    const after = await loadOrCreateTeamShareSecret(roamingDir, { keyDir: localDir, protector });
    // Same secret, so a week exported before the upgrade keeps its key and is not counted twice.
    expect(after).toEqual({ secret: before.secret, created: false, keptAsideAs: null });
    expect(readdirSync(roamingDir)).toEqual([]);
    expect(keyFile(localDir).includes(Buffer.from(before.secret))).toBe(false);
    expect(await loadOrCreateTeamShareSecret(roamingDir, { keyDir: localDir, protector })).toEqual(after);
  });
});
