import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * An in-memory stand-in for the parts of Electron Veil uses, so the adapter in
 * electron/app can be unit-tested without the Electron binary. Installed once by
 * setup-electron-mock.ts; tests reach it through `electronFake`.
 *
 * Reviewed against Electron 45's documentation (docs/decisions/electron-stand-in.md):
 * where Veil's code depends on a behaviour, the fake has Electron's, not a kinder one —
 * powerMonitor's lock events exist only on macOS and Windows, a utility process is an
 * emitter whose unhandled 'error' throws, a second protocol handler for a scheme throws,
 * `setAppUserModelId` exists only on Windows. Where it is kinder, the reason it does not
 * matter is written next to it. The built app runs over a fuller stand-in
 * (test/unit/desktop/stand-in/).
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
  // 'ready-to-show' never comes here (no page is rendered); what waits on it (showing the
  // window) is checked by the stand-in run of the built app.
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

/** powerMonitor's 'lock-screen' and 'unlock-screen' exist only here (Electron docs: macOS, Windows). */
const LOCK_EVENT_PLATFORMS: readonly string[] = ['darwin', 'win32'];

/**
 * A utilityProcess child as Electron emits its events: 'spawn', 'message', 'error'
 * ('FatalError', location, report) then always 'exit' (a number). Being a plain EventEmitter,
 * an 'error' nobody listens to throws ERR_UNHANDLED_ERROR, as it does in Electron's main.
 */
