import { createHmac, randomBytes } from 'node:crypto';
import { chmod, link, lstat, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCode } from '../case/error-code.js';
import { fileStamp, isAlreadyThere, isLinkUnsupported, replaceFileAtomically, syncDirectory, writeNewFile } from '../platform/durable-write.js';

/**
 * The investigator's team-share secret: 32 random bytes that never leave the data folder.
 * Each weekly summary carries HMAC(secret, week), so a lead can drop a re-export of the
 * same week (same key) while two weeks of one person cannot be linked (unrelated keys).
 */
export const TEAM_SHARE_KEY_FILE_NAME = 'team-share.key';
const TEAM_SHARE_SECRET_BYTES = 32;
/** The HMAC message prefix; versioned so a future key scheme cannot collide with this one. */
const WEEK_KEY_DOMAIN = 'veil.weekly-summary/v1/';

const ISO_WEEK_PATTERN = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const OWNER_ONLY_MODE = 0o600;

export interface TeamShareSecret {
  readonly secret: Uint8Array;
  /** True when this call made the secret (first use, or after keeping a corrupt one aside). */
  readonly created: boolean;
  /**
   * The name a corrupt key file was kept under (its bytes untouched), or null. When set, the
   * weeks exported from now on get keys unrelated to earlier exports of the same weeks, so a
   * re-export of an old week would count twice on the lead's side: tell the investigator.
   */
  readonly keptAsideAs: string | null;
}

/**
 * Seals the secret with a key the OS keeps for this user (Electron's safeStorage: Keychain,
 * DPAPI, libsecret/kwallet), so the key file alone — copied off a share, a backup or a
 * roaming profile — does not give the secret away. `unprotect` throws on bytes it did not seal.
 */
export interface SecretProtector {
  /** For messages: what protects the secret (e.g. 'safeStorage (gnome-libsecret)'). */
  readonly kind: string;
  protect(secret: Uint8Array): Uint8Array;
  unprotect(sealed: Uint8Array): Uint8Array;
}

/** A sealed key file is larger than the bare secret; anything beyond this is not ours. */
const MAX_SEALED_BYTES = 64 * 1024;

export interface TeamShareSecretOptions {
  /** Where the key file lives when not in the data folder (on Windows: the local, non-roaming app data). */
  keyDir?: string;
  /** Seals the key file; without one the bare secret is stored, readable by the owner only. */
  protector?: SecretProtector;
  /** Injected for tests; node:crypto's CSPRNG otherwise. */
  randomBytes?: (sizeBytes: number) => Uint8Array;
  /** For the stamp in a kept-aside file's name (epoch ms). */
  nowMs?: () => number;
}

/**
 * Reads `<dataDir>/team-share.key`, creating it on first use (mode 0600). A file of the
 * wrong length or type is renamed to `team-share.key.corrupt-<stamp>` (bytes preserved) and
 * a new secret is made; the result says so. Two processes starting at once end up with the
 * same secret: the file appears under its name only complete (temp file + hard link, which
 * fails if the name exists), and the loser reads the winner's file.
 */
export async function loadOrCreateTeamShareSecret(dataDir: string, options: TeamShareSecretOptions = {}): Promise<TeamShareSecret> {
  const makeBytes = options.randomBytes ?? ((sizeBytes: number) => new Uint8Array(randomBytes(sizeBytes)));
  const nowMs = options.nowMs ?? Date.now;
  const keyDir = options.keyDir ?? dataDir;
  const protector = options.protector ?? null;
  await mkdir(keyDir, { recursive: true });
  const keyPath = join(keyDir, TEAM_SHARE_KEY_FILE_NAME);
  let keptAsideAs: string | null = null;
  // Two rounds at most: keep a corrupt file aside, then create; a lost creation race re-reads.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const existing = await readExisting(keyPath, protector);
    if (existing.kind === 'bare' && protector !== null) {
      // A key from before protection: seal the same secret in place, so week keys stay the same.
      await sealInPlace(keyDir, existing.secret, protector, fileStamp(nowMs()));
      return { secret: existing.secret, created: false, keptAsideAs };
    }
    if (existing.kind === 'ok' || existing.kind === 'bare') return { secret: existing.secret, created: false, keptAsideAs };
    if (existing.kind === 'corrupt') {
      keptAsideAs = await keepCorruptAside(keyDir, existing.inode, fileStamp(nowMs()));
      continue;
    }
    // A key kept in the data folder before it moved to keyDir goes with its secret.
    if (keyDir !== dataDir && (await adoptMovedKey(dataDir, keyDir, protector, fileStamp(nowMs())))) continue;
    const secret = makeBytes(TEAM_SHARE_SECRET_BYTES);
    if (secret.length !== TEAM_SHARE_SECRET_BYTES) throw new Error(`randomBytes gave ${secret.length} bytes, expected ${TEAM_SHARE_SECRET_BYTES}`);
    const stored = protector === null ? secret : protector.protect(secret);
    if (await createExclusively(keyDir, stored, fileStamp(nowMs()))) return { secret, created: true, keptAsideAs };
  }
  throw new Error(`${keyPath} keeps changing under Veil; is another program writing it?`);
}

/**
 * The key a week's summary carries: HMAC-SHA256(secret, 'veil.weekly-summary/v1/' + isoWeek)
 * as 64 lower-case hex digits. Deterministic for one secret and week; without the secret,
 * keys of different weeks cannot be linked.
 */
