import type { App } from 'electron';

/** The app id: electron-builder's `appId` and, on Windows, the AppUserModelID notifications need. */
export const APP_ID = 'ca.veil.desktop';

/**
 * Windows shows a notification only for an app it can name by its AppUserModelID; without
 * one set before ready, break notifications silently never appear. The method exists only
 * on Windows (Electron binds it under IS_WIN), so it is not called elsewhere.
 */
export function setWindowsAppId(app: Pick<App, 'setAppUserModelId'>, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}
