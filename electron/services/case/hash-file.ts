import { createHash } from 'node:crypto';
import fs, { constants } from 'node:fs';
import type { MediaErrorCode } from '../../../shared/case/media-item.js';
import { errorCode } from './error-code.js';
import type { ReadGate } from './read-gate.js';

/** Read size per call: large enough for disk throughput, small enough that hashing one chunk blocks the loop for about a millisecond. */
export const READ_CHUNK_BYTES = 1024 * 1024;

export interface HashedFile {
  sizeBytes: number;
  /** The modification time when the file was opened, in epoch milliseconds: a later change moves it (the workspace keeps it to skip unchanged files). */
  mtimeMs: number;
  /** Status change time, inode and device from the same fstat: a chmod, a rewrite with the time set back, or another drive at the path moves one of them. */
  ctimeMs: number;
  ino: number;
  dev: number;
  /**
   * MD5 and SHA-1 of the whole content, lower-case hex, when asked for (known-material hash
   * sets list files by these); null otherwise.
   */
  md5: string | null;
  sha1: string | null;
  /** SHA-256 of the whole content, lower-case hex. */
  sha256: string;
  /** The first bytes (up to the head buffer's length), for format sniffing; a view of `headBuffer`. */
  head: Uint8Array;
}

/** A file that could not be read, with the problem code the import lists it under. */
export class FileReadError extends Error {
  constructor(
    readonly code: Extract<MediaErrorCode, 'vanished' | 'unreadable' | 'symlink-skipped' | 'unsupported-format'>,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'FileReadError';
  }
}

export interface HashFileOptions {
  /** Scratch space for reads, reused across files by one worker; its length is the chunk size. */
  buffer: Buffer;
  /** Receives the first bytes; its length is how many. Reused too, so the result's `head` is valid only until the next call. */
  headBuffer: Uint8Array;
  signal?: AbortSignal;
  /** Called after each chunk with the bytes just read, so progress moves during a long video. */
  onBytes?: (bytes: number) => void;
}

/** Digests a read may compute beside SHA-256, which it always computes (identical files are found by it). */
export type ExtraDigest = 'md5' | 'sha1';

const { O_RDONLY } = constants;
// Not defined on Windows; 0 leaves the flag out.
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const O_NOATIME = constants.O_NOATIME ?? 0;

/**
 * Reads a file once, front to back, computing its MD5, SHA-1 and SHA-256 (evidence is read once, never again per digest) and keeping its first
 * bytes for sniffing — one open per file. Evidence is never changed:
 * - opened read-only, with O_NOFOLLOW (a file swapped for a link after the walk is
 *   refused, not followed) and O_NONBLOCK (a file swapped for a named pipe cannot
 *   hang the import; it is then refused as not a regular file);
 * - with O_NOATIME where the system allows it (Linux, when Veil's user owns the
 *   files), so reading does not even change the last-access time forensic tools show.
 * Memory stays at one chunk per call whatever the file size (the caller's buffer;
 * a descriptor read loop rather than createReadStream, which allocates a buffer per chunk).
 *
 * Returns a function because whether O_NOATIME is permitted is learnt once, on the first EPERM.
 * With a `gate`, each file waits its turn there before it is opened (see read-gate.ts).
 * `extraDigests` are computed in the same read; each costs CPU on every file (MD5 more than
 * SHA-256 itself), so only what something uses is asked for.
 */
