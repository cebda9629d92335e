import type { z } from 'zod';
import { reasonOf, type Reason } from './reason.js';

type Issue = z.core.$ZodIssue;

const SAFE_NAME = /^[A-Za-z0-9_.-]{1,40}$/;

/**
 * A field name from a foreign file, fit to show: names longer than 40 characters or with
 * anything but letters, digits, '_', '.' and '-' become '' (the renderer then says "a field
 * with an unusual name"), so a hostile file cannot put its own text on the lead's screen.
 */
function fieldName(path: readonly PropertyKey[]): string {
  const name = path.map(String).join('.');
  return SAFE_NAME.test(name) ? name : '';
}

function isMissing(issue: Issue, value: unknown): boolean {
  const [first, ...rest] = issue.path;
  return rest.length === 0 && typeof first === 'string' && typeof value === 'object' && value !== null && !Object.hasOwn(value, first);
}

/**
 * Why a summary file was refused, from the first problem zod found, naming the field.
 * Values from the file are never echoed; field names only when they are plain.
 */
export function summaryIssueReason(issues: readonly Issue[], value: unknown): Reason {
  const issue = issues[0];
  if (issue === undefined) return reasonOf('summary-invalid', {});
  if (issue.code === 'unrecognized_keys') return reasonOf('summary-unknown-field', { field: fieldName([issue.keys[0] ?? '']) });
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue, value) ? reasonOf('summary-field-missing', { field }) : reasonOf('summary-field-wrong-type', { field });
    case 'invalid_value':
      return isMissing(issue, value) ? reasonOf('summary-field-missing', { field }) : reasonOf('summary-invalid-field', { field });
    case 'too_small':
      return reasonOf('summary-field-too-small', { field, min: Number(issue.minimum) });
    case 'too_big':
      return reasonOf('summary-field-too-large', { field, max: Number(issue.maximum) });
    case 'not_multiple_of':
      return reasonOf('summary-field-not-multiple', { field, divisor: Number(issue.divisor) });
    default:
      return reasonOf('summary-invalid-field', { field });
  }
}
