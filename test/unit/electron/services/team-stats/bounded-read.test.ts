import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAtMost } from '../../../../../electron/services/team-stats/bounded-read.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'veil-bounded-read-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function readFileAtMost(content: Buffer, expectedBytes: number, limitBytes: number): Promise<{ bytes: Buffer; overLimit: boolean }> {
  const filePath = path.join(dir, 'file');
  writeFileSync(filePath, content);
  const handle = await open(filePath, 'r');
  try {
    return await readAtMost(handle, expectedBytes, limitBytes);
  } finally {
    await handle.close();
  }
}

describe('readAtMost', () => {
  const content = Buffer.from(Array.from({ length: 500 }, (_, i) => i % 251));

  it('reads a file of the expected size whole', async () => {
    expect(await readFileAtMost(content, 500, 1000)).toEqual({ bytes: content, overLimit: false });
  });

  it('reads all of a file that grew after its size was taken, while under the limit', async () => {
    expect(await readFileAtMost(content, 10, 1000)).toEqual({ bytes: content, overLimit: false });
  });

  it('stops one byte past the limit when a file grew beyond it, whatever its size said', async () => {
    const { bytes, overLimit } = await readFileAtMost(content, 10, 100);
    expect(overLimit).toBe(true);
    expect(bytes).toHaveLength(101);
    expect(bytes).toEqual(content.subarray(0, 101));
  });

  it('reads a file exactly at the limit as within it', async () => {
    expect(await readFileAtMost(content, 500, 500)).toEqual({ bytes: content, overLimit: false });
  });

  it('reads what is there when a file shrank after its size was taken, and an empty file as empty', async () => {
    expect(await readFileAtMost(content, 5000, 10_000)).toEqual({ bytes: content, overLimit: false });
    expect(await readFileAtMost(Buffer.alloc(0), 0, 100)).toEqual({ bytes: Buffer.alloc(0), overLimit: false });
  });
});
