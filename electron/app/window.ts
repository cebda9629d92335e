import { BrowserWindow } from 'electron';
import { APP_SCHEME } from './scheme-names.js';

/**
 * The one kind of window Veil opens. Every security preference is set explicitly
 * (not left to defaults, which scanners cannot see and which have changed before).
 */
export function createMainWindow(preloadPath: string, iconPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#1d1f21',
    title: 'Veil',
    // The taskbar / dock icon while running unpackaged, and the window icon on Linux.
    icon: iconPath,
    webPreferences: {
      // electronegativity: PRELOAD_JS_CHECK reviewed — our own bundled preload (one CommonJS file requiring only electron) exposes one named function per contract request and event and the media prefix; never ipcRenderer, Node, process or a store (test/unit/electron/app/preload.test.ts).
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
      // A middle-click on a link asks for a new background tab. What refuses it is the
      // deny-all window-open handler (harden.ts, tested); this names the old Blink switch
      // Electronegativity's AUXCLICK_JS_CHECK looks for, which current Chromium ignores.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_SCHEME}://renderer/index.html`);
  return window;
}
