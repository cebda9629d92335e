// Bundles the Node-side entry points with esbuild. Never starts Electron.
// Layout (relative paths between these are relied on at run time):
//   dist/electron/main.js      Electron main (ESM)
//   dist/electron/preload.cjs  sandboxed preload (one CommonJS file requiring only electron)
//   dist/media-worker/worker.js  sharp worker (utilityProcess or Node child process)
//   dist/host/cli.js           browser host
//   dist/workspace-worker/worker.js  case workspace's SQLite thread (worker_threads)
//   dist/known-worker/near-index.js  known library's near-index thread (worker_threads)
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { MAIN_EXTERNALS } from './main-externals.mjs';

const external = MAIN_EXTERNALS;
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const define = { 'process.env.VEIL_VERSION': JSON.stringify(version) };
const common = { define, bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', external };
// ESM bundles that pull in CommonJS dependencies need a require().
const esmBanner = { js: "import { createRequire as __veilCreateRequire } from 'node:module'; const require = __veilCreateRequire(import.meta.url);" };

await Promise.all([
  build({ ...common, format: 'esm', banner: esmBanner, entryPoints: ['electron/app/main.ts'], outfile: 'dist/electron/main.js' }),
  build({ ...common, format: 'cjs', entryPoints: ['electron/app/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
  build({ ...common, format: 'esm', banner: esmBanner, entryPoints: ['electron/media-worker/worker-main.ts'], outfile: 'dist/media-worker/worker.js' }),
  build({ ...common, format: 'esm', banner: esmBanner, entryPoints: ['electron/host/cli.ts'], outfile: 'dist/host/cli.js' }),
  build({
    ...common,
    format: 'esm',
    banner: esmBanner,
    entryPoints: ['electron/services/workspace/workspace-worker.ts'],
    outfile: 'dist/workspace-worker/worker.js',
  }),
  build({
    ...common,
    format: 'esm',
    banner: esmBanner,
    entryPoints: ['electron/services/known/near-index-worker.ts'],
    outfile: 'dist/known-worker/near-index.js',
  }),
]);
