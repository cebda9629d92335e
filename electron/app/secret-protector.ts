import { safeStorage } from 'electron';
import { join } from 'node:path';
import type { SecretProtector, TeamShareSecretOptions } from '../services/team-stats/team-share-secret.js';
import { APP_DIR_NAME } from '../services/platform/user-data-dir.js';

/** The part of Electron's safeStorage used here. */
export type SafeStorageLike = Pick<typeof safeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * Seals with safeStorage when it really protects: it reports unavailable before ready, and on
 * Linux without a keyring it falls back to 'basic_text', a hard-coded password — no better
 * than the bare file, so then there is no protector. Call after app ready.
 */
export function safeStorageProtector(storage: SafeStorageLike, platform: NodeJS.Platform): SecretProtector | null {
  if (!storage.isEncryptionAvailable()) return null;
  const backend = platform === 'linux' ? storage.getSelectedStorageBackend() : null;
  if (backend === 'basic_text' || backend === 'unknown') return null;
  return {
    kind: backend === null ? 'safeStorage' : `safeStorage (${backend})`,
    // safeStorage seals strings; the secret crosses as base64.
    protect: (secret) => new Uint8Array(storage.encryptString(Buffer.from(secret).toString('base64'))),
    unprotect: (sealed) => new Uint8Array(Buffer.from(storage.decryptString(Buffer.from(sealed)), 'base64')),
  };
}

/**
 * Where and how the desktop app keeps the team-share secret. On Windows the key file goes to
 * the local app data folder (%LOCALAPPDATA%\Veil), which does not roam with the profile as
 * userData (%APPDATA%) does; everywhere it is sealed with safeStorage when that protects.
 */
export function desktopTeamShareSecretOptions(
  storage: SafeStorageLike,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  homeDir: string,
): TeamShareSecretOptions {
  const protector = safeStorageProtector(storage, platform);
  const keyDir = platform === 'win32' ? join(env['LOCALAPPDATA'] ?? join(homeDir, 'AppData', 'Local'), APP_DIR_NAME) : undefined;
  return { ...(protector ? { protector } : {}), ...(keyDir ? { keyDir } : {}) };
}
