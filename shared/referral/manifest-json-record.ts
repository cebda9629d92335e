import type { ManifestBadRowReason, ReferralEntry } from './referral-entry.js';
import { MAX_EXTRA_CHARS, readAnnotationWords, readClassification, readDigest, readRelativePath, type FieldCheck } from './referral-fields.js';

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
  const entry: ReferralEntry = {
    place,
    path: null,
    md5: null,
    sha1: null,
    sha256: null,
    classification: null,
    providerViewed: null,
    publiclyAvailable: null,
    annotations: [],
    extra: Object.entries(value)
      .filter(([key]) => !KNOWN_KEYS.has(key))
      .map(([name, cell]) => ({ name, value: text(cell).slice(0, MAX_EXTRA_CHARS) })),
  };
  const field = <T>(key: string, wrongType: ManifestBadRowReason, check: (raw: unknown) => FieldCheck<T> | null, put: (value: T) => void) => {
    const raw = value[key];
    if (raw === undefined || raw === null) return null;
    const checked = check(raw) ?? { ok: false as const, reason: wrongType };
    if (!checked.ok) return { ok: false as const, reason: checked.reason, column: key };
    put(checked.value);
    return null;
  };
  const asString =
    <T>(check: (text: string) => FieldCheck<T>) =>
    (raw: unknown) =>
      typeof raw === 'string' ? check(raw) : null;
  const asBoolean = (raw: unknown): FieldCheck<boolean> | null => (typeof raw === 'boolean' ? { ok: true, value: raw } : null);
  const asList = (raw: unknown) => (Array.isArray(raw) && raw.every((item) => typeof item === 'string') ? readAnnotationWords(raw) : null);
  const failure =
    field('path', 'path-invalid', asString(readRelativePath), (path) => (entry.path = path)) ??
    field(
      'md5',
      'hash-not-hex',
      asString((hex) => readDigest('md5', hex)),
      (hex) => (entry.md5 = hex),
    ) ??
    field(
      'sha1',
      'hash-not-hex',
      asString((hex) => readDigest('sha1', hex)),
      (hex) => (entry.sha1 = hex),
    ) ??
    field(
      'sha256',
      'hash-not-hex',
      asString((hex) => readDigest('sha256', hex)),
      (hex) => (entry.sha256 = hex),
    ) ??
    field('classification', 'classification-unknown', asString(readClassification), (kind) => (entry.classification = kind)) ??
    field('providerViewed', 'flag-value-unknown', asBoolean, (flag) => (entry.providerViewed = flag)) ??
    field('publiclyAvailable', 'flag-value-unknown', asBoolean, (flag) => (entry.publiclyAvailable = flag)) ??
    field('annotations', 'annotation-unknown', asList, (list) => (entry.annotations = list));
  if (failure !== null) return failure;
  if (entry.path === null && entry.md5 === null && entry.sha1 === null && entry.sha256 === null) return { ok: false, reason: 'no-file-named' };
  return { ok: true, entry };
}
