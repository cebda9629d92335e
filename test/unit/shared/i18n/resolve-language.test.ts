import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../../../shared/i18n/resolve-language.js';

describe('resolveLanguage', () => {
  it('follows the setting when it names a language, whatever the system says', () => {
    expect(resolveLanguage('fr-CA', 'en-US')).toBe('fr-CA');
    expect(resolveLanguage('en', 'fr-CA')).toBe('en');
  });

  it.each(['fr-CA', 'FR-CA', 'fr_CA', 'fr_CA.UTF-8', 'fr', 'FR', 'fr-FR', 'fr-BE', ' fr-ca '])(
    'gives Canadian French for a system locale written "%s"',
    (locale) => {
      expect(resolveLanguage('system', locale)).toBe('fr-CA');
    },
  );

  it.each(['en-CA', 'EN-US', 'en', 'de-DE', 'es_MX', '', 'french'])('gives English for a system locale written "%s"', (locale) => {
    expect(resolveLanguage('system', locale)).toBe('en');
  });

  it('takes the first language Veil speaks from a list of preferred locales', () => {
    expect(resolveLanguage('system', ['de-DE', 'FR-CA', 'en-US'])).toBe('fr-CA');
    expect(resolveLanguage('system', ['en-GB', 'fr-CA'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });
});
