import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

const SAFE_NAME = /^[A-Za-z0-9_.-]{1,40}$/;

/**
 * A field name from a foreign file, fit to show in a sentence: names longer than 40
 * characters or with anything but letters, digits, '_', '.' and '-' are not echoed, so a
 * hostile file cannot put its own text (or control characters) into the lead's screen.
 */
function displayFieldName(name: string): string {
  return SAFE_NAME.test(name) ? `"${name}"` : 'with an unusual name';
}

function fieldOf(issue: Issue): string {
  const name = issue.path.map(String).join('.');
  return name === '' ? 'The summary' : `The field ${displayFieldName(name)}`;
}

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'must be a number',
  int: 'must be a whole number',
  string: 'must be text',
  boolean: 'must be true or false',
  object: 'must be an object',
};

function isMissing(issue: Issue, value: unknown): boolean {
  const [first, ...rest] = issue.path;
  return rest.length === 0 && typeof first === 'string' && typeof value === 'object' && value !== null && !Object.hasOwn(value, first);
}

function clause(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue, value) ? 'is missing' : (EXPECTED[issue.expected] ?? `must be of type ${issue.expected}`);
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_value':
      return isMissing(issue, value) ? 'is missing' : `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      // Formats and refinements carry the schema's own wording (see weekly-summary.ts).
      return issue.message;
  }
}

/**
 * One clear English sentence for the first problem zod found in a summary, naming the
 * field: 'The field "exposureMin" must be a multiple of 15.' Values from the file are
 * never echoed; field names only when they are plain (see displayFieldName).
 */
export function issueSentence(issues: readonly Issue[], value: unknown): string {
  const issue = issues[0];
  if (issue === undefined) return 'The summary is not valid.';
  if (issue.code === 'unrecognized_keys') {
    const [key] = issue.keys;
    const more = issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more)` : '';
    return `The field ${displayFieldName(key ?? '')}${more} is not part of a weekly summary; nothing but the documented fields may be shared.`;
  }
  return `${fieldOf(issue)} ${clause(issue, value)}.`;
}
