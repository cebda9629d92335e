import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAIN_EXTERNALS } from '../../../scripts/main-externals.mjs';

const repoFile = (name: string) => fileURLToPath(new URL(`../../../${name}`, import.meta.url));

/** What one entry point pulls in, bundled as scripts/build-main.mjs bundles it (nothing written). */
async function bundleGraph(entry: string): Promise<{ inputs: string[]; externals: string[] }> {
  const { metafile }: { metafile: Metafile } = await build({
    entryPoints: [repoFile(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...MAIN_EXTERNALS],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.values(metafile.outputs);
  return {
    inputs: Object.keys(metafile.inputs),
    externals: outputs.flatMap((output) => output.imports.filter((imported) => imported.external).map((imported) => imported.path)),
  };
}

// A hostile file may crash only the media worker (ARCHITECTURE.md): the HEIC decoder, like sharp's pipeline, must never run in main or the host.
describe('image decoders live in the media worker only', () => {
  it('main and the browser host neither bundle nor load the HEIC decoder; the worker does', async () => {
    for (const entry of ['electron/app/main.ts', 'electron/host/cli.ts']) {
      const graph = await bundleGraph(entry);
      expect(graph.externals, entry).not.toContain('heic-decode');
      expect(
        graph.inputs.filter((input) => input.includes('heic') || input.includes('libheif')),
        entry,
      ).toEqual([]);
    }
    const worker = await bundleGraph('electron/media-worker/worker-main.ts');
    expect(worker.externals).toContain('heic-decode');
    expect(worker.inputs.filter((input) => input.includes('heic'))).toEqual(['electron/media-worker/heic-input.ts']);
  }, 120_000);

  it('main and the browser host neither bundle nor load FFmpeg (node-av); the worker does', async () => {
    for (const entry of ['electron/app/main.ts', 'electron/host/cli.ts']) {
      const graph = await bundleGraph(entry);
      expect(
        graph.externals.filter((imported) => imported.startsWith('node-av')),
        entry,
      ).toEqual([]);
      expect(
        graph.inputs.filter((input) => input.includes('node-av') || input.includes('video-input') || input.includes('video-storyboard')),
        entry,
      ).toEqual([]);
    }
    const worker = await bundleGraph('electron/media-worker/worker-main.ts');
    expect(worker.externals.filter((imported) => imported.startsWith('node-av'))).not.toEqual([]);
  }, 120_000);
});
