import type { EventName, EventPayloads } from '../../shared/contract.js';

/**
 * One pushed event as adapters forward it: untouched, to a renderer that validates
 * it against the contract again on arrival.
 */
export interface VeilEvent {
  name: EventName;
  payload: EventPayloads[EventName];
}

type EmitEvent = <N extends EventName>(name: N, payload: EventPayloads[N]) => void;

export interface EventHub {
  emit: EmitEvent;
  /** Every adapter (each Electron window, each browser-host event stream) subscribes here. */
  subscribe(listener: (event: VeilEvent) => void): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<(event: VeilEvent) => void>();
  return {
    emit(name, payload) {
      const event: VeilEvent = { name, payload };
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
