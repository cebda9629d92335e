import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Reason } from '../../shared/reasons/reason';
import { reasonText, standalone } from './error-message';

/** One problem the schema found, as zod reports it. */
export type FieldIssue = z.core.$ZodIssue;

/** A field's place in the value a form sends: 'breaks.microIntervalMin', 'limits.caps.audio.dayMin'. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Whether an issue at `issuePath` belongs to the field at `fieldPath` (itself, or one entry of its list). */
export function isUnder(issuePath: string, fieldPath: string): boolean {
  return issuePath === fieldPath || issuePath.startsWith(`${fieldPath}.`);
}

/** What an input can say about itself up front: the schema's bounds, as HTML attributes. */
export interface FieldBounds {
  min?: number;
  max?: number;
  maxLength?: number;
}

/** The schema at one place in another, through objects, lists, optional and nullable values. */
function schemaAt(schema: z.core.$ZodType, path: readonly string[]): z.core.$ZodType | null {
  let current: z.core.$ZodType = schema;
  for (let i = 0; ; i++) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    const segment = path[i];
    if (segment === undefined) return current;
    if (current instanceof z.ZodObject) {
      const next: unknown = current.shape[segment];
      if (!(next instanceof z.core.$ZodType)) return null;
      current = next;
    } else if (current instanceof z.ZodArray) {
      current = current.element;
      // A list field ('encouragement.en') takes its bounds from the entries, not the list.
      if (!/^\d+$/u.test(segment)) i--;
    } else return null;
  }
}

/**
 * The bounds the schema puts on one field, so an input carries the same min/max/maxlength
 * as the validator (for a list of texts, those of one entry).
 */
export function boundsAt(schema: z.ZodType, path: string): FieldBounds {
  let field = schemaAt(schema, path.split('.'));
  if (field instanceof z.ZodArray) field = schemaAt(field.element, []);
  if (field instanceof z.ZodNumber) {
    const bounds: FieldBounds = {};
    if (field.minValue !== null && Number.isFinite(field.minValue)) bounds.min = field.minValue;
    if (field.maxValue !== null && Number.isFinite(field.maxValue)) bounds.max = field.maxValue;
    return bounds;
  }
  if (field instanceof z.ZodString && field.maxLength !== null) return { maxLength: field.maxLength };
  return {};
}

export interface IssueTextOptions {
  /** The field's label as the person reads it. */
  label: string;
  /** The field's own path: an issue deeper down is about one entry of a list. */
  fieldPath: string;
  locale: string;
  /** The rule between fields that a refinement stands for, as one of the back end's reasons. */
  ruleReason?: ((issue: FieldIssue) => Reason | null) | undefined;
}

/**
 * The sentence shown beside a field for one schema issue, in the UI language, naming the
 * field by its label: one mapper for every form, by issue code, never zod's English.
 */
export function issueText(t: TFunction, issue: FieldIssue, { label, fieldPath, locale, ruleReason }: IssueTextOptions): string {
  const number = (value: number | bigint) => new Intl.NumberFormat(locale).format(value);
  const entry = pathKey(issue.path) !== fieldPath;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('fieldErrors.required', { label }) : t('fieldErrors.tooShort', { label, min: number(issue.minimum) });
      }
      return issue.origin === 'number' ? t('fieldErrors.tooSmall', { label, min: number(issue.minimum) }) : t('fieldErrors.invalid', { label });
    case 'too_big':
      if (issue.origin === 'string') return t(entry ? 'fieldErrors.lineTooLong' : 'fieldErrors.tooLong', { label, max: number(issue.maximum) });
      if (issue.origin === 'array') return t('fieldErrors.tooMany', { label, max: number(issue.maximum) });
      return issue.origin === 'number' ? t('fieldErrors.tooLarge', { label, max: number(issue.maximum) }) : t('fieldErrors.invalid', { label });
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? t('fieldErrors.notWhole', { label }) : t('fieldErrors.invalid', { label });
    case 'invalid_format':
      return t('fieldErrors.time', { label });
    case 'custom': {
      const reason = ruleReason?.(issue) ?? null;
      return reason ? standalone(reasonText(t, locale, reason)) : t('fieldErrors.invalid', { label });
    }
    default:
      return t('fieldErrors.invalid', { label });
  }
}
