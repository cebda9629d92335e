import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh 256-bit token per run; without it the host answers nothing but the static page. */
export function newHostToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison, so response timing does not leak the token. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
