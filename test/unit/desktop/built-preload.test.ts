import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, REQUEST_NAMES, ipcChannel } from '../../../shared/contract.js';

// The built preload as Electron runs it with `sandbox: true`: a CommonJS script whose
// `require` yields `electron` and nothing else we may rely on (no fs, no path, no bundled
// node_modules), evaluated in a context of its own without Node's globals.
const BUILT_PRELOAD = fileURLToPath(new URL('../../../dist/electron/preload.cjs', import.meta.url));
/** A sandboxed preload is read on every window load; the zod-free names keep it small. */
const MAX_PRELOAD_BYTES = 64 * 1024;

function runBuiltPreload() {
  if (!existsSync(BUILT_PRELOAD)) throw new Error(`${BUILT_PRELOAD} is missing: run \`npm run build:nocheck\` first`);
  const exposed = new Map<string, unknown>();
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true, result: null });
      },
      on: () => undefined,
      removeListener: () => undefined,
    },
  };
  const module = { exports: {} };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require '${name}'`);
  };
  runInNewContext(readFileSync(BUILT_PRELOAD, 'utf8'), { require: sandboxRequire, module, exports: module.exports }, { filename: BUILT_PRELOAD });
  return { exposed, invoked, required };
}

const RecordOf = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) throw new Error('not an object');
  return Object.fromEntries(Object.entries(value));
};

describe('the built preload in a sandbox-like context', () => {
  it('requires electron only and exposes exactly the contract: every request, every event, the media prefix', async () => {
    const { exposed, invoked, required } = runBuiltPreload();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['veil']);
    const bridge = RecordOf(exposed.get('veil'));
    expect(Object.keys(bridge).sort()).toEqual(['events', 'mediaPrefix', 'requests']);
    expect(Object.keys(RecordOf(bridge['requests'])).sort()).toEqual([...REQUEST_NAMES].sort());
    expect(Object.keys(RecordOf(bridge['events'])).sort()).toEqual([...EVENT_NAMES].sort());
    expect(bridge['mediaPrefix']).toBe('veil-media://item/');

    const getSettings = RecordOf(bridge['requests'])['getSettings'];
    if (typeof getSettings !== 'function') throw new Error('getSettings is not a function');
    await getSettings({});
    expect(invoked).toEqual([{ channel: ipcChannel('request', 'getSettings'), args: [{}] }]);
  });

  it('is one small file, without zod or the schemas', () => {
    expect(statSync(BUILT_PRELOAD).size).toBeLessThan(MAX_PRELOAD_BYTES);
  });
});
