import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSchemeFiles } from '../../../../../electron/services/review/scheme-files.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../../../shared/settings/settings.js';
import { applySettingsPatch } from '../../../../../shared/settings/stored-settings.js';

function settingsStore() {
  let current: Settings = DEFAULT_SETTINGS;
  return {
    get: () => current,
    update(patch: unknown) {
      const result = applySettingsPatch(current, patch);
      if (!result.ok) throw new Error(result.message);
      current = result.settings;
      return current;
    },
  };
}

const UNIT_SCHEME = {
  name: 'Unit 7',
  categories: [
    { key: '1', description: 'Severe' },
    { key: '2', description: 'Other' },
  ],
};

describe('category scheme files', () => {
  it('imports a scheme into the settings, exports it to a new file that imports again, and never overwrites a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veil-schemes-'));
    const source = join(dir, 'unit7.json');
    writeFileSync(source, JSON.stringify({ format: 'veil-category-scheme', version: 1, ...UNIT_SCHEME }));
    const settings = settingsStore();
    const files = createSchemeFiles({ settings });
    expect(await files.importScheme(source)).toEqual({ outcome: 'imported', name: 'Unit 7' });
    expect(settings.get().review.customSchemes).toEqual([UNIT_SCHEME]);
    expect(await files.importScheme(source)).toEqual({ outcome: 'refused', problems: [{ place: 'name', code: 'name-taken' }] });

    const exported = join(dir, 'shared.json');
    await files.exportScheme('Unit 7', exported);
    await expect(files.exportScheme('Unit 7', exported)).rejects.toThrow(/EEXIST/);
    const other = settingsStore();
    expect(await createSchemeFiles({ settings: other }).importScheme(exported)).toEqual({ outcome: 'imported', name: 'Unit 7' });
    expect(other.get().review.customSchemes).toEqual([UNIT_SCHEME]);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toMatchObject({ format: 'veil-category-scheme', version: 1 });
  });

  it('refuses a file it cannot read, a huge one and a bad one, and changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veil-schemes-'));
    const settings = settingsStore();
    const files = createSchemeFiles({ settings });
    expect(await files.importScheme(join(dir, 'missing.json'))).toEqual({ outcome: 'refused', problems: [{ place: '', code: 'unreadable' }] });
    writeFileSync(join(dir, 'huge.json'), ' '.repeat(65 * 1024));
    expect(await files.importScheme(join(dir, 'huge.json'))).toEqual({ outcome: 'refused', problems: [{ place: '', code: 'too-large' }] });
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ format: 'veil-category-scheme', version: 1, name: 'Bad', categories: [{ key: 'A', description: 'x' }] }),
    );
    expect(await files.importScheme(join(dir, 'bad.json'))).toEqual({ outcome: 'refused', problems: [{ place: 'categories.0.key', code: 'not-a-digit' }] });
    expect(settings.get()).toBe(DEFAULT_SETTINGS);
  });
});
