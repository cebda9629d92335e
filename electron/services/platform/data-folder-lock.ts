import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { processStartToken } from './process-start.js';

/**
 * One writer per data folder. The ledger, settings and break state assume a single
 * process appends and renames in the folder; two Veils (the desktop app and a browser
 * host, or two hosts) would interleave journal lines and undo each other's renames.
 * Electron's single-instance lock covers two desktop apps only; this file covers the rest.
 */
export const LOCK_FILE_NAME = 'veil.lock';

export type LockHost = 'browser' | 'electron';

const LockContentSchema = z
  .object({
    pid: z.number().int().positive(),
    startedAtMs: z.number().finite().nonnegative(),
    host: z.enum(['browser', 'electron']),
    /** Names this run of the process (process-start.ts), so a pid reused by another program is told apart. Absent in older locks. */
    processStart: z.string().min(1).optional(),
  })
  .strict();
export type LockContent = z.infer<typeof LockContentSchema>;

/** Why the lock found in the folder was taken over. */
export type StaleLock =
  { reason: 'process-gone'; holder: LockContent } | { reason: 'pid-reused'; holder: LockContent } | { reason: 'unreadable'; detail: string };

export interface DataFolderLock {
  readonly lockPath: string;
  readonly content: LockContent;
  /** Set when a lock left by a Veil that no longer runs (or an unreadable one) was replaced: tell the user. */
  readonly recoveredStale: StaleLock | null;
  /** Removes the lock file if it is still ours; safe to call twice. Synchronous, so it can run in an exit handler. */
  release(): void;
}

export interface AcquireOptions {
  pid: number;
  /** Epoch ms, written into the lock for the message another Veil shows. */
  nowMs: number;
  host: LockHost;
  /** Default: `process.kill(pid, 0)` (ESRCH → gone; EPERM → alive under another user). */
  isProcessAlive?: (pid: number) => boolean;
  /** Default: processStartToken (process-start.ts). Null means the platform cannot tell. */
  processStartToken?: (pid: number) => string | null;
  /** Default true: the lock is removed when this process exits (not on SIGKILL or power loss: that is what stale recovery is for). */
  releaseOnExit?: boolean;
  /** Default `veil.lock`; a case workspace locks its own database with `<database name>.lock` beside it. */
  fileName?: string;
}

/** Another Veil that is still running holds the folder. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly holder: LockContent,
    readonly lockPath: string,
  ) {
    const what = holder.host === 'electron' ? 'the desktop app' : 'a browser host';
    const since = new Date(holder.startedAtMs).toISOString();
    super(
      `This data folder is in use by another Veil (process ${holder.pid}, ${what}, started ${since}). ` +
        `Close that Veil first, or use another data folder. If no Veil is running, delete ${lockPath}.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** `process.kill(pid, 0)` sends nothing; it only asks whether the process exists. */
export function isProcessAliveByKill(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH';
  }
}

type ReadLock = { ok: true; content: LockContent; bytes: Buffer } | { ok: false; detail: string; bytes: Buffer } | { ok: 'missing' };

function readLock(lockPath: string): ReadLock {
  let bytes: Buffer;
  try {
    bytes = readFileSync(lockPath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { ok: 'missing' };
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, detail: `${bytes.length} bytes that are not JSON`, bytes };
  }
  const parsed = LockContentSchema.safeParse(value);
  if (!parsed.success) return { ok: false, detail: `not a Veil lock (${parsed.error.issues[0]?.message ?? 'invalid'})`, bytes };
  return { ok: true, content: parsed.data, bytes };
}

function writeWhole(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  fsyncSync(fd);
}

/**
 * Creates the lock file only if none exists. The content is written to a private temp file
 * first and hard-linked into place, so the name never appears empty or half written (a
 * reader would take such a file for garbage and steal a live lock). Where hard links are not
 * supported (FAT, some shares) it falls back to an exclusive create ('wx') and a write.
 */
function createExclusive(lockPath: string, bytes: Uint8Array): boolean {
  const tempPath = `${lockPath}.${randomBytes(6).toString('hex')}.tmp`;
  const tempFd = openSync(tempPath, 'wx');
  try {
    writeWhole(tempFd, bytes);
  } finally {
    closeSync(tempFd);
  }
  try {
    linkSync(tempPath, lockPath);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
    return createWithOpenExclusive(lockPath, bytes);
  } finally {
    unlinkSync(tempPath);
  }
}

function createWithOpenExclusive(lockPath: string, bytes: Uint8Array): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeWhole(fd, bytes);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale lock out of the way with one atomic rename, then checks that what moved is
 * the stale lock judged a moment ago. If another Veil replaced it meanwhile (it raced us to
 * the same recovery and won), its fresh lock is linked back and the caller looks again.
 */
