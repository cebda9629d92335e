import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHasher } from '../../../../../electron/services/case/hash-file.js';
import { createReadGate, type ReadGate } from '../../../../../electron/services/case/read-gate.js';

/** Enters `count` readers at once and returns which ones got in (by index) once pending work has settled. */
async function admitted(gate: ReadGate, count: number): Promise<{ inside: number[]; entries: Promise<void>[] }> {
  const inside: number[] = [];
  const entries = Array.from({ length: count }, (_, i) => gate.enter().then(() => void inside.push(i)));
  await Promise.resolve();
  await Promise.resolve();
  return { inside, entries };
}

describe('createReadGate', () => {
  it('reads the first screen files one at a time, in the order they came, then lets the rest through together', async () => {
    const gate = createReadGate({ firstScreenFiles: 2, picturesInFlight: () => false });
    const { inside, entries } = await admitted(gate, 5);
    expect(inside).toEqual([0]);
    gate.leave();
    await entries[1];
    expect(inside).toEqual([0, 1]);
    // The second first-screen file has not ended: nothing else yet.
    await Promise.resolve();
    expect(inside).toEqual([0, 1]);
    gate.leave();
    await Promise.all(entries);
    expect(inside).toEqual([0, 1, 2, 3, 4]);
  });

  it('goes back to one file at a time while pictures are being made, and opens up again when they are done', async () => {
    let pictures = false;
    const gate = createReadGate({ firstScreenFiles: 0, picturesInFlight: () => pictures });
    const first = await admitted(gate, 3);
    await Promise.all(first.entries);
    expect(first.inside).toEqual([0, 1, 2]);
    pictures = true;
    const second = await admitted(gate, 3);
    // Three files are still being read: none more starts while pictures are made.
    expect(second.inside).toEqual([]);
    gate.leave();
    gate.leave();
    await Promise.resolve();
    expect(second.inside).toEqual([]);
    gate.leave();
    await second.entries[0];
    expect(second.inside).toEqual([0]);
    pictures = false;
    gate.leave();
    await Promise.all(second.entries);
    expect(second.inside).toEqual([0, 1, 2]);
  });

  it('lets a waiting reader withdraw when its import is cancelled, without holding up the others', async () => {
    const gate = createReadGate({ firstScreenFiles: 10, picturesInFlight: () => false });
    await gate.enter();
    const controller = new AbortController();
    const cancelled = gate.enter(controller.signal);
    const next = gate.enter();
    controller.abort(new Error('cancelled'));
    await expect(cancelled).rejects.toThrow('cancelled');
    gate.leave();
    await expect(next).resolves.toBeUndefined();
  });
});

describe('createFileHasher with a read gate', () => {
  it('waits for its turn before opening a file and gives the turn back after, even when the read fails', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'veil-gate-'));
    try {
      const filePath = path.join(dir, 'a.bin');
      writeFileSync(filePath, 'hello');
      const gate = createReadGate({ firstScreenFiles: 100, picturesInFlight: () => false });
      const hashFile = createFileHasher(gate);
      const scratch = { buffer: Buffer.alloc(1000), headBuffer: new Uint8Array(8) };
      await gate.enter();
      let hashed = false;
      const hashing = hashFile(filePath, scratch).then((result) => {
        hashed = true;
        return result;
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(hashed).toBe(false);
      gate.leave();
      expect((await hashing).sizeBytes).toBe(5);
      await expect(hashFile(path.join(dir, 'missing.bin'), scratch)).rejects.toMatchObject({ code: 'vanished' });
      // Both turns were given back: a reader gets in at once.
      await expect(gate.enter()).resolves.toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
