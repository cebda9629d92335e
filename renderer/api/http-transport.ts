import type { Transport } from '../../shared/client.js';
import type { EventName, RequestName } from '../../shared/contract.js';
import type { Reply } from '../../shared/contract-errors.js';
import { API_PATH_PREFIX, EVENTS_PATH, MEDIA_PATH_PREFIX, TOKEN_HEADER, TOKEN_QUERY_PARAM } from '../../shared/host-routes.js';

/** The access token from the page address (`?token=…`), or null when there is none. */
export function readTokenFromSearch(search: string): string | null {
  const token = new URLSearchParams(search).get(TOKEN_QUERY_PARAM);
  return token && token.length > 0 ? token : null;
}

interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface HttpTransportOptions {
  token: string;
  fetchFn?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
}

/**
 * Requests a page sends as it goes away (on `pagehide`): a plain fetch is cancelled with the
 * page, a keepalive one is not. Only these, and small: the browser caps keepalive bodies at
 * 64 KiB in all.
 */
const SENT_WHILE_LEAVING: ReadonlySet<RequestName> = new Set(['rememberReviewPlace']);

function failureReply(message: string): Reply {
  return { ok: false, error: { code: 'failed', message, reason: { code: 'no-answer', params: {} } } };
}

/**
 * A transport for the browser host on 127.0.0.1: requests are `POST /api/<name>`
 * with the token in a header; events arrive on one shared EventSource; media URLs
 * carry the token in their query because an <img> cannot send headers.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { token } = options;
  const fetchFn = options.fetchFn ?? ((input, init) => fetch(input, init));
  const createEventSource = options.createEventSource ?? ((url: string) => new EventSource(url));
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const handlers = new Map<EventName, (event: MessageEvent) => void>();
  let source: EventSourceLike | null = null;

  function ensureSource(): EventSourceLike {
    source ??= createEventSource(`${EVENTS_PATH}?${TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}`);
    return source;
  }

  function dispatch(name: EventName, event: MessageEvent): void {
    const data: unknown = event.data;
    if (typeof data !== 'string') return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return; // A garbled message is dropped; createClient would refuse it anyway.
    }
    for (const listener of listeners.get(name) ?? []) listener(payload);
  }

  return {
    async request(name, args) {
      let response: Response;
      try {
        response = await fetchFn(`${API_PATH_PREFIX}${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(args ?? {}),
          cache: 'no-store',
          credentials: 'same-origin',
          keepalive: SENT_WHILE_LEAVING.has(name),
        });
      } catch (error) {
        return failureReply(error instanceof Error ? error.message : String(error));
      }
      try {
        const body: unknown = await response.json();
        return body;
      } catch {
        return failureReply(`HTTP ${response.status} ${response.statusText}`.trim());
      }
    },
    subscribe(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener);
      const es = ensureSource();
      if (!handlers.has(name)) {
        const handler = (event: MessageEvent) => dispatch(name, event);
        handlers.set(name, handler);
        es.addEventListener(name, handler);
      }
      return () => {
        set.delete(listener);
        if (set.size > 0 || !source) return;
        const handler = handlers.get(name);
        if (handler) source.removeEventListener(name, handler);
        handlers.delete(name);
        listeners.delete(name);
        if (handlers.size === 0) {
          source.close();
          source = null;
        }
      };
    },
    mediaPrefix: MEDIA_PATH_PREFIX,
    mediaQuerySuffix: `&${TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}`,
  };
}
