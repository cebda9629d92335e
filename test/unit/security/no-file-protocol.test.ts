import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleSchemes } from '../../../electron/app/schemes.js';
import { createMainWindow } from '../../../electron/app/window.js';
import { electronFake, FakeBrowserWindow } from '../electron-fake.js';
import { occurrences as occurrencesIn, shippedSources } from './shipped-sources.js';

const SHIPPED = shippedSources();
const occurrences = (pattern: RegExp) => occurrencesIn(SHIPPED, pattern);

describe('nothing is loaded over file://', () => {
  it('scans the code that ships (a guard against an empty scan)', () => {
    expect(SHIPPED.some(({ file }) => file === 'electron/app/window.ts')).toBe(true);
    expect(SHIPPED.length).toBeGreaterThan(50);
  });

  it('has no file: URL in any string, and never calls loadFile or builds a file URL for a window', () => {
    // One exception, and only this one: the media worker hands FFmpeg the case file as a file URL
    // (its own file protocol, the only one its whitelist allows); no window or scheme handler sees it.
    const ffmpegOpen = 'electron/media-worker/video-input.ts: `file:';
    expect(occurrences(/['"`]\s*file:|['"`][^'"`\n]*file:\/\//gi).filter((found) => found !== ffmpegOpen)).toEqual([]);
    expect(occurrences(/\.loadFile\s*\(/g)).toEqual([]);
    expect(occurrences(/\b(?:registerFileProtocol|interceptFileProtocol)\b|protocol\.handle\(\s*['"`]file/g)).toEqual([]);
    expect(SHIPPED.filter(({ file, text }) => file.startsWith('electron/app/') && text.includes('pathToFileURL')).map(({ file }) => file)).toEqual([]);
  });

  it('loads windows only from the app scheme', () => {
    expect(occurrences(/\.loadURL\s*\([^)]*\)/g)).toEqual(['electron/app/window.ts: .loadURL(`${APP_SCHEME}://renderer/index.html`)']);
    createMainWindow('/app/preload.cjs', '/app/assets/icon.png');
    expect(FakeBrowserWindow.all.map((window) => window.loadedUrl)).toEqual(['veil-app://renderer/index.html']);
  });

  it('handles only its own two schemes, never file', () => {
    const rendererDir = mkdtempSync(path.join(tmpdir(), 'veil-renderer-'));
    try {
      handleSchemes(rendererDir, () => Promise.reject(new Error('not used')));
      expect([...electronFake.protocolHandlers.keys()].sort()).toEqual(['veil-app', 'veil-media']);
    } finally {
      rmSync(rendererDir, { recursive: true, force: true });
    }
  });
});
