// BrowserWindow, its web contents, protocol, session and ipcMain, as far as Veil uses them.
// A window loads its URL through the handler registered with protocol.handle (as Chromium
// would), so what the test sees is what the app really serves.
import { report, requireNotReady, requireReady, StandInEmitter, state } from './stand-in-state.mjs';

const schemeHandlers = new Map();
const privilegedSchemes = new Map();
const windows = [];
let nextId = 1;

class WebContents extends StandInEmitter {
  id = nextId++;
  #url = '';
  #destroyed = false;
  windowOpenHandler = null;
  /** The main frame: its url is what the page shows, as in Electron's WebFrameMain. */
  mainFrame = { url: '', routingId: 1 };

  getURL() {
    return this.#url;
  }

  isDestroyed() {
    return this.#destroyed;
  }

  destroy() {
    this.#destroyed = true;
  }

  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }

  send(channel, ...args) {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    report('sent-to-renderer', { channel });
    void args;
  }

  async loadURL(url) {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = schemeHandlers.get(scheme);
    if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    const response = await handler(new Request(url));
    this.#url = url;
    this.mainFrame.url = url;
    this.emit('did-finish-load');
    return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
  }
}

export class BrowserWindow extends StandInEmitter {
  #destroyed = false;
  constructor(options = {}) {
    super();
    requireReady('BrowserWindow');
    this.options = options;
    this.id = nextId++;
    this.webContents = new WebContents();
    windows.push(this);
    state.app.emit('web-contents-created', {}, this.webContents);
  }

  static fromWebContents(contents) {
    return windows.find((window) => window.webContents === contents && !window.isDestroyed()) ?? null;
  }

  static getAllWindows() {
    return windows.filter((window) => !window.isDestroyed());
  }

  async loadURL(url) {
    const loaded = await this.webContents.loadURL(url);
    report('window-loaded', {
      url,
      status: loaded.status,
      contentType: loaded.contentType,
      preload: this.options.webPreferences?.preload ?? null,
      icon: this.options.icon ?? null,
      sandbox: this.options.webPreferences?.sandbox ?? null,
    });
    this.emit('ready-to-show');
  }

  isDestroyed() {
    return this.#destroyed;
  }

  isFocused() {
    return false;
  }

  isMinimized() {
    return false;
  }

  show() {
    this.emit('show');
  }

  focus() {}

  restore() {}

  close() {
    if (this.#destroyed) return;
    this.emit('close', { preventDefault() {} });
    this.#destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}

/** Used by app.quit(): every window closes before will-quit. */
export function closeAllWindows() {
  for (const window of BrowserWindow.getAllWindows()) window.close();
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    requireNotReady('protocol.registerSchemesAsPrivileged');
    for (const scheme of schemes) privilegedSchemes.set(scheme.scheme, scheme.privileges);
  },
  handle(scheme, handler) {
    requireReady('protocol.handle');
    if (schemeHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    schemeHandlers.set(scheme, handler);
  },
  isProtocolHandled(scheme) {
    return schemeHandlers.has(scheme);
  },
};

/** The test fetches through the app's own handler; the Request's signal never aborts, as under protocol.handle. */
export async function fetchThroughScheme(url) {
  const handler = schemeHandlers.get(new URL(url).protocol.replace(/:$/, ''));
  if (!handler) return { status: 'no-handler' };
  const response = await handler(new Request(url));
  return { status: response.status, contentType: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength };
}

const ipcHandlers = new Map();

export const ipcMain = new (class extends StandInEmitter {
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
  }
  removeHandler(channel) {
    ipcHandlers.delete(channel);
  }
})();

/** What ipcRenderer.invoke from the window's page would do: the handler sees its sender and main frame. */
export async function invokeFromWindow(channel, args) {
  const window = BrowserWindow.getAllWindows()[0];
  if (!window) throw new Error('no window');
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame, processId: 1, frameId: 1 };
  // Electron sends the result over structured clone.
  return structuredClone(await handler(event, args));
}

export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} };
  },
};
