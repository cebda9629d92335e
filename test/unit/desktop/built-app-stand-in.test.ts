import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { APP_ID } from '../../../electron/app/app-identity.js';
import { BUILT_MAIN, launchBuiltApp, quitBuiltApp, type BuiltApp } from './built-app.js';

// The built desktop app (dist/electron/main.js) under a stand-in `electron` module that
// behaves as Electron 45 documents (test/unit/desktop/stand-in/, docs/decisions/electron-stand-in.md),
// with the real electron-store on top. Each launch is a real Node process.

const SettingsSchema = z.object({ language: z.string(), revealDurationSec: z.number() }).passthrough();
const AppInfoSchema = z.object({ notices: z.array(z.object({ code: z.string(), keptAs: z.string().nullable() }).passthrough()) }).passthrough();
const CaseSchema = z.object({ caseId: z.string() }).passthrough();
const ItemPageSchema = z.object({ items: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string() }).passthrough()) });

let userData = '';
const running: BuiltApp[] = [];

function launch(env: Record<string, string> = {}): BuiltApp {
  const app = launchBuiltApp(userData, env);
  running.push(app);
  return app;
}

/** Waits for `promise`, failing at once (with main's stderr) if the app ends first. */
async function whileRunning<T>(app: BuiltApp, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    app.exited.then(({ code, signal }) => {
      throw new Error(`the app ended (code ${code}, signal ${signal}) while the test waited:\n${app.stderr()}`);
    }),
  ]);
}

const windowLoaded = (app: BuiltApp) => whileRunning(app, app.next('window-loaded'));

