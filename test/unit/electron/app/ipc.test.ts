import { describe, expect, it, vi } from 'vitest';
import { REQUEST_NAMES, ipcChannel, type RequestHandlers } from '../../../../shared/contract.js';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/settings.js';
import { registerIpcHandlers } from '../../../../electron/app/ipc.js';
import { electronFake, FakeBrowserWindow, FakeWebContents } from '../../electron-fake.js';

function fakeHandlers(): RequestHandlers {
  const fail = () => Promise.reject(new Error('not used in this test'));
  return {
    getAppInfo: vi.fn(() => Promise.resolve({ version: '1', host: 'electron' as const, canPickFolder: true, notices: [] })),
    getSettings: vi.fn(() => Promise.resolve(DEFAULT_SETTINGS)),
    updateSettings: vi.fn(fail),
    getCase: vi.fn(() => Promise.resolve(null)),
    openCase: vi.fn(fail),
    openDemoCase: vi.fn(fail),
    cancelImport: vi.fn(fail),
    listItems: vi.fn(fail),
    getItems: vi.fn(fail),
    listProblems: vi.fn(fail),
    listStackMembers: vi.fn(fail),
    listFolderGroups: vi.fn(fail),
    showKnownItems: vi.fn(fail),
    releaseThumbnails: vi.fn(fail),
    reportVisibility: vi.fn(fail),
    reportActivity: vi.fn(fail),
    getMyExposure: vi.fn(fail),
    getWellbeing: vi.fn(fail),
    breakAction: vi.fn(fail),
    overrideLimit: vi.fn(fail),
    reportItemBoundary: vi.fn(fail),
    getNotes: vi.fn(fail),
    saveNote: vi.fn(fail),
    previewWeeklySummary: vi.fn(fail),
    exportWeeklySummary: vi.fn(fail),
    getTeamSharing: vi.fn(fail),
    loadTeamStats: vi.fn(fail),
    pickFolder: vi.fn(fail),
    importHashSet: vi.fn(fail),
    cancelHashSetImport: vi.fn(fail),
    listHashSets: vi.fn(fail),
    removeHashSet: vi.fn(fail),
    setHashSetEnabled: vi.fn(fail),
    getReview: vi.fn(fail),
    chooseCaseScheme: vi.fn(fail),
    importCategoryScheme: vi.fn(fail),
    exportCategoryScheme: vi.fn(fail),
    categoriseItem: vi.fn(fail),
    undoDecision: vi.fn(fail),
    redoDecision: vi.fn(fail),
    getItemReview: vi.fn(fail),
    nextToReview: vi.fn(fail),
    rememberReviewPlace: vi.fn(fail),
    getReviewPlace: vi.fn(fail),
    exportReview: vi.fn(fail),
    authoriseItem: vi.fn(fail),
    categoriseItems: vi.fn(fail),
    getReferralStatus: vi.fn(fail),
    chooseReferralManifest: vi.fn(fail),
    continueWithoutManifest: vi.fn(fail),
    pickFile: vi.fn(() => Promise.resolve({ filePath: '/hotline/manifest.csv' })),
  };
}

async function invoke(name: string, sender: FakeWebContents, args: unknown): Promise<unknown> {
  const handler = electronFake.ipcHandlers.get(ipcChannel('request', name as never));
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler({ sender }, args);
}

describe('IPC handler registration', () => {
  it('registers exactly one handler per request in the contract', () => {
    registerIpcHandlers(fakeHandlers(), new Set());
    expect([...electronFake.ipcHandlers.keys()].sort()).toEqual(REQUEST_NAMES.map((n) => ipcChannel('request', n)).sort());
  });

  it('answers a Veil window and validates its arguments', async () => {
    const window = new FakeBrowserWindow();
    const handlers = fakeHandlers();
    registerIpcHandlers(handlers, new Set([window.id]));
    await expect(invoke('getSettings', window.webContents, {})).resolves.toEqual({ ok: true, result: DEFAULT_SETTINGS });
    const bad = await invoke('listItems', window.webContents, { caseId: '../../etc', offset: -1, limit: 1e9 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(handlers.listItems).not.toHaveBeenCalled();
  });

  it('passes a file picker purpose through, and refuses one the contract does not name', async () => {
    const window = new FakeBrowserWindow();
    const handlers = fakeHandlers();
    registerIpcHandlers(handlers, new Set([window.id]));
    await expect(invoke('pickFile', window.webContents, { purpose: 'referral-manifest' })).resolves.toEqual({
      ok: true,
      result: { filePath: '/hotline/manifest.csv' },
    });
    const bad = await invoke('pickFile', window.webContents, { purpose: 'anything', extensions: ['exe'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(handlers.pickFile).toHaveBeenCalledTimes(1);
    expect(handlers.pickFile).toHaveBeenCalledWith({ purpose: 'referral-manifest' });
  });

  it('refuses a sender that is not a Veil window, without running the service', async () => {
    const handlers = fakeHandlers();
    const veilWindow = new FakeBrowserWindow();
    registerIpcHandlers(handlers, new Set([veilWindow.id]));
    const strangerWindow = new FakeBrowserWindow();
    const orphanContents = new FakeWebContents();
    const navigatedAway = new FakeBrowserWindow();
    navigatedAway.webContents.url = 'https://example.invalid/';
    for (const sender of [strangerWindow.webContents, orphanContents, navigatedAway.webContents]) {
      await expect(invoke('getSettings', sender, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(handlers.getSettings).not.toHaveBeenCalled();
  });

  it('removes every handler it registered', () => {
    const unregister = registerIpcHandlers(fakeHandlers(), new Set());
    unregister();
    expect(electronFake.ipcHandlers.size).toBe(0);
  });
});
