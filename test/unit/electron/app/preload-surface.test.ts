import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ipcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, REQUEST_NAMES, ipcChannel } from '../../../../shared/contract.js';
import { electronFake } from '../../electron-fake.js';

const PRELOAD_SOURCE = path.resolve(import.meta.dirname, '../../../../electron/app/preload.ts');

async function exposedBridge(): Promise<Record<string, unknown>> {
  const { exposeVeilBridge } = await import('../../../../electron/app/preload.js');
  electronFake.exposed.clear();
  exposeVeilBridge();
  return electronFake.exposed.get('veil') as Record<string, unknown>;
}

/** Every value reachable from the bridge, with its path. */
function reachable(value: unknown, at = 'veil', seen = new Set<unknown>()): Array<{ at: string; value: unknown }> {
  if (seen.has(value)) return [];
  seen.add(value);
  const here = [{ at, value }];
  if (typeof value !== 'object' || value === null) return here;
  return [...here, ...Object.entries(value).flatMap(([key, child]) => reachable(child, `${at}.${key}`, seen))];
}

describe('the preload exposes the contract and nothing else', () => {
  it('holds only our own functions and one string: no ipcRenderer, none of its methods, no Node object', async () => {
    const bridge = await exposedBridge();
    const all = reachable(bridge);
    // The ipcRenderer imported here is the very one the preload uses (else the check below proves nothing).
    const before = vi.mocked(ipcRenderer.invoke).mock.calls.length;
    await (bridge['requests'] as Record<string, (args: unknown) => Promise<unknown>>)['getSettings']?.({});
    expect(vi.mocked(ipcRenderer.invoke).mock.calls.length).toBe(before + 1);
    const electronApi = new Set<unknown>([ipcRenderer, ...Object.values(ipcRenderer)]);
    expect(all.filter(({ value }) => electronApi.has(value)).map(({ at }) => at)).toEqual([]);
    const leaves = all.filter(({ value }) => typeof value !== 'object' || value === null);
    expect(leaves.filter(({ value }) => typeof value !== 'function' && typeof value !== 'string').map(({ at }) => at)).toEqual([]);
    expect(leaves.filter(({ value }) => typeof value === 'string').map(({ at }) => at)).toEqual(['veil.mediaPrefix']);
    expect(leaves).toHaveLength(REQUEST_NAMES.length + EVENT_NAMES.length + 1);
    expect(all.some(({ value }) => value === process || value === globalThis)).toBe(false);
  });

  it('lets the page choose no channel: a request function always uses its own and passes one argument', async () => {
    const requests = (await exposedBridge())['requests'] as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await requests['getSettings']?.({}, ipcChannel('request', 'openCase'), 'extra');
    expect(electronFake.invoked).toEqual([{ channel: ipcChannel('request', 'getSettings'), args: [{}] }]);
  });

  it("hands an event listener the payload only, never Electron's event object (which leads to ipcRenderer)", async () => {
    const events = (await exposedBridge())['events'] as Record<string, (listener: (...args: unknown[]) => void) => () => void>;
    const calls: unknown[][] = [];
    events['caseChanged']?.((...args) => calls.push(args));
    for (const listener of electronFake.rendererListeners.get(ipcChannel('event', 'caseChanged')) ?? []) {
      listener({ sender: ipcRenderer, senderId: 0, ports: [] }, { caseId: 'c1' });
    }
    expect(calls).toEqual([[{ caseId: 'c1' }]]);
  });

  it('imports nothing but electron and pure modules (no Node built-ins, no services)', () => {
    const imports = [...readFileSync(PRELOAD_SOURCE, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((match) => match[1]);
    expect(imports.sort()).toEqual(['../../shared/contract-names.js', './scheme-names.js', 'electron']);
  });
});
