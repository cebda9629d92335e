import { app, session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenAllWebContents, hardenWebContents, isAppPageUrl } from '../../../../electron/app/harden.js';
import { FakeWebContents } from '../../electron-fake.js';

/** Permissions a hostile page might ask for; the handler must not care which. */
const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'midiSysex',
  'pointerLock',
  'fullscreen',
  'openExternal',
  'clipboard-read',
  'display-capture',
  'hid',
  'serial',
  'usb',
  'window-management',
  'unknown',
];

function prevented(contents: FakeWebContents, event: string, ...args: unknown[]): boolean {
  let wasPrevented = false;
  contents.emit(event, { preventDefault: () => (wasPrevented = true) }, ...args);
  return wasPrevented;
}

describe('hardening of every web contents', () => {
  it('denies every permission request and every permission check', () => {
    denyAllPermissions();
    const requestHandler = vi.mocked(session.defaultSession.setPermissionRequestHandler).mock.lastCall?.[0];
    const checkHandler = vi.mocked(session.defaultSession.setPermissionCheckHandler).mock.lastCall?.[0];
    expect(requestHandler).toBeTypeOf('function');
    expect(checkHandler).toBeTypeOf('function');
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = [];
      requestHandler?.(new FakeWebContents() as never, permission as never, (granted) => answers.push(granted), {} as never);
      expect(answers, permission).toEqual([false]);
      expect(checkHandler?.(null, permission as never, 'veil-app://renderer', {} as never), permission).toBe(false);
    }
  });

  it('allows navigation only to pages of the built renderer, judged by a URL parser', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    for (const url of [
      'https://example.invalid/',
      'file:///etc/passwd',
      'veil-app://renderer.evil.example/index.html',
      'veil-app://other/index.html',
      'veil-media://item/abc/original',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(prevented(contents, 'will-navigate', url), url).toBe(true);
      expect(prevented(contents, 'will-redirect', url), url).toBe(true);
    }
    expect(prevented(contents, 'will-navigate', 'veil-app://renderer/index.html')).toBe(false);
  });

  it('refuses every new window, a middle-click (background tab) and shift-click included, and every webview', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    for (const disposition of ['background-tab', 'foreground-tab', 'new-window', 'default']) {
      expect(contents.windowOpenHandler?.({ url: 'veil-app://renderer/index.html', disposition } as never), disposition).toEqual({ action: 'deny' });
    }
    expect(prevented(contents, 'will-attach-webview', {}, { src: 'https://example.invalid/' })).toBe(true);
  });

  it('hardens web contents created later, whoever creates them', () => {
    hardenAllWebContents();
    // app.on has one overload per event; the mock's calls are typed by the last one.
    const calls = vi.mocked(app.on).mock.calls as unknown as Array<[string, (...args: unknown[]) => void]>;
    const listener = calls.find(([event]) => event === 'web-contents-created')?.[1];
    const contents = new FakeWebContents();
    listener?.({}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.invalid/' })).toEqual({ action: 'deny' });
    expect(prevented(contents, 'will-navigate', 'https://example.invalid/')).toBe(true);
  });

  it('tells pages of the app from look-alikes', () => {
    expect(isAppPageUrl('veil-app://renderer/index.html')).toBe(true);
    expect(isAppPageUrl('veil-app://renderer/assets/index.js')).toBe(true);
    for (const url of ['veil-app://renderer.evil/', 'veil-app://evil/renderer/', 'veil-app:renderer/index.html', 'https://renderer/', '']) {
      expect(isAppPageUrl(url), url).toBe(false);
    }
  });
});
