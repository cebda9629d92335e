import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileHasher, FileReadError } from '../../../../../electron/services/case/hash-file.js';
import { seededBytes } from '../../../../fixtures/synthetic-media.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'veil-hash-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function digest(algorithm: 'md5' | 'sha1' | 'sha256', bytes: Buffer): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

const isWindows = process.platform === 'win32';
const isRoot = process.getuid?.() === 0;

describe('createFileHasher', () => {
  it.each([0, 1, 999, 1000, 1001, 3000, 10_007])(
    'digests a %i-byte file read in 1000-byte chunks (MD5, SHA-1, SHA-256) exactly as hashing it whole',
    async (sizeBytes) => {
      const content = seededBytes(sizeBytes, sizeBytes);
      const filePath = path.join(dir, 'file.bin');
      writeFileSync(filePath, content);
      const chunks: number[] = [];
      const result = await createFileHasher(undefined, ['md5', 'sha1'])(filePath, {
        buffer: Buffer.alloc(1000),
        headBuffer: new Uint8Array(64),
        onBytes: (n) => chunks.push(n),
      });
      expect(result).toMatchObject({ md5: digest('md5', content), sha1: digest('sha1', content), sha256: digest('sha256', content) });
      const sha256Only = await createFileHasher()(filePath, { buffer: Buffer.alloc(1000), headBuffer: new Uint8Array(64) });
      expect(sha256Only).toMatchObject({ md5: null, sha1: null, sha256: digest('sha256', content) });
      expect(result.sizeBytes).toBe(sizeBytes);
      expect(Buffer.from(result.head)).toEqual(content.subarray(0, 64));
      // Streamed: no read is larger than the buffer, and the reads add up to the file.
      expect(Math.max(0, ...chunks)).toBeLessThanOrEqual(1000);
      expect(chunks.reduce((a, b) => a + b, 0)).toBe(sizeBytes);
    },
  );

  it('reports a missing file as vanished', async () => {
    await expect(createFileHasher()(path.join(dir, 'gone.jpg'), { buffer: Buffer.alloc(64), headBuffer: new Uint8Array(16) })).rejects.toMatchObject({
      code: 'vanished',
    });
  });

  it.skipIf(isWindows)('refuses to follow a link even if the walk saw a file there', async () => {
    writeFileSync(path.join(dir, 'target.jpg'), 'secret');
    symlinkSync(path.join(dir, 'target.jpg'), path.join(dir, 'link.jpg'));
    const error: unknown = await createFileHasher()(path.join(dir, 'link.jpg'), { buffer: Buffer.alloc(64), headBuffer: new Uint8Array(16) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileReadError);
    expect(error).toMatchObject({ code: 'symlink-skipped' });
  });

  it.skipIf(isWindows)('refuses a named pipe without waiting for a writer (which would hang the import)', async () => {
    const pipePath = path.join(dir, 'pipe.jpg');
    execFileSync('mkfifo', [pipePath]);
    await expect(createFileHasher()(pipePath, { buffer: Buffer.alloc(64), headBuffer: new Uint8Array(16) })).rejects.toMatchObject({
      code: 'unsupported-format',
    });
  });

  // As root (these tests usually are) permission bits do not deny reads; this runs for a normal user.
  it.skipIf(isRoot || isWindows)('reports a file it may not read as unreadable', async () => {
    const filePath = path.join(dir, 'locked.jpg');
    writeFileSync(filePath, 'x');
    chmodSync(filePath, 0o000);
    await expect(createFileHasher()(filePath, { buffer: Buffer.alloc(64), headBuffer: new Uint8Array(16) })).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('stops between chunks when aborted', async () => {
    const filePath = path.join(dir, 'big.bin');
    writeFileSync(filePath, seededBytes(3, 50_000));
    const controller = new AbortController();
    let chunksRead = 0;
    const reading = createFileHasher()(filePath, {
      buffer: Buffer.alloc(1000),
      headBuffer: new Uint8Array(16),
      signal: controller.signal,
      onBytes: () => {
        chunksRead += 1;
        controller.abort();
      },
    });
    await expect(reading).rejects.toThrow(/abort/i);
    expect(chunksRead).toBe(1);
  });
});
