import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../shared/client.js';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import { DEFAULT_SETTINGS } from '../../../shared/settings/settings.js';
import { createHttpTransport, readTokenFromSearch } from '../../../renderer/api/http-transport';

class FakeEventSource {
  static made: FakeEventSource[] = [];
  readonly listeners = new Map<string, Set<(event: MessageEvent) => void>>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.get(type)?.delete(listener);
  }
  close() {
    this.closed = true;
  }
  send(type: string, data: string) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

function setUp(reply: unknown, status = 200) {
  FakeEventSource.made = [];
  const fetchFn = vi.fn(async () => new Response(JSON.stringify(reply), { status }));
  const transport = createHttpTransport({
    token: 'tok-123',
    fetchFn,
    createEventSource: (url) => new FakeEventSource(url),
  });
  return { fetchFn, client: createClient(transport) };
}

// A settings object as the host pushes it: the current schema's defaults.
const settingsChanged = { ...DEFAULT_SETTINGS, language: 'en' };

describe('http transport', () => {
  it('reads the token from the address', () => {
    expect(readTokenFromSearch('?token=abc&x=1')).toBe('abc');
    expect(readTokenFromSearch('')).toBeNull();
    expect(readTokenFromSearch('?token=')).toBeNull();
  });

  it('POSTs JSON to /api/<name> with the token header and returns the validated result', async () => {
    const { fetchFn, client } = setUp({ ok: true, result: { version: '1', host: 'browser', canPickFolder: false, notices: [] } });
    const info = await client.call('getAppInfo', {});
    expect(info.host).toBe('browser');
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/getAppInfo');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('X-Veil-Token')).toBe('tok-123');
    expect(init.body).toBe('{}');
  });

  it('turns error replies and non-JSON answers into VeilRequestError', async () => {
    const refused = setUp({ ok: false, error: { code: 'forbidden', message: 'missing or wrong token' } }, 403);
    await expect(refused.client.call('getSettings', {})).rejects.toEqual(new VeilRequestError('forbidden', 'missing or wrong token'));
    const fetchFn = vi.fn(async () => new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway' }));
    const client = createClient(createHttpTransport({ token: 't', fetchFn, createEventSource: (url) => new FakeEventSource(url) }));
    await expect(client.call('getSettings', {})).rejects.toBeInstanceOf(VeilRequestError);
  });

  it('shares one EventSource for all events and delivers validated payloads', () => {
    const { client } = setUp({ ok: true, result: null });
    const onSettings = vi.fn();
    const onCase = vi.fn();
    const offSettings = client.on('settingsChanged', onSettings);
    const offCase = client.on('caseChanged', onCase);
    expect(FakeEventSource.made).toHaveLength(1);
    const source = FakeEventSource.made[0]!;
    expect(source.url).toBe('/events?token=tok-123');

    source.send('settingsChanged', JSON.stringify(settingsChanged));
    source.send('settingsChanged', '{not json');
    source.send('settingsChanged', JSON.stringify({ nonsense: true }));
    expect(onSettings).toHaveBeenCalledTimes(1);
    expect(onCase).not.toHaveBeenCalled();

    offSettings();
    offCase();
    expect(source.closed).toBe(true);
  });

  it('sends the review place as a keepalive request, so a page going away (reload, quit) does not cancel it; other requests are plain', async () => {
    const { fetchFn, client } = setUp({ ok: true, result: {} });
    await client.call('rememberReviewPlace', { caseId: 'case-1', itemId: 'item-1' });
    await client.call('updateSettings', {}).catch(() => undefined);
    const [, place] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    const [, settings] = fetchFn.mock.calls[1] as unknown as [string, RequestInit];
    expect(place.keepalive).toBe(true);
    expect(settings.keepalive).toBe(false);
  });

  it('builds media URLs under /media/ with the token', () => {
    const { client } = setUp({ ok: true, result: null });
    expect(client.mediaUrl({ itemId: 'it-0000001', kind: 'thumb', greyscale: true, blur: 'strong' })).toBe(
      '/media/it-0000001/thumb?grey=1&blur=strong&token=tok-123',
    );
  });
});
