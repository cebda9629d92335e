import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { z } from 'zod';

/** The built main bundle: this harness runs what ships, never the sources. */
export const BUILT_MAIN = fileURLToPath(new URL('../../../dist/electron/main.js', import.meta.url));
const REGISTER_STAND_IN = fileURLToPath(new URL('./stand-in/register.mjs', import.meta.url));

const ObservationSchema = z.object({ type: z.string() }).passthrough();
type Observation = z.infer<typeof ObservationSchema>;
const ReplySchema = z.object({ type: z.literal('reply'), id: z.number(), value: z.unknown().optional(), error: z.string().optional() });
const ContractReplySchema = z.object({ ok: z.literal(true), result: z.unknown() });

export interface BuiltApp {
  readonly observations: readonly Observation[];
  /** Resolves with the first observation of `type` that matches, past or future. */
  next(type: string, matches?: (observation: Observation) => boolean): Promise<Observation>;
  /** Sends a command to the stand-in and resolves with its answer. */
  command(type: string, payload?: Record<string, unknown>): Promise<unknown>;
  /** A contract request as the window's page would make it; throws unless the reply is ok. */
  request(name: string, args?: unknown): Promise<unknown>;
  /** Resolves with the exit code when the process ends (null if it was killed by a signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stderr: () => string;
  readonly pid: number | undefined;
  kill(): void;
}

/**
 * Starts `dist/electron/main.js` in Node over the Electron stand-in, with `userDataDir` as
 * Electron's userData folder. Observations and commands travel over the Node IPC channel.
 */
export function launchBuiltApp(userDataDir: string, env: Record<string, string> = {}): BuiltApp {
  if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run \`npm run build:nocheck\` first`);
  const child: ChildProcess = fork(BUILT_MAIN, [], {
    execArgv: ['--import', REGISTER_STAND_IN],
    env: { ...process.env, ...env, VEIL_STAND_IN_USER_DATA: userDataDir },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const observations: Observation[] = [];
  const waiters = new Set<{ type: string; matches: (o: Observation) => boolean; resolve: (o: Observation) => void }>();
  const replies = new Map<number, (reply: z.infer<typeof ReplySchema>) => void>();
  child.on('message', (message: unknown) => {
    const reply = ReplySchema.safeParse(message);
    if (reply.success) {
      replies.get(reply.data.id)?.(reply.data);
      replies.delete(reply.data.id);
      return;
    }
    const observation = ObservationSchema.parse(message);
    observations.push(observation);
    for (const waiter of waiters) {
      if (waiter.type !== observation.type || !waiter.matches(observation)) continue;
      waiters.delete(waiter);
      waiter.resolve(observation);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let nextId = 1;
  const command = (type: string, payload: Record<string, unknown> = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      replies.set(id, (reply) => (reply.error === undefined ? resolve(reply.value) : reject(new Error(reply.error))));
      child.send({ type, id, ...payload });
    });
  return {
    observations,
    next(type, matches = () => true) {
      const seen = observations.find((observation) => observation.type === type && matches(observation));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.add({ type, matches, resolve }));
    },
    command,
    async request(name, args = {}) {
      const reply = await command('invoke', { channel: `veil:request:${name}`, args });
      const parsed = ContractReplySchema.safeParse(reply);
      if (!parsed.success) throw new Error(`${name} failed: ${JSON.stringify(reply)}`);
      return parsed.data.result;
    },
    exited,
    stderr: () => stderr,
    pid: child.pid,
    kill: () => void child.kill('SIGKILL'),
  };
}

/** Quits the way a user does (app.quit, `times` in a row, as with Cmd+Q pressed twice) and expects a clean exit. */
export async function quitBuiltApp(app: BuiltApp, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) await app.command('quit');
  expect(await app.exited, app.stderr()).toEqual({ code: 0, signal: null });
}