afterEach(() => {
  for (const app of running.splice(0)) app.kill();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

describe('the built desktop app under the Electron stand-in', () => {
  it('keeps the settings a user changed across two launches, in userData/settings.json, even when quit is asked twice; the file picker follows the language chosen', async () => {
    userData = mkdtempSync(join(tmpdir(), 'veil-stand-in-'));
    const first = launch();
    await windowLoaded(first);
    const changed = SettingsSchema.parse(await first.request('updateSettings', { language: 'fr-CA', revealDurationSec: 20 }));
    expect(changed).toMatchObject({ language: 'fr-CA', revealDurationSec: 20 });
    // The file picker speaks the language just chosen, is modal to the window, and a cancel answers null.
    expect(await first.request('pickFile', { purpose: 'scheme-file' })).toEqual({ filePath: null });
    expect(await first.next('open-dialog')).toMatchObject({
      attached: true,
      options: { title: 'Choisir un fichier de grille de catégories', properties: ['openFile'] },
    });
    // Asked twice, quitting still waits for the services to close: the break state is written whole.
    await quitBuiltApp(first, 2);
    expect(readdirSync(userData)).toContain('wellbeing-state.json');
    expect(readdirSync(userData).filter((name) => name.includes('.tmp'))).toEqual([]);

    const second = launch();
    await windowLoaded(second);
    expect(SettingsSchema.parse(await second.request('getSettings'))).toMatchObject({ language: 'fr-CA', revealDurationSec: 20 });
    expect(readdirSync(userData)).toContain('settings.json');
    expect(readdirSync(userData)).not.toContain('config.json');
    await quitBuiltApp(second);
  });

  it('keeps a corrupt settings file aside, byte for byte, and starts with defaults and a notice', async () => {
    userData = mkdtempSync(join(tmpdir(), 'veil-stand-in-'));
    const first = launch();
    await windowLoaded(first);
    await quitBuiltApp(first);
    const garbage = '{"language": "fr-CA", oops';
    writeFileSync(join(userData, 'settings.json'), garbage);

    const second = launch();
    await windowLoaded(second);
    expect(second.observations.filter((o) => o.type === 'error-box')).toEqual([]);
    const info = AppInfoSchema.parse(await second.request('getAppInfo'));
    const reset = info.notices.find((notice) => notice.code === 'settings-reset');
    expect(reset?.keptAs).toMatch(/^settings\.corrupt-.+\.json$/);
    expect(readFileSync(join(userData, reset?.keptAs ?? 'missing'), 'utf8')).toBe(garbage);
    expect(SettingsSchema.parse(await second.request('getSettings')).language).toBe('system');
    await quitBuiltApp(second);
  });

  it('restarts a media worker that died of a fatal error, and main stays up', async () => {
    userData = mkdtempSync(join(tmpdir(), 'veil-stand-in-'));
    const app = launch();
    await windowLoaded(app);
    const { caseId } = CaseSchema.parse(await app.request('getCase'));
    // The import lists items as it hashes them, and starts their thumbnails: wait until it
    // is done, so every image is listed and no job is in flight when a worker is killed.
    const importPhase = async () =>
      z
        .object({ import: z.object({ phase: z.string() }) })
        .passthrough()
        .parse(await app.request('getCase')).import.phase;
    await expect.poll(importPhase, { timeout: 30_000, interval: 100 }).toBe('done');
    const listImages = async () =>
      ItemPageSchema.parse(await app.request('listItems', { caseId, offset: 0, limit: 50 })).items.filter((item) => item.kind === 'image');
    // Every thumbnail first: the first screen's thumbnails are started as the import lists
    // them, and a worker killed mid-job fails its item; this test kills an idle one. The
    // demo case's damaged JPEG is refused (422), every other image is made.
    const shown = [];
    for (const image of await listImages()) {
      const { status } = z
        .object({ status: z.number() })
        .passthrough()
        .parse(await app.command('fetch', { url: `veil-media://item/${image.id}/thumb` }));
      expect.soft(status === 200 || image.name.includes('damaged'), `${image.name}: ${status}`).toBe(true);
      if (status === 200) shown.push(image);
    }
    const another = shown[1];
    if (!another) throw new Error('the demo case has fewer than two images that can be shown');
    const firstWorker = z
      .object({ pid: z.number() })
      .passthrough()
      .parse(await app.next('worker-spawned'));

    // A V8 fatal error aborts the process; Electron then emits 'error' and 'exit' in main.
    process.kill(firstWorker.pid, 'SIGABRT');
    const exit = await whileRunning(app, app.next('worker-exit'));
    expect(exit['code']).not.toBe(0);

    // The next picture needs a worker again (every thumbnail would come from the cache).
    expect(await whileRunning(app, app.command('fetch', { url: `veil-media://item/${another.id}/view` }))).toMatchObject({ status: 200 });
    const secondWorker = await whileRunning(
      app,
      app.next('worker-spawned', (o) => o['pid'] !== firstWorker.pid),
    );
    expect(secondWorker['pid']).not.toBe(firstWorker.pid);
    expect(SettingsSchema.parse(await app.request('getSettings')).language).toBe('system');
    await quitBuiltApp(app);
  });

  it('lets a second launch hand over and leave before it touches the data folder', async () => {
    userData = mkdtempSync(join(tmpdir(), 'veil-stand-in-'));
    const first = launch();
    await windowLoaded(first);
    const lockBefore = readFileSync(join(userData, 'veil.lock'), 'utf8');
    const second = launch();
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.observations.filter((o) => o.type === 'window-loaded' || o.type === 'error-box')).toEqual([]);
    // The data folder is still the first one's: the second never reached the folder lock.
    expect(readFileSync(join(userData, 'veil.lock'), 'utf8')).toBe(lockBefore);
    expect(JSON.parse(lockBefore)).toMatchObject({ pid: first.pid, host: 'electron' });
    expect(SettingsSchema.parse(await first.request('getSettings')).language).toBe('system');
    await quitBuiltApp(first);
  });

  it('loads veil-app://renderer/ in a sandboxed window with the built preload and the app icon; on Windows names itself for notifications before ready', async () => {
    userData = mkdtempSync(join(tmpdir(), 'veil-stand-in-'));
    const app = launch({ VEIL_STAND_IN_PLATFORM: 'win32' });
    const loaded = await windowLoaded(app);
    expect(loaded).toMatchObject({ status: 200, sandbox: true, preload: join(dirname(BUILT_MAIN), 'preload.cjs') });
    expect(String(loaded['url'])).toMatch(/^veil-app:\/\/renderer\//);
    expect(String(loaded['contentType'])).toMatch(/^text\/html/);
    expect(existsSync(String(loaded['preload']))).toBe(true);
    expect(existsSync(String(loaded['icon']))).toBe(true);
    // Without an AppUserModelID set before ready, Windows shows none of Veil's break notifications.
    expect(app.observations.find((o) => o.type === 'app-user-model-id')).toEqual({ type: 'app-user-model-id', id: APP_ID, beforeReady: true });
    await quitBuiltApp(app);
  });
});
