/**
 * One writer per data folder, with the real browser host (dist/host/cli.js): a second host
 * on the same --data is refused while the first runs; a lock left by a host that was
 * SIGKILLed is recovered; a clean quit leaves no lock behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, startTestHost, waitUntil, type RunningTestHost } from './host-process.js';

const HOST_CLI = join(REPO_ROOT, 'dist/host/cli.js');
const hosts: RunningTestHost[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

async function started(options: Parameters<typeof startTestHost>[0] = {}): Promise<RunningTestHost> {
  const host = await startTestHost(options);
  hosts.push(host);
  return host;
}

/** Runs the host CLI to its end (it must refuse), giving its exit status and what it printed. */
function runToExit(dataDir: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOST_CLI, '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // A host that wrongly started must not be left running.
      if (stdout.includes('Veil ready at')) child.kill('SIGTERM');
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

const lockOf = (dataDir: string): { pid: number; startedAtMs: number; host: string } => JSON.parse(readFileSync(join(dataDir, 'veil.lock'), 'utf8'));

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('one Veil per data folder (browser host)', () => {
  it('refuses a second host on a data folder a running host holds, with a clear message and exit status 3', async () => {
    const first = await started();
    const lock = lockOf(first.dataDir);
    expect(lock).toMatchObject({ host: 'browser' });
    const second = await runToExit(first.dataDir);
    expect(second.stdout).not.toContain('Veil ready at');
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`This data folder is in use by another Veil (process ${lock.pid}, a browser host`);
    expect(second.stderr).toContain('--data');
    // The first host is untouched and still serving, its lock unchanged.
    await expect(first.call('getSettings', {})).resolves.toMatchObject({ defaultProfile: { greyscale: true } });
    expect(lockOf(first.dataDir)).toEqual(lock);
  });

  it('removes its lock on a clean quit, so the next host starts without a word about it', async () => {
    const first = await started();
    await first.stop();
    expect(existsSync(join(first.dataDir, 'veil.lock'))).toBe(false);
    const next = await started({ dataDir: first.dataDir });
    expect(next.output.join('\n')).not.toMatch(/lock/i);
  });

  it('recovers the lock of a host killed with SIGKILL, and says so', async () => {
    const first = await started();
    const { pid } = lockOf(first.dataDir);
    process.kill(pid, 'SIGKILL');
    await waitUntil(
      async () => isGone(pid),
      (gone) => gone,
    );
    expect(lockOf(first.dataDir).pid).toBe(pid);
    hosts.splice(hosts.indexOf(first), 1);

    const next = await started({ dataDir: first.dataDir });
    expect(next.output.join('\n')).toContain(`a lock left by Veil process ${pid}`);
    expect(lockOf(first.dataDir).pid).not.toBe(pid);
    await expect(next.call('getSettings', {})).resolves.toMatchObject({ defaultProfile: { greyscale: true } });
  });
});
