import type { TFunction } from 'i18next';
import type { BreakRejection } from '../../../shared/breaks/break-events.js';
import type { LimitsRejection } from '../../../shared/limits/limits-types.js';
import { en } from '../../i18n/en';

type RejectionCode = keyof typeof en.rejections;

// Every refusal the break and limit machines can give has words: a new code fails the typecheck until it does.
const WORDED: Record<BreakRejection | LimitsRejection, string> = en.rejections;

function isRejectionCode(code: string): code is RejectionCode {
  return Object.hasOwn(WORDED, code);
}

/**
 * Words for why a break action or a limit override was refused. The back end answers with
 * kebab-case codes (shared/breaks, shared/limits, shared/time); a code this version does
 * not know is shown as it came, rather than hidden.
 */
export function rejectionText(t: TFunction, code: string): string {
  return isRejectionCode(code) ? t(`rejections.${code}`) : code;
}
