// The `app` module as Electron 45 documents the parts Veil relies on: getPath (usable before
// ready), the single-instance lock (a real lock shared by processes, like Chromium's
// SingletonLock), one 'ready' after the main module has run, and the quit sequence.
import { readFileSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { homedir, hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { report, requireReady, StandInEmitter, state } from './stand-in-state.mjs';
import { closeAllWindows } from './stand-in-window.mjs';
import { utilityMetrics, workingSetKb } from './stand-in-utility.mjs';

const packageJson = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'));

function userDataDir() {
  const dir = process.env.VEIL_STAND_IN_USER_DATA;
  if (!dir) throw new Error('the stand-in needs VEIL_STAND_IN_USER_DATA (Electron would use ~/.config/<productName>)');
  return dir;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code !== 'ESRCH';
  }
}

/** Chromium's SingletonLock: a symlink in userData naming host and pid; a dead holder's lock is taken over. */
function takeSingletonLock(dir) {
  const lockPath = join(dir, 'SingletonLock');
  const mine = `${hostname()}-${process.pid}`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      symlinkSync(mine, lockPath);
      process.once('exit', () => {
        try {
          if (readlinkSync(lockPath) === mine) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      });
      return true;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holderPid = Number(readlinkSync(lockPath).split('-').pop());
    if (isAlive(holderPid)) return false;
    unlinkSync(lockPath);
  }
  return false;
}

class StandInApp extends StandInEmitter {
  isPackaged = false;
  #quitting = false;
  #readyPromise = new Promise((resolve) => this.once('ready', resolve));

  getPath(name) {
    const userData = userDataDir();
    const paths = { userData, appData: dirname(userData), temp: tmpdir(), home: homedir(), sessionData: userData, logs: join(userData, 'logs') };
    if (!(name in paths)) throw new Error(`Failed to get '${name}' path`);
    return paths[name];
  }

  getName() {
    return packageJson.productName ?? packageJson.name;
  }

  getVersion() {
    return packageJson.version;
  }

  /** The main process and each live utility process; memory in kilobytes, as Electron reports it. */
  getAppMetrics() {
    const kb = workingSetKb(process.pid);
    const main = {
      pid: process.pid,
      type: 'Browser',
      creationTime: 0,
      cpu: { percentCPUUsage: 0, idleWakeupsPerSecond: 0 },
      memory: { workingSetSize: kb, peakWorkingSetSize: kb },
      sandboxed: false,
    };
    return [main, ...utilityMetrics()];
  }

  getLocale() {
    requireReady('app.getLocale()');
    return 'en-US';
  }

  isReady() {
    return state.ready;
  }

  whenReady() {
    return this.#readyPromise;
  }

  requestSingleInstanceLock() {
    return takeSingletonLock(userDataDir());
  }

  /** Electron: before-quit (preventable), every window closed, will-quit, quit, then the process ends. */
  quit() {
    if (this.#quitting) return;
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.#quitting = true;
    closeAllWindows();
    this.emit('will-quit', { preventDefault() {} });
    this.emit('quit', { preventDefault() {} }, 0);
    setImmediate(() => process.exit(0));
  }

  exit(code = 0) {
    process.exit(code);
  }
}

export const app = new StandInApp();

// Windows only (Electron binds it under IS_WIN): elsewhere calling it is a TypeError, as in Electron.
if (state.platform === 'win32') {
  app.setAppUserModelId = (id) => report('app-user-model-id', { id, beforeReady: !state.ready });
}

// 'ready' comes once, after the main module (and everything it imports) has been evaluated.
setTimeout(() => {
  state.ready = true;
  app.emit('ready', {}, {});
  report('ready');
}, 10);
