import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, REQUEST_NAMES } from '../../../shared/contract.js';
import { createVeilClient } from '../../../renderer/api/api';
import { readBridge } from '../../../renderer/api/bridge-transport';

function fakeBridge() {
  const requests = Object.fromEntries(REQUEST_NAMES.map((name) => [name, vi.fn(async () => ({ ok: true, result: null }))]));
  const unsubscribe = vi.fn();
  const events = Object.fromEntries(EVENT_NAMES.map((name) => [name, vi.fn(() => unsubscribe)]));
  return { requests, events, mediaPrefix: 'veil-media://item/', unsubscribe };
}

describe('bridge transport', () => {
  it('accepts a bridge with every request and event of the contract', () => {
    expect(readBridge({ veil: fakeBridge() })).not.toBeNull();
  });

  it('refuses anything shaped otherwise', () => {
    const missing = fakeBridge();
    delete missing.requests.listItems;
    expect(readBridge({ veil: missing })).toBeNull();
    expect(readBridge({ veil: { ...fakeBridge(), mediaPrefix: 42 } })).toBeNull();
    expect(readBridge({ veil: { ...fakeBridge(), events: { ...fakeBridge().events, caseChanged: 'nope' } } })).toBeNull();
    expect(readBridge({ veil: 'hello' })).toBeNull();
    expect(readBridge({})).toBeNull();
  });

  it('is preferred over the browser host, and media URLs use its scheme', async () => {
    const bridge = fakeBridge();
    const win = { veil: bridge, location: { search: '?token=ignored' } } as unknown as Window;
    const choice = createVeilClient(win);
    expect(choice.ok && choice.host).toBe('electron');
    if (!choice.ok) return;
    expect(choice.client.mediaUrl({ itemId: 'it-0000001', kind: 'view', greyscale: true, blur: 'strong' })).toBe(
      'veil-media://item/it-0000001/view?grey=1&blur=strong',
    );
    await choice.client.call('getCase', {});
    expect(bridge.requests.getCase).toHaveBeenCalledWith({});
    const off = choice.client.on('caseChanged', () => undefined);
    off();
    expect(bridge.unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('falls back to the browser host with the address token, or reports no access', () => {
    const browser = createVeilClient({ location: { search: '?token=abc' } } as unknown as Window);
    expect(browser.ok && browser.host).toBe('browser');
    if (browser.ok) {
      expect(browser.client.mediaUrl({ itemId: 'it-0000001', kind: 'thumb', greyscale: true, blur: 'strong' })).toBe(
        '/media/it-0000001/thumb?grey=1&blur=strong&token=abc',
      );
    }
    expect(createVeilClient({ location: { search: '' } } as unknown as Window)).toEqual({ ok: false, reason: 'no-access' });
  });
});
