import { z } from 'zod';

/**
 * The hashes a known-material set can hold. MD5, SHA-1 and SHA-256 match a file exactly;
 * PDQ (Meta's 256-bit perceptual hash) is kept for near matching.
 */
export const HashKindSchema = z.enum(['md5', 'sha1', 'sha256', 'pdq']);
export type HashKind = z.infer<typeof HashKindSchema>;

/** Hex digits per kind. SHA-256 and PDQ are both 64: a bare 64-digit value needs to be told which it is. */
const HEX_LENGTH: Readonly<Record<HashKind, number>> = { md5: 32, sha1: 40, sha256: 64, pdq: 64 };

/**
 * What a bare 64-digit hex value in a plain list means when nothing in the file says
 * (a header line or column name does). SHA-256 unless the import says PDQ.
 */
export const Hex64KindSchema = z.enum(['sha256', 'pdq']);
export type Hex64Kind = z.infer<typeof Hex64KindSchema>;

export type HashCheck = { ok: true; hex: string } | { ok: false; reason: 'hash-wrong-length' | 'hash-not-hex' };

const HEX = /^[0-9a-f]+$/;

/**
 * Checks one hash value written as hex: trimmed and lower-cased (sets mix cases), it must
 * be exactly the kind's length and hex. Length is checked first: that is the usual mistake
 * (a SHA-1 in the MD5 column), and the reason says so.
 */
export function checkHash(kind: HashKind, text: string): HashCheck {
  const hex = text.trim().toLowerCase();
  if (hex.length !== HEX_LENGTH[kind]) return { ok: false, reason: 'hash-wrong-length' };
  if (!HEX.test(hex)) return { ok: false, reason: 'hash-not-hex' };
  return { ok: true, hex };
}

/** The kind a bare hex value of this length is, in a file that does not name its column. */
export function kindByLength(length: number, hex64: Hex64Kind): HashKind | null {
  if (length === 32) return 'md5';
  if (length === 40) return 'sha1';
  if (length === 64) return hex64;
  return null;
}
