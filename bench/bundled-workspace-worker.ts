import path from 'node:path';
import { build } from 'esbuild';

/**
 * The workspace worker as the app ships it: bundled by esbuild like scripts/build-main.mjs does
 * (under tsx, compiling its source at start-up would be counted in the reopen time). Written
 * under node_modules/.cache so that better-sqlite3 resolves from it. Returns its path.
 */
export async function bundledWorkspaceWorker(): Promise<string> {
  const outfile = path.resolve('node_modules/.cache/veil-bench/workspace-worker.js');
  await build({
    entryPoints: ['electron/services/workspace/workspace-worker.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __veilCreateRequire } from 'node:module'; const require = __veilCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}
