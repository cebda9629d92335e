import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { APP_ID } from '../../../electron/app/app-identity.js';
import { MAIN_EXTERNALS } from '../../../scripts/main-externals.mjs';

// What the installers need, read from the packaging configuration (CI cannot run electron-builder:
// it needs the Electron binary).
const repoFile = (name: string) => fileURLToPath(new URL(`../../../${name}`, import.meta.url));

const YamlSchema = z.object({ load: z.custom<(text: string) => unknown>((value) => typeof value === 'function') });
const yaml = YamlSchema.parse(createRequire(import.meta.url)('js-yaml'));

const BuilderSchema = z.object({
  appId: z.string(),
  icon: z.string(),
  files: z.array(z.string()),
  asarUnpack: z.array(z.string()),
  linux: z.object({ icon: z.string() }).passthrough(),
  win: z.object({ icon: z.string() }).passthrough(),
  mac: z.object({ icon: z.string() }).passthrough(),
});
const PackageSchema = z.object({
  homepage: z.string().url(),
  author: z.object({ name: z.string().min(1), email: z.string().email() }),
  dependencies: z.record(z.string(), z.string()),
  devDependencies: z.record(z.string(), z.string()),
});

const builder = BuilderSchema.parse(yaml.load(readFileSync(repoFile('electron-builder.yml'), 'utf8')));
const packageJson = PackageSchema.parse(JSON.parse(readFileSync(repoFile('package.json'), 'utf8')));

describe('packaging', () => {
  it('gives the deb target what it refuses to build without: a homepage and an author with an e-mail', () => {
    expect(packageJson.homepage).toMatch(/^https:\/\//);
    expect(packageJson.author.email).toContain('@');
  });

  it('gives every platform and the window one icon, large enough for macOS (512) and Windows (256)', async () => {
    for (const icon of [builder.icon, builder.linux.icon, builder.win.icon, builder.mac.icon]) expect(icon).toBe('assets/icon.png');
    expect(builder.files).toContain('assets/icon.png');
    const { width, height, format } = await sharp(repoFile('assets/icon.png')).metadata();
    expect(format).toBe('png');
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it('names the app for Windows notifications by the id the installer registers', () => {
    expect(APP_ID).toBe(builder.appId);
  });

  it('unpacks every native addon from the asar (a .node file inside the archive cannot be loaded)', () => {
    // sharp and node-av load their binaries from a per-platform package beside them.
    for (const folder of ['sharp', '@img', 'better-sqlite3', 'node-av', '@seydx']) expect(builder.asarUnpack).toContain(`node_modules/${folder}/**`);
  });

  it('ships as dependencies only what the bundles load at run time; everything bundled is a devDependency', () => {
    const runtime = MAIN_EXTERNALS.filter((name) => name !== 'electron').sort();
    expect(Object.keys(packageJson.dependencies).sort()).toEqual(runtime);
    for (const bundled of ['react', 'react-dom', 'recharts', 'zod', 'date-fns']) expect(packageJson.devDependencies).toHaveProperty(bundled);
  });
});
