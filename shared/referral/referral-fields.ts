import { IndustryClassSchema, ReferralAnnotationSchema, type IndustryClass, type ManifestBadRowReason, type ReferralAnnotation } from './referral-entry.js';

export type FieldCheck<T> = { ok: true; value: T } | { ok: false; reason: ManifestBadRowReason };

const ok = <T>(value: T): FieldCheck<T> => ({ ok: true, value });
const bad = <T>(reason: ManifestBadRowReason): FieldCheck<T> => ({ ok: false, reason });

/** A drive letter (`C:`), a root (`/`, `\`, UNC `\\server`) or a URL scheme: a path that does not start inside the case. */
const ABSOLUTE = /^(?:[a-z]:|[\\/]|[a-z][a-z0-9+.-]*:\/\/)/i;

/**
 * A file's place inside the case as the manifest writes it, checked and normalised: forward
 * slashes, no `./` or repeated slashes. Absolute paths, drive letters and `..` segments are
 * refused: a manifest must not make Veil reach outside the case, even to match.
 */
export function readRelativePath(text: string): FieldCheck<string> {
  const trimmed = text.trim();
  if (ABSOLUTE.test(trimmed)) return bad('path-leaves-case');
  if (trimmed.includes('\0')) return bad('path-invalid');
  const segments = trimmed.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return bad('path-leaves-case');
  if (segments.length === 0) return bad('path-invalid');
  return ok(segments.join('/'));
}

const HEX_LENGTH = { md5: 32, sha1: 40, sha256: 64 } as const;
export type DigestKind = keyof typeof HEX_LENGTH;
const HEX = /^[0-9a-f]+$/;

/** A digest as hex, any case; the length is checked first because a SHA-1 in the MD5 column is the usual mistake. */
export function readDigest(kind: DigestKind, text: string): FieldCheck<string> {
  const hex = text.trim().toLowerCase();
  if (hex.length !== HEX_LENGTH[kind]) return bad('hash-wrong-length');
  if (!HEX.test(hex)) return bad('hash-not-hex');
  return ok(hex);
}

/** `A1`…`B2`, any case. */
export function readClassification(text: string): FieldCheck<IndustryClass> {
  const parsed = IndustryClassSchema.safeParse(text.trim().toUpperCase());
  return parsed.success ? ok(parsed.data) : bad('classification-unknown');
}

const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'o']);
const NO = new Set(['no', 'n', 'false', '0', 'non']);

/** A yes/no cell of a CSV (English or French words, or 1/0); blank is "not said". */
export function readYesNo(text: string): FieldCheck<boolean | null> {
  const word = text.trim().toLowerCase();
  if (word === '') return ok(null);
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return bad('flag-value-unknown');
}

/** Annotations in one cell, separated by `|`, `;`, `,` or spaces; each once, in the order of the enum. */
export function readAnnotationWords(words: readonly string[]): FieldCheck<ReferralAnnotation[]> {
  const found = new Set<ReferralAnnotation>();
  for (const word of words) {
    const parsed = ReferralAnnotationSchema.safeParse(word.trim().toLowerCase());
    if (!parsed.success) return bad('annotation-unknown');
    found.add(parsed.data);
  }
  return ok(ReferralAnnotationSchema.options.filter((annotation) => found.has(annotation)));
}

/** Splits a CSV annotations cell into words. */
export function annotationWords(text: string): string[] {
  return text.split(/[|;,\s]+/).filter((word) => word !== '');
}

/** Unknown columns are kept as text, cut to this so a stray multi-kilobyte cell costs little. */
export const MAX_EXTRA_CHARS = 500;
