import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/settings.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const HOST_CLI = join(REPO_ROOT, 'dist/host/cli.js');
const READY_LINE = /^Veil ready at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))$/;

/** Review settings that give every new case Project VIC US without asking: tests not about the question are not stopped by it. */
export const UNASKED_REVIEW: Settings['review'] = { ...DEFAULT_SETTINGS.review, newCaseScheme: 'vic-us' };

export interface RunningTestHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  output: string[];
  /** How the host process ended, or null while it runs: a dropped connection then says whether the host died, and how. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Calls the contract over HTTP, as the renderer does. */
  call(name: string, args: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Starts the built browser host (`npm run build:nocheck` must have run) and waits for its
 * ready line. A fresh data folder starts past the first-run limits wizard, with no working
 * hours, and gives new cases Project VIC US without asking, unless `firstRun` is set (the
 * wizard has its own test) or `askScheme` (the scheme question has its own).
 */
export async function startTestHost(options: { caseDir?: string; dataDir?: string; firstRun?: boolean; askScheme?: boolean } = {}): Promise<RunningTestHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'veil-e2e-data-'));
  if (!options.dataDir && !options.firstRun) {
    // No working hours either: an after-hours notice would depend on when the tests run.
    const review = options.askScheme ? DEFAULT_SETTINGS.review : UNASKED_REVIEW;
    const settings = { ...DEFAULT_SETTINGS, limitsWizardDone: true, breaks: { ...DEFAULT_SETTINGS.breaks, workingHours: null }, review };
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings));
  }
  const args = [HOST_CLI, '--data', dataDir, '--port', '0'];
  if (options.caseDir) args.push('--case', options.caseDir);
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  child.once('exit', (code, signal) => (exit = { code, signal }));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

  const ready = await new Promise<RegExpMatchArray>((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`host did not get ready:\n${output.join('')}`)), 60_000);
    lines.on('line', (line) => {
      output.push(line);
      const match = READY_LINE.exec(line);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output.join('\n')}`));
    });
  });
  const url = ready[1]!;
  const origin = new URL(url).origin;
  const token = ready[3]!;
  return {
    url,
    origin,
    token,
    dataDir,
    output,
    exited: () => exit,
    async call(name, callArgs) {
      const response = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Veil-Token': token },
        body: JSON.stringify(callArgs),
      });
      const reply = (await response.json()) as { ok: boolean; result?: unknown; error?: unknown };
      if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`);
      return reply.result;
    },
    stop: () =>
      new Promise<void>((resolvePromise) => {
        if (child.exitCode !== null) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.kill('SIGTERM');
      }),
  };
}

/** Polls `read` until `done` holds (an external process's state; not a timed sleep). */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  }
}
