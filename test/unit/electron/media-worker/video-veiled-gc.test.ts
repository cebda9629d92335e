import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeVideo } from '../../../fixtures/synthetic-media.js';

const execFileAsync = promisify(execFile);
const LOOP = path.resolve(import.meta.dirname, '../../../fixtures/veiled-gc-loop.ts');

describe('the media worker after veiled videos', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'veil-veiled-gc-'));
    await writeVideo(path.join(dir, 'clip.mp4'), { format: 'mp4', durationS: 2, widthPx: 320, heightPx: 180 });
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('survives garbage collection between videos (node-av crashed in a VP8 encoder finalizer, killing the job in flight)', async () => {
    const run = execFileAsync(process.execPath, ['--expose-gc', '--import', 'tsx', LOOP, path.join(dir, 'clip.mp4'), '4']);
    // Its exit code is not read: a crash in the finalizers run at exit costs a worker nothing.
    const stdout = await run.then(
      (done) => done.stdout,
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    expect(stdout).toContain('survived 4');
  }, 180_000);
});
