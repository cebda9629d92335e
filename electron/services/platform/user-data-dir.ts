import { join } from 'node:path';

export const APP_DIR_NAME = 'Veil';

/**
 * The per-user app data folder, the same one Electron's `app.getPath('userData')`
 * gives for an app named Veil, so the browser host and the desktop app share state
 * by default.
 */
export function defaultUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, homeDir: string): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homeDir, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homeDir, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homeDir, '.config'), APP_DIR_NAME);
}