export function weekKeyHex(secret: Uint8Array, isoWeek: string): string {
  if (!ISO_WEEK_PATTERN.test(isoWeek)) throw new Error(`not an ISO week (YYYY-Www): ${isoWeek}`);
  if (secret.length !== TEAM_SHARE_SECRET_BYTES) throw new Error(`the team-share secret must be ${TEAM_SHARE_SECRET_BYTES} bytes`);
  return createHmac('sha256', secret)
    .update(WEEK_KEY_DOMAIN + isoWeek, 'utf8')
    .digest('hex');
}

/** 'bare': the unsealed 32 bytes (no protector, or a file from before one was used). */
type Existing = { kind: 'ok' | 'bare'; secret: Uint8Array } | { kind: 'missing' } | { kind: 'corrupt'; inode: number };

async function readExisting(keyPath: string, protector: SecretProtector | null): Promise<Existing> {
  let stats;
  try {
    stats = await lstat(keyPath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  // A link, folder or file of a size Veil never writes is not a secret Veil made; never follow or trust it.
  const sizeOk = stats.size === TEAM_SHARE_SECRET_BYTES || (protector !== null && stats.size > 0 && stats.size <= MAX_SEALED_BYTES);
  if (!stats.isFile() || !sizeOk) return { kind: 'corrupt', inode: stats.ino };
  const bytes = new Uint8Array(await readFile(keyPath));
  // Only the owner may read the secret; repair a mode someone loosened (no-op on Windows).
  if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) await chmod(keyPath, OWNER_ONLY_MODE);
  if (bytes.length === TEAM_SHARE_SECRET_BYTES) return { kind: 'bare', secret: bytes };
  if (protector === null) return { kind: 'corrupt', inode: stats.ino };
  try {
    const secret = protector.unprotect(bytes);
    return secret.length === TEAM_SHARE_SECRET_BYTES ? { kind: 'ok', secret } : { kind: 'corrupt', inode: stats.ino };
  } catch {
    // Sealed by another user or machine, or the OS key is gone: it cannot be opened here.
    return { kind: 'corrupt', inode: stats.ino };
  }
}

/** Replaces the bare key file with the same secret sealed: temp file, sync, rename over it. */
async function sealInPlace(dataDir: string, secret: Uint8Array, protector: SecretProtector, stamp: string): Promise<void> {
  // Owner-only from its first byte: the sealed key is no business of anyone else on the machine.
  await replaceFileAtomically(dataDir, TEAM_SHARE_KEY_FILE_NAME, stamp, protector.protect(secret), { mode: OWNER_ONLY_MODE });
}

/**
 * Moves a key from the data folder to `keyDir` (on Windows the key left the roaming profile
 * for the local app data): the same secret, sealed if a protector is given, so week keys do
 * not change and a week exported before the move is not counted twice; the roaming copy is
 * removed. False when the data folder holds no readable key.
 */
async function adoptMovedKey(dataDir: string, keyDir: string, protector: SecretProtector | null, stamp: string): Promise<boolean> {
  const oldPath = join(dataDir, TEAM_SHARE_KEY_FILE_NAME);
  const old = await readExisting(oldPath, protector);
  if (old.kind !== 'ok' && old.kind !== 'bare') return false;
  // Lost to another Veil creating one at the same moment: the caller reads theirs.
  await createExclusively(keyDir, protector === null ? old.secret : protector.protect(old.secret), stamp);
  await rm(oldPath, { force: true });
  await syncDirectory(dataDir);
  return true;
}

/**
 * Renames the corrupt file aside, but only if the name still holds the file judged corrupt
 * (same inode), so a process that lost a race does not move the other's new secret away.
 */
async function keepCorruptAside(dataDir: string, inode: number, stamp: string): Promise<string | null> {
  const keyPath = join(dataDir, TEAM_SHARE_KEY_FILE_NAME);
  for (let copy = 1; copy < 1000; copy += 1) {
    const asideName = `${TEAM_SHARE_KEY_FILE_NAME}.corrupt-${stamp}${copy === 1 ? '' : `-${copy}`}`;
    try {
      await lstat(join(dataDir, asideName));
      continue;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    try {
      if ((await lstat(keyPath)).ino !== inode) return null;
      await rename(keyPath, join(dataDir, asideName));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    await syncDirectory(dataDir);
    return asideName;
  }
  throw new Error(`no free name to keep ${keyPath} aside`);
}

/**
 * Writes the secret to a private temp file, syncs it, then links it to the key name. The link
 * fails with EEXIST if another process got there first, so the name only ever holds one
 * complete secret. Returns false when the race was lost. File systems without hard links
 * fall back to creating the name directly with `wx`.
 */
async function createExclusively(dataDir: string, secret: Uint8Array, stamp: string): Promise<boolean> {
  const keyPath = join(dataDir, TEAM_SHARE_KEY_FILE_NAME);
  // Random, so concurrent callers (in one process or several) never share a temp file.
  const tempPath = join(dataDir, `${TEAM_SHARE_KEY_FILE_NAME}.tmp-${stamp}-${randomBytes(6).toString('hex')}`);
  await writeNewFile(tempPath, secret, { mode: OWNER_ONLY_MODE });
  try {
    await link(tempPath, keyPath);
  } catch (error) {
    if (isAlreadyThere(error)) return false;
    if (!isLinkUnsupported(error)) throw error;
    try {
      await writeNewFile(keyPath, secret, { mode: OWNER_ONLY_MODE });
    } catch (createError) {
      if (isAlreadyThere(createError)) return false;
      throw createError;
    }
  } finally {
    await rm(tempPath, { force: true });
  }
  await syncDirectory(dataDir);
  return true;
}
