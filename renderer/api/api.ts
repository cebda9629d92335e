import { createContext, createElement, useContext, type ReactNode } from 'react';
import { createClient, type VeilClient } from '../../shared/client.js';
import { createBridgeTransport, readBridge } from './bridge-transport';
import { createHttpTransport, readTokenFromSearch } from './http-transport';

export type ClientChoice = { ok: true; client: VeilClient; host: 'electron' | 'browser' } | { ok: false; reason: 'no-access' };

function reportDroppedEvent(name: string, why: string): void {
  console.warn(`Veil: dropped a malformed "${name}" event: ${why}`);
}

/**
 * Picks the transport once at start-up: Electron's checked preload bridge when it is
 * there, otherwise the browser host with the token read from the address now (kept in
 * memory only). No feature code knows which one it got.
 */
export function createVeilClient(win: Window = window): ClientChoice {
  const bridge = readBridge(win);
  if (bridge) return { ok: true, client: createClient(createBridgeTransport(bridge), reportDroppedEvent), host: 'electron' };
  const token = readTokenFromSearch(win.location.search);
  if (!token) return { ok: false, reason: 'no-access' };
  return { ok: true, client: createClient(createHttpTransport({ token }), reportDroppedEvent), host: 'browser' };
}

const VeilClientContext = createContext<VeilClient | null>(null);

export function VeilProvider({ client, children }: { client: VeilClient; children: ReactNode }) {
  return createElement(VeilClientContext.Provider, { value: client }, children);
}

/** The contract client for components; tests provide an in-memory one through VeilProvider. */
export function useVeil(): VeilClient {
  const client = useContext(VeilClientContext);
  if (!client) throw new Error('useVeil() needs a <VeilProvider> above it');
  return client;
}
