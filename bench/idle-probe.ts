/**
 * The machine's own stalls, measured beside a bench in the same moments: a second Node process
 * that does nothing but run the same 1 ms timer loop as loop-stalls.ts. On a shared machine the
 * scheduler and the other work stall every process; what the measured side stalls beyond
 * this one is its own doing (the excess). Measured at the same time rather than before or
 * after, since the load moves from second to second.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { z } from 'zod';

/** The idle process's loop over one window: its longest gap and 99th percentile, ms, and the CPU it used (should be near 0). */
const IdleWindowSchema = z.object({ longestMs: z.number(), p99Ms: z.number(), cpuMs: z.number() });
export type IdleWindow = z.infer<typeof IdleWindowSchema>;

// CommonJS for `node -e`: 'start' begins a window, 'stop' answers it as one JSON line.
const PROBE_SOURCE = `
let gaps = [];
let last = performance.now();
let cpu = process.cpuUsage();
const tick = () => { const now = performance.now(); gaps.push(now - last); last = now; setTimeout(tick, 1); };
setTimeout(tick, 1);
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'start') { gaps = []; last = performance.now(); cpu = process.cpuUsage(); return; }
  const sorted = gaps.sort((a, b) => a - b);
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({
    longestMs: sorted.at(-1) ?? 0,
    p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? 0,
    cpuMs: (used.user + used.system) / 1000,
  }) + '\\n');
}).on('close', () => process.exit(0));
`;

/** An idle process to measure windows with; `close()` ends it. */
export interface IdleProbe {
  /** Starts a window now. */
  start(): void;
  /** Ends the window and gives its figures. */
  stop(): Promise<IdleWindow>;
  close(): void;
}

/** Starts the idle process (not counted: its start-up happens before any window). */
export function startIdleProbe(): IdleProbe {
  const child = spawn(process.execPath, ['-e', PROBE_SOURCE], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    start: () => void child.stdin.write('start\n'),
    async stop() {
      child.stdin.write('stop\n');
      const line = await lines.next();
      if (line.done === true) throw new Error('the idle probe ended');
      return IdleWindowSchema.parse(JSON.parse(line.value));
    },
    close: () => child.stdin.end(),
  };
}
