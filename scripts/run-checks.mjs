// Runs the static checks of `npm test`, and the build the end-to-end tests load, two at a time
// (the machines have 2 cores and each step is mostly one single-threaded process); prints each
// one's output when it ends, and fails if any failed. Steps start longest first so that neither
// core is left with a long step alone at the end (CPU seconds measured in
// docs/decisions/suite-speed.md). Type-aware lint was one 186 CPU s process, longer than all
// the rest of the other lane: it runs as two processes over disjoint files, one per program
// (eslint.config.js names each folder's), which together lint exactly what `eslint .` does.
import { spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.join(import.meta.dirname, '..', 'node_modules', '.bin');
const UI_FOLDERS = ['renderer', 'test/component', 'test/e2e'];

/** Longest first; `npm run <script>` where the step is a package.json script. */
const STEPS = [
  { name: 'lint (main side)', command: 'eslint', args: ['.', '--max-warnings=0', ...UI_FOLDERS.flatMap((folder) => ['--ignore-pattern', `${folder}/`])] },
  { name: 'lint (renderer, component and e2e tests)', command: 'eslint', args: [...UI_FOLDERS, '--max-warnings=0'] },
  { name: 'typecheck (node)', command: 'tsc', args: ['-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'typecheck (web)', command: 'tsc', args: ['-p', 'tsconfig.web.json', '--noEmit'] },
  { name: 'format:check', command: 'prettier', args: ['--check', '.'] },
  { name: 'typecheck (e2e)', command: 'tsc', args: ['-p', 'tsconfig.e2e.json', '--noEmit'] },
  { name: 'build:nocheck', npmScript: 'build:nocheck' },
  { name: 'lint:unused', npmScript: 'lint:unused' },
  { name: 'lint:electron', npmScript: 'lint:electron' },
];
const AT_ONCE = 2;

function run(step) {
  return new Promise((resolve) => {
    const startedAtMs = Date.now();
    const [file, args] = step.npmScript === undefined ? [path.join(BIN, step.command), step.args] : ['npm', ['run', '-s', step.npmScript]];
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - startedAtMs) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(`${ok ? '✓' : '✗'} ${step.name} (${seconds} s)${signal ? ` killed by ${signal}` : ''}\n`);
      if (!ok || output.trim() !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      resolve(ok);
    });
  });
}

const queue = [...STEPS];
const results = await Promise.all(
  Array.from({ length: AT_ONCE }, async () => {
    const lane = [];
    for (let step = queue.shift(); step !== undefined; step = queue.shift()) lane.push(await run(step));
    return lane;
  }),
);
const failed = results.flat().filter((ok) => !ok).length;
if (failed > 0) {
  process.stdout.write(`${failed} of ${STEPS.length} steps failed\n`);
  process.exit(1);
}
