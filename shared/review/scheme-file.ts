import { z } from 'zod';
import { CustomSchemeSchema, type CustomScheme } from './category-scheme.js';

/** A scheme file is a few hundred bytes; anything much larger is not one. */
export const SCHEME_FILE_MAX_BYTES = 64 * 1024;

const FORMAT = 'veil-category-scheme';

/** Why a scheme file, or one of its entries, was refused; the renderer says each in words. */
const SchemeProblemCodeSchema = z.enum([
  'unreadable',
  'too-large',
  'not-json',
  'not-a-scheme',
  'missing',
  'too-long',
  'too-many',
  'not-a-digit',
  'duplicate-key',
  'name-taken',
  'invalid',
  'not-absolute',
  'exists',
  'unwritable',
]);

/** One refused entry: where in the file (e.g. "categories.2.key"; empty for the whole file) and why. */
const SchemeProblemSchema = z.object({ place: z.string().max(200), code: SchemeProblemCodeSchema });
export type SchemeProblem = z.infer<typeof SchemeProblemSchema>;

/** What an import did: the scheme kept under its name, or refused with every reason. */
export const SchemeImportResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('imported'), name: z.string() }),
  z.object({ outcome: z.literal('refused'), problems: z.array(SchemeProblemSchema) }),
]);

/** What an export did: a new file written, or nothing written and why (a file already there is never replaced). */
export const SchemeExportResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('exported') }),
  z.object({ outcome: z.literal('refused'), problems: z.array(SchemeProblemSchema) }),
]);

export type SchemeFileResult = { ok: true; scheme: CustomScheme } | { ok: false; problems: SchemeProblem[] };

const FileSchema = z.object({ format: z.literal(FORMAT), version: z.literal(1) }).passthrough();

function problemOf(issue: z.core.$ZodIssue): SchemeProblem {
  const place = issue.path.map(String).join('.');
  const message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(message)) return { place, code: 'missing' };
  if (issue.code === 'too_small') return { place, code: 'missing' };
  if (issue.code === 'too_big') return { place, code: issue.origin === 'array' ? 'too-many' : 'too-long' };
  if (issue.code === 'invalid_format') return { place, code: 'not-a-digit' };
  if (issue.code === 'custom' && /same key/.test(message)) return { place, code: 'duplicate-key' };
  return { place, code: 'invalid' };
}

/**
 * Reads a scheme file (JSON: format "veil-category-scheme", version 1, a name and up to 10
 * categories, each a digit key and a short description). Anything it cannot vouch for is
 * refused whole, with every bad entry listed: half a scheme would categorise under keys the
 * unit never meant.
 */
export function parseSchemeFile(text: string): SchemeFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ place: '', code: 'not-json' }] };
  }
  if (!FileSchema.safeParse(raw).success) return { ok: false, problems: [{ place: '', code: 'not-a-scheme' }] };
  const parsed = CustomSchemeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(problemOf) };
  return { ok: true, scheme: { name: parsed.data.name, categories: parsed.data.categories.map(({ key, description }) => ({ key, description })) } };
}

/** The file a scheme is exported as: what `parseSchemeFile` reads back to the same scheme. */
export function schemeFileText(scheme: CustomScheme): string {
  return `${JSON.stringify({ format: FORMAT, version: 1, name: scheme.name, categories: scheme.categories }, null, 2)}\n`;
}
