import {
  IndustryClassSchema,
  ReferralAnnotationSchema,
  emptyReading,
  type IndustryClass,
  type ManifestBadRowReason,
  type ReferralAnnotation,
  type ReferralEntry,
} from './referral-entry.js';
import { MAX_EXTRA_CHARS, readDigest, readRelativePath, type DigestKind, type FieldCheck } from './referral-fields.js';

export type JsonRecordCheck = { ok: true; entry: ReferralEntry } | { ok: false; reason: ManifestBadRowReason; column?: string };

const KNOWN_KEYS = new Set(['path', 'md5', 'sha1', 'sha256', 'classification', 'providerViewed', 'publiclyAvailable', 'annotations']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * One file of a JSON manifest, checked the way docs/referral-manifest.schema.json describes:
 * known keys must have their documented type and value (`null` or absent means not said);
 * any other key is kept as text.
 */
export function checkJsonRecord(value: unknown, place: number): JsonRecordCheck {
  if (!isRecord(value)) return { ok: false, reason: 'row-not-object' };
  const entry = emptyReading(
    place,
    Object.entries(value)
      .filter(([key]) => !KNOWN_KEYS.has(key))
      .map(([name, cell]) => ({ name, value: text(cell).slice(0, MAX_EXTRA_CHARS) })),
  );
  const field = <T>(key: string, wrongType: ManifestBadRowReason, check: (raw: unknown) => FieldCheck<T> | null, put: (value: T) => void) => {
    const raw = value[key];
    if (raw === undefined || raw === null) return null;
    const checked = check(raw) ?? { ok: false as const, reason: wrongType };
    if (!checked.ok) return { ok: false as const, reason: checked.reason, column: key };
    put(checked.value);
    return null;
  };
  // JSON is written by programs, so it is read strictly: no spaces around values, classes and annotations spelt as documented.
  const asString =
    <T>(check: (text: string) => FieldCheck<T>, spaced: ManifestBadRowReason) =>
    (raw: unknown): FieldCheck<T> | null =>
      typeof raw !== 'string' ? null : raw.trim() !== raw ? { ok: false, reason: spaced } : check(raw);
  const classification = (raw: string): FieldCheck<IndustryClass> => {
    const parsed = IndustryClassSchema.safeParse(raw);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'classification-unknown' };
  };
  const asBoolean = (raw: unknown): FieldCheck<boolean> | null => (typeof raw === 'boolean' ? { ok: true, value: raw } : null);
  const asList = (raw: unknown): FieldCheck<ReferralAnnotation[]> | null => {
    if (!Array.isArray(raw)) return null;
    const found = new Set<ReferralAnnotation>();
    for (const item of raw) {
      const parsed = ReferralAnnotationSchema.safeParse(item);
      if (!parsed.success) return { ok: false, reason: 'annotation-unknown' };
      found.add(parsed.data);
    }
    return { ok: true, value: ReferralAnnotationSchema.options.filter((annotation) => found.has(annotation)) };
  };
  const digest = (kind: DigestKind) => asString((hex) => readDigest(kind, hex), 'hash-not-hex');
  const failure =
    field('path', 'path-invalid', asString(readRelativePath, 'path-invalid'), (path) => (entry.path = path)) ??
    field('md5', 'hash-not-hex', digest('md5'), (hex) => (entry.md5 = hex)) ??
    field('sha1', 'hash-not-hex', digest('sha1'), (hex) => (entry.sha1 = hex)) ??
    field('sha256', 'hash-not-hex', digest('sha256'), (hex) => (entry.sha256 = hex)) ??
    field('classification', 'classification-unknown', asString(classification, 'classification-unknown'), (kind) => (entry.classification = kind)) ??
    field('providerViewed', 'flag-value-unknown', asBoolean, (flag) => (entry.providerViewed = flag)) ??
    field('publiclyAvailable', 'flag-value-unknown', asBoolean, (flag) => (entry.publiclyAvailable = flag)) ??
    field('annotations', 'annotation-unknown', asList, (list) => (entry.annotations = list));
  if (failure !== null) return failure;
  if (entry.path === null && entry.md5 === null && entry.sha1 === null && entry.sha256 === null) return { ok: false, reason: 'no-file-named' };
  return { ok: true, entry };
}
