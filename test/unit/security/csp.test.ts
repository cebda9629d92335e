import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleSchemes } from '../../../electron/app/schemes.js';
import { RENDERER_CSP } from '../../../shared/csp.js';
import { electronFake } from '../electron-fake.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('Content Security Policy', () => {
  let rendererDir: string;
  beforeEach(() => {
    rendererDir = mkdtempSync(path.join(tmpdir(), 'veil-renderer-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Veil</title>');
  });
  afterEach(() => rmSync(rendererDir, { recursive: true, force: true }));

  it('is strict: nothing by default, scripts and styles only from the app, media only from the media scheme', () => {
    const csp = directives(RENDERER_CSP);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'veil-media:']);
    expect(csp.get('media-src')).toEqual(["'self'", 'veil-media:']);
    expect(RENDERER_CSP).not.toMatch(/unsafe-|https?:|\*|data:|blob:|file:/);
  });

  it("is the same in renderer/index.html's meta tag as in the code", () => {
    const html = readFileSync(path.join(REPO_ROOT, 'renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(RENDERER_CSP);
  });

  it('is sent as a header with every page the app scheme serves', async () => {
    handleSchemes(rendererDir, () => Promise.reject(new Error('not used')));
    const serve = electronFake.protocolHandlers.get('veil-app');
    const response = await serve?.(new Request('veil-app://renderer/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(response?.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
