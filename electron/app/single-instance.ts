import type { App, BrowserWindow } from 'electron';

/**
 * One desktop Veil per user: a second launch hands over to the first (which comes to the
 * front, restored if minimised) and quits before it touches the data folder. Returns
 * whether this process is the one that runs.
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, mainWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = mainWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return true;
}
