import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, REQUEST_NAMES, ipcChannel } from '../../../../shared/contract.js';
import { electronFake } from '../../electron-fake.js';

async function loadPreload(): Promise<Record<string, unknown>> {
  const { exposeVeilBridge } = await import('../../../../electron/app/preload.js');
  electronFake.exposed.clear();
  exposeVeilBridge();
  const exposed = electronFake.exposed.get('veil');
  if (typeof exposed !== 'object' || exposed === null) throw new Error('preload exposed nothing');
  return exposed as Record<string, unknown>;
}

describe('preload bridge', () => {
  it('exposes only named request and event functions and the media prefix — no ipcRenderer, no Node', async () => {
    const bridge = await loadPreload();
    expect([...electronFake.exposed.keys()]).toEqual(['veil']);
    expect(Object.keys(bridge).sort()).toEqual(['events', 'mediaPrefix', 'requests']);
    const requests = bridge['requests'] as Record<string, unknown>;
    const events = bridge['events'] as Record<string, unknown>;
    expect(Object.keys(requests).sort()).toEqual([...REQUEST_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
    for (const value of [...Object.values(requests), ...Object.values(events)]) expect(typeof value).toBe('function');
    expect(bridge['mediaPrefix']).toBe('veil-media://item/');
    const serialized = JSON.stringify(Object.keys(bridge));
    expect(serialized).not.toMatch(/ipcRenderer|process|require|send/);
  });

  it('sends each request on its own contract channel', async () => {
    const bridge = await loadPreload();
    const requests = bridge['requests'] as Record<string, (args: unknown) => Promise<unknown>>;
    await requests['listItems']?.({ caseId: 'abc', offset: 0, limit: 10 });
    expect(electronFake.invoked).toEqual([{ channel: ipcChannel('request', 'listItems'), args: [{ caseId: 'abc', offset: 0, limit: 10 }] }]);
  });

  it('delivers events to a subscriber until it unsubscribes', async () => {
    const bridge = await loadPreload();
    const events = bridge['events'] as Record<string, (listener: (payload: unknown) => void) => () => void>;
    const received: unknown[] = [];
    const unsubscribe = events['settingsChanged']!((payload) => received.push(payload));
    const channel = ipcChannel('event', 'settingsChanged');
    const deliver = (payload: unknown) => (electronFake.rendererListeners.get(channel) ?? []).forEach((l) => l({}, payload));
    deliver({ n: 1 });
    unsubscribe();
    deliver({ n: 2 });
    expect(received).toEqual([{ n: 1 }]);
  });
});