export function createFileHasher(
  gate?: ReadGate,
  extraDigests: readonly ExtraDigest[] = [],
): (absolutePath: string, options: HashFileOptions) => Promise<HashedFile> {
  const wantsMd5 = extraDigests.includes('md5');
  const wantsSha1 = extraDigests.includes('sha1');
  let noAtimeFlag = O_NOATIME;

  async function openReadOnly(absolutePath: string): Promise<number> {
    const flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
    if (noAtimeFlag !== 0) {
      try {
        return await openAsync(absolutePath, flags | noAtimeFlag);
      } catch (error) {
        if (errorCode(error) !== 'EPERM') throw error;
        noAtimeFlag = 0;
      }
    }
    return openAsync(absolutePath, flags);
  }

  return async function hashFile(absolutePath, options) {
    options.signal?.throwIfAborted();
    if (!gate) return hashOpened(absolutePath, options);
    await gate.enter(options.signal);
    try {
      return await hashOpened(absolutePath, options);
    } finally {
      gate.leave();
    }
  };

  async function hashOpened(absolutePath: string, { buffer, headBuffer, signal, onBytes }: HashFileOptions): Promise<HashedFile> {
    let fd: number;
    try {
      fd = await openReadOnly(absolutePath);
    } catch (error) {
      throw readError(error);
    }
    try {
      const stats = await fstatAsync(fd);
      if (!stats.isFile()) throw new FileReadError('unsupported-format', 'No longer a regular file; it was not read.');
      const sha256Hash = createHash('sha256');
      const md5Hash = wantsMd5 ? createHash('md5') : null;
      const sha1Hash = wantsSha1 ? createHash('sha1') : null;
      const hashes = [sha256Hash, md5Hash, sha1Hash].filter((hash) => hash !== null);
      const headBytes = headBuffer.length;
      let headLength = 0;
      let position = 0;
      for (;;) {
        signal?.throwIfAborted();
        const bytesRead = await readAsync(fd, buffer, position);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        for (const hash of hashes) hash.update(chunk);
        if (headLength < headBytes) {
          const take = Math.min(headBytes - headLength, bytesRead);
          headBuffer.set(chunk.subarray(0, take), headLength);
          headLength += take;
        }
        position += bytesRead;
        onBytes?.(bytesRead);
        // A short read at or past the size seen at open is the end (saves one more trip to the thread pool per small file).
        if (bytesRead < buffer.length && position >= stats.size) break;
      }
      return {
        sizeBytes: position,
        mtimeMs: stats.mtimeMs,
        ctimeMs: stats.ctimeMs,
        ino: stats.ino,
        dev: stats.dev,
        md5: md5Hash?.digest('hex') ?? null,
        sha1: sha1Hash?.digest('hex') ?? null,
        sha256: sha256Hash.digest('hex'),
        head: headBuffer.subarray(0, headLength),
      };
    } catch (error) {
      throw error instanceof FileReadError || signal?.aborted ? error : readError(error);
    } finally {
      await closeAsync(fd).catch(() => undefined);
    }
  }
}

/*
 * Plain descriptors through the callback API rather than fs/promises FileHandles:
 * a FileHandle is a heavier object with a GC-tracked close check, and at 100,000
 * files that garbage showed up as long scavenge pauses on the main loop.
 */
function openAsync(filePath: string, flags: number): Promise<number> {
  return new Promise((resolve, reject) => fs.open(filePath, flags, (error, fd) => (error ? reject(error) : resolve(fd))));
}

function fstatAsync(fd: number): Promise<fs.Stats> {
  return new Promise((resolve, reject) => fs.fstat(fd, (error, stats) => (error ? reject(error) : resolve(stats))));
}

function readAsync(fd: number, buffer: Buffer, position: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buffer, 0, buffer.length, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))));
}

function closeAsync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.close(fd, (error) => (error ? reject(error) : resolve())));
}

function readError(error: unknown): FileReadError {
  const code = errorCode(error);
  if (code === 'ENOENT') return new FileReadError('vanished', 'The file was removed while the case was being opened.');
  // O_NOFOLLOW on a link fails with ELOOP (Linux, macOS) or EMLINK (FreeBSD).
  if (code === 'ELOOP' || code === 'EMLINK')
    return new FileReadError('symlink-skipped', 'The file became a link while the case was being opened; it was not followed.');
  return new FileReadError('unreadable', `The file could not be read (${code}).`);
}
