import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processStartToken } from '../../../../../electron/services/platform/process-start.js';
import {
  acquireDataFolderLock,
  DataFolderInUseError,
  describeStaleLock,
  isProcessAliveByKill,
  LOCK_FILE_NAME,
  type AcquireOptions,
} from '../../../../../electron/services/platform/data-folder-lock.js';

const NOW_MS = Date.UTC(2026, 10, 30, 9, 0, 0);
const OTHER_PID = 4242;

let dataDir = '';
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'veil-lock-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const lockPath = (): string => join(dataDir, LOCK_FILE_NAME);
const readLockJson = (): unknown => JSON.parse(readFileSync(lockPath(), 'utf8'));

function acquire(overrides: Partial<AcquireOptions> = {}) {
  return acquireDataFolderLock(dataDir, {
    pid: 1000,
    nowMs: NOW_MS,
    host: 'browser',
    releaseOnExit: false,
    isProcessAlive: () => true,
    processStartToken: () => null,
    ...overrides,
  });
}

function writeLock(content: unknown): void {
  writeFileSync(lockPath(), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('acquireDataFolderLock', () => {
  it('creates veil.lock holding pid, start time and host, and leaves nothing else', () => {
    const lock = acquire({ host: 'electron' });
    expect(readLockJson()).toEqual({ pid: 1000, startedAtMs: NOW_MS, host: 'electron' });
    expect(lock.recoveredStale).toBeNull();
    expect(readdirSync(dataDir)).toEqual([LOCK_FILE_NAME]);
  });

  it('refuses while the holder runs, naming its process, and leaves its lock alone', () => {
    writeLock({ pid: OTHER_PID, startedAtMs: NOW_MS - 60_000, host: 'electron' });
    const before = readFileSync(lockPath());
    let thrown: unknown;
    try {
      acquire({ isProcessAlive: (pid) => pid === OTHER_PID });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataFolderInUseError);
    expect(String(thrown)).toMatch(/This data folder is in use by another Veil \(process 4242, the desktop app/);
    expect((thrown as DataFolderInUseError).holder.pid).toBe(OTHER_PID);
    expect(readFileSync(lockPath())).toEqual(before);
    expect(readdirSync(dataDir)).toEqual([LOCK_FILE_NAME]);
  });

  it('takes over a lock whose process is gone, and says whose it was', () => {
    writeLock({ pid: OTHER_PID, startedAtMs: NOW_MS - 3_600_000, host: 'browser' });
    const asked: number[] = [];
    const lock = acquire({ isProcessAlive: (pid) => (asked.push(pid), false) });
    expect(asked).toEqual([OTHER_PID]);
    expect(lock.recoveredStale).toEqual({ reason: 'process-gone', holder: { pid: OTHER_PID, startedAtMs: NOW_MS - 3_600_000, host: 'browser' } });
    expect(describeStaleLock(lock.recoveredStale!)).toMatch(/process 4242 .* no longer running/);
    expect(readLockJson()).toEqual({ pid: 1000, startedAtMs: NOW_MS, host: 'browser' });
    expect(readdirSync(dataDir)).toEqual([LOCK_FILE_NAME]);
  });

  it.each([
    ['empty', ''],
    ['NUL bytes', '\0'.repeat(64)],
    ['cut off', '{"pid":42,"startedAt'],
    ['another shape', JSON.stringify({ pid: -3, host: 'toaster' })],
  ])('takes over an unreadable (%s) lock without asking whether a process lives', (_label, content) => {
    writeLock(content);
    const lock = acquire({ isProcessAlive: () => expect.unreachable('no pid to ask about') });
    expect(lock.recoveredStale).toMatchObject({ reason: 'unreadable' });
    expect(readLockJson()).toMatchObject({ pid: 1000 });
  });

  it('treats a lock naming its own pid as left by an earlier process (pids repeat)', () => {
    writeLock({ pid: 1000, startedAtMs: NOW_MS - 86_400_000, host: 'browser' });
    const lock = acquire({ isProcessAlive: () => true });
    expect(lock.recoveredStale).toMatchObject({ reason: 'process-gone', holder: { pid: 1000 } });
    expect(readLockJson()).toEqual({ pid: 1000, startedAtMs: NOW_MS, host: 'browser' });
  });

  it('release() removes the lock so the next Veil starts without a notice, and is safe twice', () => {
    acquire().release();
    expect(readdirSync(dataDir)).toEqual([]);
    const next = acquire({ pid: 2000 });
    expect(next.recoveredStale).toBeNull();
    next.release();
    next.release();
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('release() leaves alone a lock that another Veil has taken over meanwhile', () => {
    const first = acquire({ pid: 1000 });
    // Say this process froze and a second Veil judged its lock stale.
    const second = acquire({ pid: 2000, isProcessAlive: () => false });
    first.release();
    expect(readLockJson()).toMatchObject({ pid: 2000 });
    second.release();
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('after one Veil takes over a stale lock, the next one to look is refused', () => {
    writeLock({ pid: OTHER_PID, startedAtMs: 0, host: 'browser' });
    const alive = (asked: number): boolean => asked !== OTHER_PID;
    const first = acquire({ pid: 1000, isProcessAlive: alive });
    expect(first.recoveredStale).toMatchObject({ reason: 'process-gone' });
    expect(() => acquire({ pid: 2000, isProcessAlive: alive })).toThrow(DataFolderInUseError);
    expect(readLockJson()).toMatchObject({ pid: 1000 });
  });

  it('of two Veils that both judged the same lock stale, the slower one puts the winner’s lock back and is refused', () => {
    writeLock({ pid: OTHER_PID, startedAtMs: 0, host: 'browser' });
    let winner: ReturnType<typeof acquire> | null = null;
    const slower = () =>
      acquire({
        pid: 2000,
        isProcessAlive: (asked) => {
          // The slower Veil has read the stale lock; the other takes over before it acts.
          if (asked === OTHER_PID && winner === null) winner = acquire({ pid: 1000, isProcessAlive: (pid) => pid !== OTHER_PID });
          return asked !== OTHER_PID;
        },
      });
    expect(slower).toThrow(/process 1000/);
    expect(winner).not.toBeNull();
    expect(readLockJson()).toMatchObject({ pid: 1000 });
    expect(readdirSync(dataDir)).toEqual([LOCK_FILE_NAME]);
  });

  it('removes the lock when the process exits normally', () => {
    const modulePath = join(import.meta.dirname, '../../../../../electron/services/platform/data-folder-lock.ts');
    const script = `import { existsSync } from 'node:fs';
      import { acquireDataFolderLock } from ${JSON.stringify(modulePath)};
      acquireDataFolderLock(${JSON.stringify(dataDir)}, { pid: process.pid, nowMs: Date.now(), host: 'browser' });
      console.log(existsSync(${JSON.stringify(lockPath())}) ? 'held' : 'missing');`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('held');
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('isProcessAliveByKill', () => {
  it('knows this process is alive and a finished one is not', () => {
    expect(isProcessAliveByKill(process.pid)).toBe(true);
    const finished = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    expect(isProcessAliveByKill(Number(finished.stdout.trim()))).toBe(false);
  });

  it('records which run of the process holds the lock', () => {
    acquire({ processStartToken: (pid) => `run-of-${pid}` });
    expect(readLockJson()).toEqual({ pid: 1000, startedAtMs: NOW_MS, host: 'browser', processStart: 'run-of-1000' });
  });

  it('takes over a lock whose process id now belongs to another program, and says so', () => {
    writeLock({ pid: OTHER_PID, startedAtMs: NOW_MS - 60_000, host: 'electron', processStart: 'the-crashed-veil' });
    const lock = acquire({ isProcessAlive: () => true, processStartToken: (pid) => (pid === OTHER_PID ? 'an-unrelated-program' : 'me') });
    expect(lock.recoveredStale).toMatchObject({ reason: 'pid-reused', holder: { pid: OTHER_PID } });
    expect(describeStaleLock(lock.recoveredStale ?? { reason: 'unreadable', detail: '' })).toMatch(/process id now belongs to another program/);
    expect(readLockJson()).toMatchObject({ pid: 1000, processStart: 'me' });
  });

  it('still refuses when the same run holds the lock, or when the OS cannot say which run it is', () => {
    writeLock({ pid: OTHER_PID, startedAtMs: NOW_MS - 60_000, host: 'electron', processStart: 'the-running-veil' });
    expect(() => acquire({ processStartToken: (pid) => (pid === OTHER_PID ? 'the-running-veil' : 'me') })).toThrow(DataFolderInUseError);
    expect(() => acquire({ processStartToken: () => null })).toThrow(DataFolderInUseError);
  });
});

describe('processStartToken on this machine', () => {
  it('names this process the same way twice and another live process differently', async () => {
    const own = processStartToken(process.pid);
    expect(own).not.toBeNull();
    expect(processStartToken(process.pid)).toBe(own);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      const otherToken = processStartToken(other.pid ?? 0);
      expect(otherToken).not.toBeNull();
      expect(otherToken).not.toBe(own);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('lets a live process whose run differs from the lock be recognised with the real tokens', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      const pid = other.pid ?? 0;
      writeLock({ pid, startedAtMs: NOW_MS, host: 'browser', processStart: `${processStartToken(pid)}-earlier` });
      const lock = acquireDataFolderLock(dataDir, { pid: process.pid, nowMs: NOW_MS, host: 'browser', releaseOnExit: false });
      expect(lock.recoveredStale).toMatchObject({ reason: 'pid-reused' });
      lock.release();
      writeLock({ pid, startedAtMs: NOW_MS, host: 'browser', processStart: processStartToken(pid) });
      expect(() => acquireDataFolderLock(dataDir, { pid: process.pid, nowMs: NOW_MS, host: 'browser', releaseOnExit: false })).toThrow(DataFolderInUseError);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
