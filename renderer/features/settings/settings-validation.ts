import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SettingKeySchema } from '../../../shared/reasons/reason';
import { settingsReason } from '../../../shared/reasons/settings-reason';
import { SettingsPatchSchema, type SettingsPatch } from '../../../shared/settings/settings.js';
import type { FieldIssue } from '../../app/field-validation';
import { useFormValidation, type FormValidation } from '../../app/form-validation';

/**
 * Validation of a settings change with the schema updateSettings checks it with; the rules
 * between fields are worded as the back end's reasons (settingsReason), so both agree.
 */
export function useSettingsValidation(patch: SettingsPatch): FormValidation & { unplaced: string | null } {
  const { t } = useTranslation();
  const ruleReason = useCallback((issue: FieldIssue) => settingsReason(new z.ZodError([issue]), patch), [patch]);
  const validation = useFormValidation({ schema: SettingsPatchSchema, value: patch, ruleReason });
  const unplaced = validation.unplacedText((path) => {
    const key = SettingKeySchema.safeParse(path.split('.')[0]);
    return key.success ? t(`settingNames.${key.data}`) : path;
  });
  return { ...validation, unplaced: unplaced === null ? null : t('fieldErrors.unplaced', { message: unplaced }) };
}
