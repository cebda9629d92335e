import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reasonText } from '../../../renderer/app/error-message';
import { formatSizeBytes } from '../../../renderer/i18n/format';
import { createI18n, intlLocale, UI_LANGUAGES } from '../../../renderer/i18n/i18n';
import { LimitQuantitySchema } from '../../../shared/limits/cap-keys.js';
import { REASON_CODES, ReasonSchema, SettingKeySchema, type Reason } from '../../../shared/reasons/reason.js';

const SAMPLE_NUMBER = 12345;

/** A sample value for each parameter, by its schema: numbers large enough to show the locale's grouping. */
function sampleParams(shape: z.ZodRawShape): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    if (schema === SettingKeySchema) params[name] = 'revealDurationSec';
    else if (schema === LimitQuantitySchema) params[name] = 'audio';
    else if (schema instanceof z.ZodNumber) params[name] = SAMPLE_NUMBER;
    else if (schema instanceof z.ZodString) params[name] = `sample-${name}`;
    else throw new Error(`no sample for parameter ${name}`);
  }
  return params;
}

const samples: Reason[] = ReasonSchema.options.map((option) =>
  ReasonSchema.parse({ code: option.shape.code.value, params: sampleParams(option.shape.params.shape) }),
);

describe('reason translations', () => {
  it('has a sample for every reason code', () => {
    expect(samples.map((reason) => reason.code)).toEqual([...REASON_CODES]);
  });

  for (const language of UI_LANGUAGES) {
    const i18n = createI18n(language);
    const t = i18n.t.bind(i18n);
    const locale = intlLocale(language);

    it.each(samples.map((reason) => [reason.code, reason] as const))(`${language}: translates %s and fills in every parameter`, (code, reason) => {
      expect(i18n.exists(`reasons.${code}`, { lng: language, fallbackLng: [] })).toBe(true);
      const text = reasonText(t, locale, reason);
      expect(text.trim()).not.toBe('');
      expect(text).not.toContain(`reasons.${code}`);
      expect(text).not.toMatch(/\{\{|\}\}|\$t\(/);
      for (const [name, value] of Object.entries(reason.params)) {
        const expected =
          name === 'setting'
            ? t('settings.revealDuration')
            : name === 'quantity'
              ? t('reasonWords.quantity.audio')
              : typeof value === 'number'
                ? name.endsWith('Bytes')
                  ? formatSizeBytes(value, locale)
                  : new Intl.NumberFormat(locale).format(value)
                : String(value);
        expect(text, `${code}: ${name}`).toContain(expected);
      }
    });
  }

  it('words every reason differently in French than in English', () => {
    const en = createI18n('en');
    const fr = createI18n('fr-CA');
    for (const reason of samples) {
      expect(reasonText(fr.t.bind(fr), 'fr-CA', reason), reason.code).not.toBe(reasonText(en.t.bind(en), 'en-CA', reason));
    }
  });

  it('names a setting by its label in each language, never by its key', () => {
    for (const language of UI_LANGUAGES) {
      const i18n = createI18n(language);
      for (const key of SettingKeySchema.options) {
        const label = i18n.t(`settingNames.${key}`);
        expect(label, `${language}: ${key}`).not.toMatch(/settingNames|\$t\(/);
        expect(label).not.toBe(key);
      }
    }
  });
});