function removeStale(lockPath: string, judged: Buffer): void {
  const asidePath = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
  try {
    renameSync(lockPath, asidePath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // someone else removed it: look again
    throw error;
  }
  try {
    if (!readFileSync(asidePath).equals(judged)) linkSync(asidePath, lockPath);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  } finally {
    unlinkSync(asidePath);
  }
}

/**
 * Takes the data folder for this process by creating `<dataDir>/veil.lock` holding
 * {pid, startedAtMs, host}. A lock whose process no longer runs (a crash, a power cut),
 * or one that cannot be read, is stale: it is replaced and `recoveredStale` says so.
 * A lock held by a running process throws DataFolderInUseError. A lock naming this very
 * pid is stale too: it was left by an earlier process (pids repeat, in containers often), and
 * so is one whose pid now names another run of a process (the lock records which run took it).
 * Synchronous: it runs once at start-up, before anything else touches the folder.
 */
export function acquireDataFolderLock(dataDir: string, options: AcquireOptions): DataFolderLock {
  const isProcessAlive = options.isProcessAlive ?? isProcessAliveByKill;
  const startToken = options.processStartToken ?? ((pid: number) => processStartToken(pid));
  const lockPath = join(dataDir, options.fileName ?? LOCK_FILE_NAME);
  const ownStart = startToken(options.pid);
  const content: LockContent = {
    pid: options.pid,
    startedAtMs: Math.round(options.nowMs),
    host: options.host,
    ...(ownStart === null ? {} : { processStart: ownStart }),
  };
  const bytes = Buffer.from(`${JSON.stringify(content)}\n`);
  let recoveredStale: StaleLock | null = null;

  // A few rounds at most: each lost race means another Veil made progress.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (createExclusive(lockPath, bytes)) return heldLock(lockPath, content, bytes, recoveredStale, options.releaseOnExit ?? true);
    const found = readLock(lockPath);
    if (found.ok === 'missing') continue;
    if (found.ok === true) {
      const holder = found.content;
      const judged = judgeHolder(holder, options.pid, isProcessAlive, startToken);
      if (judged === 'running') throw new DataFolderInUseError(holder, lockPath);
      recoveredStale = { reason: judged, holder };
    } else {
      recoveredStale = { reason: 'unreadable', detail: found.detail };
    }
    removeStale(lockPath, found.bytes);
  }
  throw new Error(`could not take the data folder lock ${lockPath}: other processes keep replacing it`);
}

/**
 * Whether the Veil named in a lock still runs. A live pid is not enough: after a crash or a
 * reboot the pid may belong to another program by now. When the lock recorded which run of
 * the process took it and the OS names a different run for that pid now, the lock is stale.
 */
function judgeHolder(
  holder: LockContent,
  ownPid: number,
  isProcessAlive: (pid: number) => boolean,
  startToken: (pid: number) => string | null,
): 'running' | 'process-gone' | 'pid-reused' {
  if (holder.pid === ownPid || !isProcessAlive(holder.pid)) return 'process-gone';
  if (holder.processStart === undefined) return 'running';
  const now = startToken(holder.pid);
  return now !== null && now !== holder.processStart ? 'pid-reused' : 'running';
}

function heldLock(lockPath: string, content: LockContent, bytes: Buffer, recoveredStale: StaleLock | null, releaseOnExit: boolean): DataFolderLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', releaseAtExit);
    try {
      // Never remove a lock that is no longer ours (taken over as stale after we froze, say).
      if (readFileSync(lockPath).equals(bytes)) unlinkSync(lockPath);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  };
  // At exit nobody can act on an error; a lock left behind is recovered as stale next time.
  const releaseAtExit = (): void => {
    try {
      release();
    } catch (error) {
      console.error(`could not remove ${lockPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (releaseOnExit) process.once('exit', releaseAtExit);
  return { lockPath, content, recoveredStale, release };
}

/** One line for a log or a console: what was recovered. */
export function describeStaleLock(stale: StaleLock): string {
  if (stale.reason === 'unreadable') return `an unreadable lock file was replaced (${stale.detail})`;
  const since = new Date(stale.holder.startedAtMs).toISOString();
  if (stale.reason === 'pid-reused') {
    return `a lock left by Veil process ${stale.holder.pid} (started ${since}) was replaced: that process id now belongs to another program`;
  }
  return `a lock left by Veil process ${stale.holder.pid} (started ${since}), which is no longer running, was replaced`;
}
