import { describe, expect, it } from 'vitest';
import { hardenWebContents } from '../../../../electron/app/harden.js';
import { registerPrivilegedSchemes } from '../../../../electron/app/schemes.js';
import { createMainWindow } from '../../../../electron/app/window.js';
import { electronFake, FakeWebContents } from '../../electron-fake.js';

describe('window security', () => {
  it('sets every security preference explicitly and loads the app scheme, never file://', () => {
    const window = createMainWindow('/app/preload.cjs', '/app/assets/icon.png') as unknown as {
      options: { webPreferences: Record<string, unknown> };
      loadedUrl: string;
    };
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
    expect(window.loadedUrl).toBe('veil-app://renderer/index.html');
  });

  it('enables no experimental or extra Blink feature and no webview, and drops nothing dragged in as a page', () => {
    const window = createMainWindow('/app/preload.cjs', '/app/assets/icon.png') as unknown as { options: { webPreferences: Record<string, unknown> } };
    const preferences = window.options.webPreferences;
    expect(preferences).toMatchObject({ experimentalFeatures: false, webviewTag: false, navigateOnDragDrop: false });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences).not.toHaveProperty('blinkFeatures');
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    const outcome = (event: string, url?: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(outcome('will-navigate', 'https://example.invalid/')).toBe(true);
    expect(outcome('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(outcome('will-navigate', 'veil-app://renderer/index.html')).toBe(false);
    expect(outcome('will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(outcome('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.invalid/' })).toEqual({ action: 'deny' });
  });

  it('registers the media scheme as privileged for streaming, without bypassing the CSP', () => {
    registerPrivilegedSchemes();
    expect(electronFake.privilegedSchemes).toEqual([
      { scheme: 'veil-app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      { scheme: 'veil-media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(JSON.stringify(electronFake.privilegedSchemes)).not.toMatch(/bypassCSP/);
  });
});
