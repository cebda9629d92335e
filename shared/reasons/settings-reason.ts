import { z } from 'zod';
import { LimitQuantitySchema } from '../limits/cap-keys.js';
import { reasonOf, SettingKeySchema, type Reason } from './reason.js';

const CapsSchema = z.object({ dayMin: z.number().nullable(), weekMin: z.number().nullable() });

/** The rules between fields (refinements), recognised by where they put their issue. */
function crossFieldReason(path: readonly PropertyKey[], value: unknown): Reason | null {
  const [group, second, third] = path;
  if (group === 'teamSharing' && second === 'folder') return reasonOf('sharing-needs-folder', {});
  if (group === 'limits' && second === 'warnAtPct') return reasonOf('limit-thresholds-order', {});
  if (group === 'limits' && second === 'caps') {
    const quantity = LimitQuantitySchema.safeParse(third);
    const caps = z.object({ limits: z.object({ caps: z.record(z.string(), CapsSchema) }) }).safeParse(value);
    const cap = quantity.success && caps.success ? caps.data.limits.caps[quantity.data] : undefined;
    if (quantity.success && cap && cap.dayMin !== null && cap.weekMin !== null) {
      return reasonOf('limit-day-above-week', { quantity: quantity.data, dayMin: cap.dayMin, weekMin: cap.weekMin });
    }
  }
  if (group === 'breaks' && second === 'microDurationSec') return reasonOf('break-micro-longer-than-rest', {});
  if (group === 'breaks' && second === 'microIntervalMin') return reasonOf('break-micro-less-often', {});
  if (group === 'breaks' && second === 'warningSec') return reasonOf('break-warning-too-long', {});
  if (group === 'breaks' && second === 'workingHours') return reasonOf('working-hours-empty', {});
  return null;
}

/**
 * Why a settings change was refused, from the schema's first issue: which setting (a known
 * key the renderer turns into the field's label, never shown as is) and which bound.
 * Anything that is not about one setting's value is a malformed request.
 */
export function settingsReason(error: z.ZodError, value: unknown): Reason {
  const issue = error.issues[0];
  const setting = SettingKeySchema.safeParse(issue?.path[0]);
  if (!issue || !setting.success) return reasonOf('invalid-request', {});
  const key = setting.data;
  if (issue.code === 'custom') {
    const rule = crossFieldReason(issue.path, value);
    if (rule) return rule;
  }
  if (issue.code === 'too_small' && issue.origin === 'number') return reasonOf('setting-too-small', { setting: key, min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'number') return reasonOf('setting-too-large', { setting: key, max: Number(issue.maximum) });
  if (issue.code === 'too_big' && issue.origin === 'string') return reasonOf('setting-too-long', { setting: key, maxChars: Number(issue.maximum) });
  if (issue.code === 'invalid_type' && issue.expected === 'int') return reasonOf('setting-not-whole', { setting: key });
  return reasonOf('setting-invalid', { setting: key });
}
