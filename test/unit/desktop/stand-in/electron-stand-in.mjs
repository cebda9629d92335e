// A stand-in for the `electron` module, faithful to Electron 45's documented behaviour where
// Veil depends on it (see docs/decisions/electron-stand-in.md). The built main bundle and the
// real electron-store import it through resolve-electron.mjs. A test drives it over the IPC
// channel of the Node process it started: commands in, observations out (report()).
import { app } from './stand-in-app.mjs';
import { report, requireReady, StandInEmitter, state } from './stand-in-state.mjs';
import { utilityProcess } from './stand-in-utility.mjs';
import { BrowserWindow, fetchThroughScheme, invokeFromWindow, ipcMain, protocol, session } from './stand-in-window.mjs';

state.app = app;
// Electron's main process says so; electron-store reads it.
process.type = 'browser';

const HAS_LOCK_EVENTS = state.platform === 'darwin' || state.platform === 'win32';
const power = { idleSec: 0, locked: false };

/** powerMonitor: lock-screen / unlock-screen exist only on macOS and Windows; usable only after ready. */
const powerMonitorEmitter = new StandInEmitter();
export const powerMonitor = new Proxy(powerMonitorEmitter, {
  get(target, property, receiver) {
    requireReady('powerMonitor');
    if (property === 'getSystemIdleTime') return () => power.idleSec;
    if (property === 'getSystemIdleState') {
      return (thresholdSec) => (power.locked ? 'locked' : power.idleSec >= thresholdSec ? 'idle' : 'active');
    }
    const value = Reflect.get(target, property, receiver);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});

export const dialog = {
  showErrorBox(title, content) {
    report('error-box', { title, content });
  },
  // `([window, ]options)`, as Electron; the person always cancels, which Electron answers with no paths.
  async showOpenDialog(...args) {
    requireReady('dialog.showOpenDialog');
    const [window, options] = args.length > 1 ? args : [null, args[0]];
    report('open-dialog', { attached: window instanceof BrowserWindow, options });
    return { canceled: true, filePaths: [] };
  },
};

export class Notification extends StandInEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    requireReady('Notification');
    this.options = options;
  }
  show() {
    report('notification', { title: this.options.title });
  }
}

/**
 * safeStorage on a Linux desktop without a keyring: nothing before ready; after it, encryption
 * "works" with Chromium's hard-coded password (backend 'basic_text'), which protects nothing.
 */
export const safeStorage = {
  isEncryptionAvailable: () => state.ready,
  getSelectedStorageBackend: () => (state.ready ? 'basic_text' : 'unknown'),
  encryptString(text) {
    if (!state.ready) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('v10'), Buffer.from(text, 'utf8').reverse()]);
  },
  decryptString(sealed) {
    if (!state.ready) throw new Error('Decryption is not available.');
    if (sealed.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(sealed.subarray(3)).reverse().toString('utf8');
  },
};
export const shell = {};
export { app, BrowserWindow, ipcMain, protocol, session, utilityProcess };

const electron = { app, BrowserWindow, dialog, ipcMain, Notification, powerMonitor, protocol, safeStorage, session, shell, utilityProcess };
export default electron;

const commands = {
  invoke: ({ channel, args }) => invokeFromWindow(channel, args),
  fetch: ({ url }) => fetchThroughScheme(url),
  quit: () => app.quit(),
  'set-idle': ({ idleSec }) => void (power.idleSec = idleSec),
  'lock-screen': ({ locked }) => {
    power.locked = locked;
    if (HAS_LOCK_EVENTS) powerMonitorEmitter.emit(locked ? 'lock-screen' : 'unlock-screen');
  },
};

if (typeof process.send === 'function') {
  process.on('message', (message) => {
    const command = commands[message.type];
    if (!command) return report('reply', { id: message.id, error: `unknown command ${message.type}` });
    Promise.resolve()
      .then(() => command(message))
      .then(
        (value) => report('reply', { id: message.id, value }),
        (error) => report('reply', { id: message.id, error: error instanceof Error ? error.message : String(error) }),
      );
  });
}
