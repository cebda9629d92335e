import { randomUUID } from 'node:crypto';

/**
 * A random opaque id for cases and items: a version 4 UUID (122 random bits)
 * without its dashes, 32 characters matching CaseIdSchema and ItemIdSchema.
 * Random rather than derived from a path or hash, so an id tells the renderer
 * nothing about the file. randomUUID draws from a cached entropy pool, which
 * matters at 100,000 items (randomBytes(16) costs a call into OpenSSL each time).
 */
export function randomUrlSafeId(): string {
  return randomUUID().replaceAll('-', '');
}
