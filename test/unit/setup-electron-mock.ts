import { beforeEach, vi } from 'vitest';
import { electronFake } from './electron-fake.js';

// The Electron binary cannot run in tests; main-process code sees this fake instead.
vi.mock('electron', async () => (await import('./electron-fake.js')).createElectronModule());

beforeEach(() => {
  electronFake.reset();
});
