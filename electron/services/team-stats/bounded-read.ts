import type { FileHandle } from 'node:fs/promises';

/** Later chunks when a file turns out longer than its size said (it is growing as we read). */
const GROWTH_CHUNK_BYTES = 64 * 1024;

/**
 * Reads a file from its start until its end or until more than `limitBytes` were read,
 * whichever comes first, so a file that grows while it is read (or lies about its size)
 * can never make Veil hold more than `limitBytes + 1` bytes of it.
 *
 * `expectedBytes` (the size from fstat) sizes the first read: a normal file is read in
 * one call into one buffer of exactly its size plus one byte (the extra byte tells growth).
 * Returns the bytes read and whether the limit was passed (then the bytes are a prefix).
 */
export async function readAtMost(handle: FileHandle, expectedBytes: number, limitBytes: number): Promise<{ bytes: Buffer; overLimit: boolean }> {
  const cap = limitBytes + 1;
  const chunks: Buffer[] = [];
  let total = 0;
  let chunkBytes = Math.max(1, Math.min(cap, expectedBytes + 1));
  while (total < cap) {
    const buffer = Buffer.allocUnsafe(Math.min(chunkBytes, cap - total));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, total + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    chunks.push(filled === buffer.length ? buffer : buffer.subarray(0, filled));
    total += filled;
    if (filled < buffer.length) break;
    chunkBytes = GROWTH_CHUNK_BYTES;
  }
  const bytes = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total);
  return { bytes, overLimit: total > limitBytes };
}
