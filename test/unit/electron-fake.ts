import { vi } from 'vitest';

/**
 * An in-memory stand-in for the parts of Electron Veil uses, so the adapter in
 * electron/app can be unit-tested without the Electron binary. Installed once by
 * setup-electron-mock.ts; tests reach it through `electronFake`.
 */
type Listener = (...args: unknown[]) => void;

export class FakeWebContents {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly listeners = new Map<string, Listener[]>();
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(public url = 'veil-app://renderer/index.html') {}
  getURL(): string {
    return this.url;
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow {
  private static nextId = 1;
  static all: FakeBrowserWindow[] = [];
  readonly id = FakeBrowserWindow.nextId++;
  readonly webContents: FakeWebContents;
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown> = {}) {
    this.webContents = new FakeWebContents();
    FakeBrowserWindow.all.push(this);
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((window) => window.webContents === contents) ?? null;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all;
  }
  readonly listeners = new Map<string, Listener[]>();
  isDestroyed(): boolean {
    return false;
  }
  once(): this {
    return this;
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
}

export const electronFake = {
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  rendererListeners: new Map<string, Listener[]>(),
  exposed: new Map<string, unknown>(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  invoked: [] as Array<{ channel: string; args: unknown[] }>,
  powerListeners: new Map<string, Listener[]>(),
  systemIdleSec: 0,
  reset(): void {
    this.powerListeners.clear();
    this.systemIdleSec = 0;
    this.ipcHandlers.clear();
    this.rendererListeners.clear();
    this.exposed.clear();
    this.privilegedSchemes = [];
    this.protocolHandlers.clear();
    this.invoked = [];
    FakeBrowserWindow.all = [];
  },
};

export function createElectronModule() {
  const ipcMain = {
    handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (electronFake.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      electronFake.ipcHandlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => electronFake.ipcHandlers.delete(channel)),
  };
  const ipcRenderer = {
    invoke: vi.fn((channel: string, ...args: unknown[]) => {
      electronFake.invoked.push({ channel, args });
      return Promise.resolve({ ok: true, result: null });
    }),
    on: vi.fn((channel: string, listener: Listener) => {
      electronFake.rendererListeners.set(channel, [...(electronFake.rendererListeners.get(channel) ?? []), listener]);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      electronFake.rendererListeners.set(channel, (electronFake.rendererListeners.get(channel) ?? []).filter((l) => l !== listener));
    }),
  };
  const module = {
    app: { on: vi.fn(), whenReady: vi.fn(() => Promise.resolve()), getPath: vi.fn(() => '/tmp/veil-fake-user-data'), getVersion: () => '0.0.0-test', requestSingleInstanceLock: vi.fn(() => true), quit: vi.fn() },
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    ipcRenderer,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => electronFake.exposed.set(key, value)) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => electronFake.privilegedSchemes.push(...schemes)),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => electronFake.protocolHandlers.set(scheme, handler)),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    dialog: { showOpenDialog: vi.fn() },
    utilityProcess: { fork: vi.fn() },
    powerMonitor: {
      on: vi.fn((event: string, listener: Listener) => {
        electronFake.powerListeners.set(event, [...(electronFake.powerListeners.get(event) ?? []), listener]);
      }),
      removeListener: vi.fn((event: string, listener: Listener) => {
        electronFake.powerListeners.set(event, (electronFake.powerListeners.get(event) ?? []).filter((l) => l !== listener));
      }),
      getSystemIdleTime: vi.fn(() => electronFake.systemIdleSec),
    },
  };
  return { ...module, default: module };
}
