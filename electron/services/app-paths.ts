import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the built pieces sit relative to a bundled entry point in dist/<entry>/
 * (see scripts/build-main.mjs). Both adapters resolve them the same way.
 */
export function builtAppPaths(entryModuleUrl: string): {
  distDir: string;
  rendererDir: string;
  workerScript: string;
  workspaceWorkerScript: string;
  nearIndexWorkerScript: string;
  demoCaseDir: string;
  preloadScript: string;
} {
  const distDir = dirname(dirname(fileURLToPath(entryModuleUrl)));
  return {
    distDir,
    rendererDir: join(distDir, 'renderer'),
    workerScript: join(distDir, 'media-worker', 'worker.js'),
    workspaceWorkerScript: join(distDir, 'workspace-worker', 'worker.js'),
    nearIndexWorkerScript: join(distDir, 'known-worker', 'near-index.js'),
    demoCaseDir: join(distDir, 'demo-case'),
    preloadScript: join(distDir, 'electron', 'preload.cjs'),
  };
}

/** Set at build time by esbuild's define; a dev fallback otherwise. */
export const VEIL_VERSION = process.env['VEIL_VERSION'] ?? '0.0.0-dev';
