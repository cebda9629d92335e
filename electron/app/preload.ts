import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, REQUEST_NAMES, ipcChannel } from '../../shared/contract.js';
import { MEDIA_SCHEME } from './scheme-names.js';

/**
 * The narrow bridge the sandboxed renderer gets: one named function per request and
 * one subscribe function per event, generated from the contract. No ipcRenderer,
 * no Node, no process, no store. Every subscribe returns its unsubscribe.
 */
export function exposeVeilBridge(): void {
  const requests = Object.fromEntries(
    REQUEST_NAMES.map((name) => [name, (args: unknown): Promise<unknown> => ipcRenderer.invoke(ipcChannel('request', name), args)]),
  );

  const events = Object.fromEntries(
    EVENT_NAMES.map((name) => [
      name,
      (listener: (payload: unknown) => void): (() => void) => {
        const channel = ipcChannel('event', name);
        const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
        ipcRenderer.on(channel, wrapped);
        return () => {
          ipcRenderer.removeListener(channel, wrapped);
        };
      },
    ]),
  );

  contextBridge.exposeInMainWorld('veil', { requests, events, mediaPrefix: `${MEDIA_SCHEME}://item/` });
}

exposeVeilBridge();
