import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
type FuseOptions = NonNullable<Configuration['electronFuses']>;

/**
 * What each fuse electron-builder knows must be in a packaged Veil; null where Veil has no
 * requirement. Typed against the installed electron-builder, so a fuse added by an upgrade
 * fails the type check until someone decides it here.
 */
const REQUIRED_FUSES: Record<keyof FuseOptions, boolean | null> = {
  // Off: the binary can never be turned into a plain Node by an environment variable,
  // NODE_OPTIONS, or --inspect, and file:// gets no extra powers.
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  // On: the app code is checked against the signed hash and loaded from the asar only.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  loadBrowserProcessSpecificV8Snapshot: null,
  resetAdHocDarwinSignature: null,
};

// js-yaml is what electron-builder itself reads its YAML with; it is not one of Veil's direct
// dependencies (see docs/security.md), so it is loaded by name and checked before use.
const YamlSchema = z.object({ load: z.custom<(text: string) => unknown>((value) => typeof value === 'function') });
const yaml = YamlSchema.parse(createRequire(import.meta.url)('js-yaml'));

const BuilderConfigSchema = z.object({
  asar: z.boolean(),
  electronFuses: z.record(z.string(), z.boolean()),
  files: z.array(z.string()),
});

function builderConfig() {
  return BuilderConfigSchema.parse(yaml.load(readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')));
}

describe("electron-builder's fuses", () => {
  it('turns off RunAsNode, NODE_OPTIONS, inspect arguments and extra file:// privileges; turns on asar integrity and asar-only loading', () => {
    const fuses = builderConfig().electronFuses;
    for (const [name, required] of Object.entries(REQUIRED_FUSES)) {
      if (required !== null) expect(fuses[name], name).toBe(required);
    }
  });

  it('names only fuses electron-builder knows (a misspelt fuse would be silently ignored)', () => {
    const known = Object.keys(REQUIRED_FUSES);
    expect(Object.keys(builderConfig().electronFuses).filter((name) => !known.includes(name))).toEqual([]);
  });

  it('packs the app into an asar archive, which the asar fuses need, with no source maps', () => {
    const config = builderConfig();
    expect(config.asar).toBe(true);
    expect(config.files).toContain('!**/*.map');
  });
});
