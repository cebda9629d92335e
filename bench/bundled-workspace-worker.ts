import path from 'node:path';
import { build } from 'esbuild';

/**
 * A worker thread's entry as the app ships it: bundled by esbuild like scripts/build-main.mjs does
 * (under tsx, compiling its source at start-up would be counted in the measured time). Written
 * under node_modules/.cache so that better-sqlite3 resolves from it. Returns its path.
 */
export async function bundledWorker(entryPoint: string, outName: string): Promise<string> {
  const outfile = path.resolve('node_modules/.cache/veil-bench', outName);
  await build({
    entryPoints: [entryPoint],
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

/** The workspace worker, bundled as shipped (see bundledWorker). */
export function bundledWorkspaceWorker(): Promise<string> {
  return bundledWorker('electron/services/workspace/workspace-worker.ts', 'workspace-worker.js');
}
