import { describe, expect, it } from 'vitest';
import { occurrences, shippedSources } from './shipped-sources.js';

describe('no shell.openExternal with untrusted content', () => {
  it('never opens anything with the desktop shell: no openExternal, openPath or shell import', () => {
    const sources = shippedSources();
    expect(sources.length).toBeGreaterThan(50);
    expect(occurrences(sources, /\b(?:openExternal|openPath|showItemInFolder)\s*\(/g)).toEqual([]);
    expect(occurrences(sources, /import\s*\{[^}]*\bshell\b[^}]*\}\s*from\s*['"]electron['"]/g)).toEqual([]);
  });
});
