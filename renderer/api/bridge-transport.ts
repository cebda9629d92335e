import type { Transport } from '../../shared/client.js';
import { EVENT_NAMES, REQUEST_NAMES, type EventName, type RequestName } from '../../shared/contract.js';

type RawRequest = (args: unknown) => Promise<unknown>;
type RawSubscribe = (listener: (payload: unknown) => void) => () => void;

/** What Electron's preload exposes as `window.veil`, after checking its shape. */
export interface VeilBridge {
  requests: Record<RequestName, RawRequest>;
  events: Record<EventName, RawSubscribe>;
  mediaPrefix: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFunction(value: unknown): value is (...args: unknown[]) => unknown {
  return typeof value === 'function';
}

function asRequest(owner: Record<string, unknown>, name: string): RawRequest | null {
  const fn = owner[name];
  if (!isFunction(fn)) return null;
  // Whatever the preload returns is awaited and left `unknown`: createClient validates it.
  return async (args) => fn(args);
}

function asSubscribe(owner: Record<string, unknown>, name: string): RawSubscribe | null {
  const fn = owner[name];
  if (!isFunction(fn)) return null;
  return (listener) => {
    const unsubscribe = fn(listener);
    return () => {
      if (isFunction(unsubscribe)) unsubscribe();
    };
  };
}

/**
 * Reads and checks the preload's bridge from a global object (normally `window`).
 * Returns null when it is absent or not shaped as the contract says (e.g. in the
 * browser host, or under a stale preload), so the caller can fall back or report.
 */
export function readBridge(source: object): VeilBridge | null {
  const candidate: unknown = Reflect.get(source, 'veil');
  if (!isRecord(candidate)) return null;
  const { requests, events, mediaPrefix } = candidate;
  if (!isRecord(requests) || !isRecord(events) || typeof mediaPrefix !== 'string' || mediaPrefix.length === 0) {
    return null;
  }
  const checkedRequests: Partial<Record<RequestName, RawRequest>> = {};
  for (const name of REQUEST_NAMES) {
    const fn = asRequest(requests, name);
    if (!fn) return null;
    checkedRequests[name] = fn;
  }
  const checkedEvents: Partial<Record<EventName, RawSubscribe>> = {};
  for (const name of EVENT_NAMES) {
    const fn = asSubscribe(events, name);
    if (!fn) return null;
    checkedEvents[name] = fn;
  }
  if (!isComplete(checkedRequests, REQUEST_NAMES) || !isComplete(checkedEvents, EVENT_NAMES)) return null;
  return { requests: checkedRequests, events: checkedEvents, mediaPrefix };
}

function isComplete<K extends string, V>(record: Partial<Record<K, V>>, keys: readonly K[]): record is Record<K, V> {
  return keys.every((key) => record[key] !== undefined);
}

/** A transport over Electron IPC through the checked bridge; media URLs use the privileged scheme. */
export function createBridgeTransport(bridge: VeilBridge): Transport {
  return {
    request: (name, args) => bridge.requests[name](args),
    subscribe: (name, listener) => bridge.events[name](listener),
    mediaPrefix: bridge.mediaPrefix,
    mediaQuerySuffix: '',
  };
}
