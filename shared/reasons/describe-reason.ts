import { REASON_TEXT_EN } from '../i18n/reason-text-en.js';
import type { Reason } from './reason.js';

function paramText(name: string, value: unknown): string {
  if (name === 'field') return typeof value === 'string' && value !== '' ? `“${value}”` : 'with an unusual name';
  if (typeof value === 'number' && name.endsWith('Bytes')) return `${value} bytes`;
  return String(value);
}

/**
 * A reason as one English sentence, for logs, error messages and the command-line report:
 * the renderer's English wording with the parameters filled in plainly (people using the
 * app read it translated and formatted for their locale instead).
 */
export function describeReason(reason: Reason): string {
  const params: Record<string, unknown> = reason.params;
  const text = REASON_TEXT_EN[reason.code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => paramText(name, params[name]));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
