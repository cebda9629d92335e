import { describe, expect, it, vi } from 'vitest';
import { REQUEST_NAMES, ipcChannel, requests, type RequestHandlers } from '../../../../shared/contract.js';
import { isAppPageUrl } from '../../../../electron/app/harden.js';
import { isVeilSender, registerIpcHandlers } from '../../../../electron/app/ipc.js';
import { electronFake, FakeBrowserWindow, FakeWebContents } from '../../electron-fake.js';

/** A spy for every request in the contract, so a request added later is covered without editing this test. */
function spyHandlers(): RequestHandlers & Record<string, ReturnType<typeof vi.fn>> {
  return Object.fromEntries(REQUEST_NAMES.map((name) => [name, vi.fn(async () => ({}))])) as never;
}

interface Sender {
  label: string;
  event: { sender: FakeWebContents; senderFrame?: { url: string } | null };
}

/** A Veil window whose main frame is `url`, with its frame object as Electron gives it. */
function veilWindow(url = 'veil-app://renderer/index.html') {
  const window = new FakeBrowserWindow();
  window.webContents.url = url;
  const mainFrame = { url };
  Object.assign(window.webContents, { mainFrame });
  return { window, mainFrame };
}

describe('every IPC handler checks its sender', () => {
  it(`refuses, for each of the ${REQUEST_NAMES.length} requests, every sender that is not a Veil window's own page — and runs nothing`, async () => {
    const handlers = spyHandlers();
    const veil = veilWindow();
    const navigatedAway = veilWindow('https://example.invalid/');
    const fileUrl = veilWindow('file:///etc/passwd');
    const lookAlikeHost = veilWindow('veil-app://renderer.evil.example/index.html');
    const otherAppHost = veilWindow('veil-app://other/index.html');
    const veilIds = new Set([veil.window.id, navigatedAway.window.id, fileUrl.window.id, lookAlikeHost.window.id, otherAppHost.window.id]);
    registerIpcHandlers(handlers, veilIds);
    const stranger = veilWindow();

    const hostile: Sender[] = [
      { label: 'a window Veil did not open', event: { sender: stranger.window.webContents, senderFrame: stranger.mainFrame } },
      { label: 'web contents with no window', event: { sender: new FakeWebContents() } },
      { label: 'a Veil window navigated to the web', event: { sender: navigatedAway.window.webContents, senderFrame: navigatedAway.mainFrame } },
      { label: 'a Veil window showing a file:// page', event: { sender: fileUrl.window.webContents, senderFrame: fileUrl.mainFrame } },
      { label: 'a look-alike app host', event: { sender: lookAlikeHost.window.webContents, senderFrame: lookAlikeHost.mainFrame } },
      { label: 'another host of the app scheme', event: { sender: otherAppHost.window.webContents, senderFrame: otherAppHost.mainFrame } },
      { label: "a subframe inside Veil's page", event: { sender: veil.window.webContents, senderFrame: { url: 'veil-app://renderer/index.html' } } },
      { label: 'a frame that has gone away', event: { sender: veil.window.webContents, senderFrame: null } },
    ];

    let refused = 0;
    for (const name of REQUEST_NAMES) {
      const handler = electronFake.ipcHandlers.get(ipcChannel('request', name));
      expect(handler, name).toBeDefined();
      for (const { label, event } of hostile) {
        await expect(handler?.(event, {}), `${name} from ${label}`).resolves.toEqual({ ok: false, error: { code: 'forbidden', message: 'not a Veil window' } });
        refused += 1;
      }
    }
    for (const name of REQUEST_NAMES) expect(handlers[name], name).not.toHaveBeenCalled();
    expect(refused).toBe(REQUEST_NAMES.length * hostile.length);
  });

  it("lets the Veil window's own page through to argument checking and the service (the control)", async () => {
    const handlers = spyHandlers();
    const veil = veilWindow();
    registerIpcHandlers(handlers, new Set([veil.window.id]));
    for (const name of REQUEST_NAMES) {
      const reply = await electronFake.ipcHandlers.get(ipcChannel('request', name))?.({ sender: veil.window.webContents, senderFrame: veil.mainFrame }, {});
      if (requests[name].args.safeParse({}).success) {
        expect(reply, name).toEqual({ ok: true, result: {} });
        expect(handlers[name], name).toHaveBeenCalledTimes(1);
      } else {
        expect(reply, name).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
      }
    }
  });

  it('judges the frame by the same URL parser as navigation, never by a string prefix', () => {
    const urls = [
      'veil-app://renderer/index.html',
      'VEIL-APP://renderer/index.html',
      'veil-app://renderer',
      'veil-app://renderer.evil.example/',
      'veil-app://renderer:80/',
      'veil-app://other/renderer/',
      'https://renderer/',
      'not a url',
    ];
    for (const url of urls) {
      const { window, mainFrame } = veilWindow(url);
      expect(isVeilSender(window.webContents as never, new Set([window.id]), mainFrame), url).toBe(isAppPageUrl(url));
    }
  });
});
