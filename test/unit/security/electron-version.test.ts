import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Electron supports its latest three major versions, a new one every eight weeks; 45 is the
 * newest stable as this is written. Raise this with each upgrade: it never goes down.
 */
const NEWEST_KNOWN_MAJOR = 45;

const PackageSchema = z.object({ version: z.string().optional(), devDependencies: z.record(z.string(), z.string()).optional() });
const readPackage = (file: string) => PackageSchema.parse(JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')));

describe('Electron version', () => {
  it('is pinned to an exact version, so every build ships the Electron that was checked', () => {
    expect(readPackage('package.json').devDependencies?.['electron']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is the installed one and of the newest supported major', () => {
    const pinned = readPackage('package.json').devDependencies?.['electron'];
    const installed = readPackage('node_modules/electron/package.json').version;
    expect(installed).toBe(pinned);
    expect(Number(installed?.split('.')[0])).toBeGreaterThanOrEqual(NEWEST_KNOWN_MAJOR);
  });
});
