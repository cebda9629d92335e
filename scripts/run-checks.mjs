// Runs the static checks of `npm test` two at a time (the machines have 2 cores and each
// check is one single-threaded process), prints each one's output when it ends, and fails
// if any failed. One after another they took about 105 s; the slowest, lint, sets the pace.
import { spawn } from 'node:child_process';

const CHECKS = ['lint', 'typecheck', 'format:check', 'lint:unused', 'lint:electron'];
const AT_ONCE = 2;

function run(script) {
  return new Promise((resolve) => {
    const startedAtMs = Date.now();
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - startedAtMs) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(`${ok ? '✓' : '✗'} ${script} (${seconds} s)${signal ? ` killed by ${signal}` : ''}\n`);
      if (!ok || output.trim() !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      resolve(ok);
    });
  });
}

const queue = [...CHECKS];
const results = await Promise.all(
  Array.from({ length: AT_ONCE }, async () => {
    const lane = [];
    for (let script = queue.shift(); script !== undefined; script = queue.shift()) lane.push(await run(script));
    return lane;
  }),
);
const failed = results.flat().filter((ok) => !ok).length;
if (failed > 0) {
  process.stdout.write(`${failed} of ${CHECKS.length} checks failed\n`);
  process.exit(1);
}
