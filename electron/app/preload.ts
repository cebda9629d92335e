import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// The zod-free names only: the sandboxed preload must stay one small file requiring only electron.
import { EVENT_NAME_LIST, REQUEST_NAME_LIST, ipcChannel } from '../../shared/contract-names.js';
import { MEDIA_SCHEME } from './scheme-names.js';

/**
 * The narrow bridge the sandboxed renderer gets: one named function per request and
 * one subscribe function per event, generated from the contract. No ipcRenderer,
 * no Node, no process, no store. Every subscribe returns its unsubscribe.
 */
export function exposeVeilBridge(): void {
  const requests = Object.fromEntries(
    REQUEST_NAME_LIST.map((name) => [name, (args: unknown): Promise<unknown> => ipcRenderer.invoke(ipcChannel('request', name), args)]),
  );

  const events = Object.fromEntries(
    EVENT_NAME_LIST.map((name) => [
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
