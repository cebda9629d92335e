import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { REQUEST_NAMES, ipcChannel, type RequestHandlers } from '../../shared/contract.js';
import type { Reply } from '../../shared/contract-errors.js';
import { dispatchRequest } from '../../shared/dispatch.js';
import type { EventHub } from '../services/event-hub.js';
import { isAppPageUrl } from './harden.js';

/**
 * True only for the web contents of a window Veil opened itself, so a stray frame,
 * a devtools extension or a navigated-away page cannot call the back end.
 */
export function isVeilSender(sender: WebContents, veilWindowIds: ReadonlySet<number>, senderFrame?: { url: string } | null): boolean {
  const window = BrowserWindow.fromWebContents(sender);
  if (window === null || !veilWindowIds.has(window.id)) return false;
  // The frame that sent it, not just the window's page: a subframe never speaks for Veil.
  // Judged by the same URL parser as navigation (harden.ts), never by a string prefix.
  const frameUrl = senderFrame === undefined ? sender.getURL() : (senderFrame?.url ?? '');
  return isAppPageUrl(frameUrl) && (senderFrame === undefined || senderFrame === sender.mainFrame);
}

/**
 * The one place that registers IPC handlers: one per request in the contract, each
 * checking the sender and validating its arguments before any service runs.
 * Returns a function that removes them all.
 */
export function registerIpcHandlers(handlers: RequestHandlers, veilWindowIds: ReadonlySet<number>): () => void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(ipcChannel('request', name), async (event: IpcMainInvokeEvent, args: unknown): Promise<Reply> => {
      if (!isVeilSender(event.sender, veilWindowIds, event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: 'not a Veil window' } };
      }
      return dispatchRequest(handlers, name, args);
    });
  }
  return () => {
    for (const name of REQUEST_NAMES) ipcMain.removeHandler(ipcChannel('request', name));
  };
}

/** Forwards every pushed event to every open Veil window. */
export function forwardEventsToWindows(hub: EventHub, veilWindowIds: ReadonlySet<number>): () => void {
  return hub.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!veilWindowIds.has(window.id) || window.isDestroyed()) continue;
      window.webContents.send(ipcChannel('event', event.name), event.payload);
    }
  });
}
