import { BrowserWindow } from 'electron';
import { APP_SCHEME } from './scheme-names.js';

/**
 * The one kind of window Veil opens. Every security preference is set explicitly
 * (not left to defaults, which scanners cannot see and which have changed before).
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#1d1f21',
    title: 'Veil',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_SCHEME}://renderer/index.html`);
  return window;
}
