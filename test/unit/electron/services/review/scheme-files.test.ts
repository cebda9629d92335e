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
    expect(await files.exportScheme('Unit 7', exported)).toEqual({ outcome: 'exported' });
    const written = readFileSync(exported, 'utf8');
    expect(await files.exportScheme('Unit 7', exported)).toEqual({ outcome: 'refused', problems: [{ place: '', code: 'exists' }] });
    expect(readFileSync(exported, 'utf8')).toBe(written);
    expect(await files.exportScheme('Unit 7', join(dir, 'missing-folder', 'x.json'))).toEqual({
      outcome: 'refused',
      problems: [{ place: '', code: 'unwritable' }],
    });
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
    // A relative path would be read from wherever Veil was started: refused before any file is touched.
    expect(await files.importScheme('bad.json')).toEqual({ outcome: 'refused', problems: [{ place: '', code: 'not-absolute' }] });
    expect(settings.get()).toBe(DEFAULT_SETTINGS);
  });

  it('exports only to a full path', async () => {
    const settings = settingsStore();
    settings.update({ review: { ...DEFAULT_SETTINGS.review, customSchemes: [UNIT_SCHEME] } });
    const files = createSchemeFiles({ settings });
    expect(await files.exportScheme('Unit 7', 'unit7.json')).toEqual({ outcome: 'refused', problems: [{ place: '', code: 'not-absolute' }] });
    await expect(files.exportScheme('Nobody', '/tmp/nobody.json')).rejects.toThrow(/no custom scheme/);
  });
});
