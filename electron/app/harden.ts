import { app, session, type WebContents } from 'electron';
import { APP_SCHEME } from './scheme-names.js';

/**
 * True only for a page of the built renderer (`veil-app://renderer/…`). Judged with a URL
 * parser, as the Electron checklist advises: a string prefix can be fooled.
 */
export function isAppPageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'renderer';
  } catch {
    return false;
  }
}

/**
 * Applies the Electron security checklist to every web contents Veil creates:
 * no navigation away from the app, no new windows (middle-clicks included), no
 * webviews, and every permission (camera, notifications from the page, etc.) denied.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPageUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppPageUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Veil's page needs no web permission, so every request and every check is refused
 * (Electron consults the check handler for HID, serial and USB access too).
 */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** Must run before the first window: hardens every web contents as it is created. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