export class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = undefined;
  readonly posted: unknown[] = [];
  killed = false;
  /** Its resident memory as app.getAppMetrics() reports it: in kilobytes, as Electron's MemoryInfo. */
  workingSetKb = 100 * 1024;
  constructor(
    readonly modulePath: string,
    readonly options: Record<string, unknown>,
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  /** The child started: Electron sets pid, then emits 'spawn'. */
  spawned(pid: number): void {
    this.pid = pid;
    this.emit('spawn');
  }
  /** A V8 fatal error in the child: 'error', then 'exit' with a non-zero code, pid cleared. */
  dieOfFatalError(exitCode = 6): void {
    this.emit('error', 'FatalError', 'v8::internal::Heap (fake)', '{}');
    this.pid = undefined;
    this.emit('exit', exitCode);
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
  screenLocked: false,
  /** Whose Electron is faked: decides which powerMonitor events exist and whether setAppUserModelId does. */
  platform: 'linux' as NodeJS.Platform,
  utilityProcesses: [] as FakeUtilityProcess[],
  appUserModelIds: [] as string[],
  /** Every open dialog shown: the window it was attached to (null when none) and its options. */
  openDialogs: [] as Array<{ window: unknown; options: Record<string, unknown> }>,
  /** What the person picks in the next open dialogs: null cancels (Electron then gives an empty `filePaths`). */
  openDialogPicks: null as string[] | null,
  /** Emits a powerMonitor event the way Electron would on `platform`: lock events only on macOS and Windows. */
  emitPower(event: string): void {
    if ((event === 'lock-screen' || event === 'unlock-screen') && !LOCK_EVENT_PLATFORMS.includes(this.platform)) return;
    for (const listener of this.powerListeners.get(event) ?? []) listener();
  },
  /** The user locks or unlocks the screen: an event where Electron has one, and getSystemIdleState says 'locked'. */
  lockScreen(locked: boolean): void {
    this.screenLocked = locked;
    this.emitPower(locked ? 'lock-screen' : 'unlock-screen');
  },
  reset(): void {
    this.powerListeners.clear();
    this.systemIdleSec = 0;
    this.screenLocked = false;
    this.platform = 'linux';
    this.utilityProcesses = [];
    this.appUserModelIds = [];
    this.openDialogs = [];
    this.openDialogPicks = null;
    this.ipcHandlers.clear();
    this.rendererListeners.clear();
    this.exposed.clear();
    this.privilegedSchemes = [];
    this.protocolHandlers.clear();
    this.invoked = [];
    FakeBrowserWindow.all = [];
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** One entry of app.getAppMetrics(), shaped as Electron's ProcessMetric. */
function fakeMetric(pid: number, type: 'Browser' | 'Utility', workingSetKb: number, name?: unknown) {
  return {
    pid,
    type,
    ...(typeof name === 'string' ? { name, serviceName: 'node.mojom.NodeService' } : {}),
    creationTime: 0,
    cpu: { percentCPUUsage: 0, idleWakeupsPerSecond: 0 },
    memory: { workingSetSize: workingSetKb, peakWorkingSetSize: workingSetKb },
    sandboxed: false,
  };
}

export function createElectronModule() {
  const ipcMain = {
    handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (electronFake.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      electronFake.ipcHandlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => electronFake.ipcHandlers.delete(channel)),
  };
  const ipcRenderer = {
    // Kinder than Electron, which rejects an invoke with no handler: the preload tests check
    // which channel the page reaches, never what main answers.
    invoke: vi.fn((channel: string, ...args: unknown[]) => {
      electronFake.invoked.push({ channel, args });
      return Promise.resolve({ ok: true, result: null });
    }),
    on: vi.fn((channel: string, listener: Listener) => {
      electronFake.rendererListeners.set(channel, [...(electronFake.rendererListeners.get(channel) ?? []), listener]);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      electronFake.rendererListeners.set(
        channel,
        (electronFake.rendererListeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    }),
  };
  const module = {
    // Kinder than Electron (ready at once, one fixed path, the lock always granted, quit does
    // nothing): unit tests never run main.ts's start-up over this fake; the built main runs
    // over the stand-in, which keeps ready ordering, a real lock and the quit sequence.
    app: {
      on: vi.fn(),
      whenReady: vi.fn(() => Promise.resolve()),
      getPath: vi.fn(() => '/tmp/veil-fake-user-data'),
      getVersion: () => '0.0.0-test',
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      // Electron lists the main process and every live child; a utility process only between its 'spawn' and 'exit'
      // (while it has a pid). Memory figures are in kilobytes.
      getAppMetrics: vi.fn(() => [
        fakeMetric(process.pid, 'Browser', 150 * 1024),
        ...electronFake.utilityProcesses.flatMap((child) =>
          child.pid === undefined ? [] : [fakeMetric(child.pid, 'Utility', child.workingSetKb, child.options['serviceName'])],
        ),
      ]),
      setAppUserModelId: vi.fn((id: string) => {
        // Electron binds it on Windows only: elsewhere calling it is a TypeError.
        if (electronFake.platform !== 'win32') throw new TypeError('app.setAppUserModelId is not a function');
        electronFake.appUserModelIds.push(id);
      }),
    },
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    ipcRenderer,
    // Electron copies what is exposed (functions proxied, prototypes dropped); this keeps the
    // reference. It does not matter for Veil's bridge, plain objects of functions and one string,
    // which survive the copy unchanged (test/unit/desktop/built-preload.test.ts runs the built one).
    contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => electronFake.exposed.set(key, value)) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => electronFake.privilegedSchemes.push(...schemes)),
      // Tests call these handlers with `new Request(url)`, whose signal never aborts: as under protocol.handle.
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        if (electronFake.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
        electronFake.protocolHandlers.set(scheme, handler);
      }),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    // As Electron: `([window, ]options)`, resolving to { canceled, filePaths } with no paths when cancelled.
    dialog: {
      showOpenDialog: vi.fn(async (...args: unknown[]) => {
        const [window, options] = args.length > 1 ? args : [null, args[0]];
        electronFake.openDialogs.push({ window, options: isRecord(options) ? options : {} });
        const picks = electronFake.openDialogPicks;
        return picks === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: picks };
      }),
    },
    utilityProcess: {
      fork: vi.fn((modulePath: string, _args: string[] = [], options: Record<string, unknown> = {}) => {
        const child = new FakeUtilityProcess(modulePath, options);
        electronFake.utilityProcesses.push(child);
        return child;
      }),
    },
    powerMonitor: {
      on: vi.fn((event: string, listener: Listener) => {
        electronFake.powerListeners.set(event, [...(electronFake.powerListeners.get(event) ?? []), listener]);
      }),
      removeListener: vi.fn((event: string, listener: Listener) => {
        electronFake.powerListeners.set(
          event,
          (electronFake.powerListeners.get(event) ?? []).filter((l) => l !== listener),
        );
      }),
      getSystemIdleTime: vi.fn(() => electronFake.systemIdleSec),
      getSystemIdleState: vi.fn((idleThresholdSec: number) =>
        electronFake.screenLocked ? 'locked' : electronFake.systemIdleSec >= idleThresholdSec ? 'idle' : 'active',
      ),
    },
  };
  return { ...module, default: module };
}
