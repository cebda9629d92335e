import { checkCategory, type HashSetScheme } from './hash-set-scheme.js';
import { checkHash, type HashKind } from './hash-kind.js';
import { emptyRecord, type BadRecordReason, type KnownRecord } from './known-record.js';

/** VICS's boolean fields; other `Is…` fields are treated alike. */
const VICS_BOOLEANS = new Set(['VictimIdentified', 'OffenderIdentified', 'IsDistributed', 'IsPrecategorized', 'Series']);
/** Names an `AlternativeHashes` entry may give its hash; others (ed2k, PhotoDNA…) are not matched and are skipped. */
const ALTERNATIVE_NAMES: Readonly<Record<string, HashKind>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', pdq: 'pdq' };
const MAX_PHOTODNA_CHARS = 4096;

export type MediaCheck = { ok: true; record: KnownRecord } | { ok: false; reason: BadRecordReason };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function alternativeHashes(value: unknown, record: KnownRecord): BadRecordReason | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return 'hash-wrong-type';
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry['HashName'] !== 'string') return 'hash-wrong-type';
    const kind = ALTERNATIVE_NAMES[entry['HashName'].toLowerCase().replace(/[^a-z0-9]/g, '')];
    if (kind === undefined) continue;
    const reason = putHash(kind, entry['HashValue'], record);
    if (reason) return reason;
  }
  return null;
}

function putHash(kind: HashKind, value: unknown, record: KnownRecord): BadRecordReason | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return 'hash-wrong-type';
  const checked = checkHash(kind, value);
  if (!checked.ok) return checked.reason;
  record[kind] = checked.hex;
  return null;
}

/**
 * Reads one VICS Media object (1.x and 2.0 write the fields Veil uses alike): `MD5`, `SHA1`,
 * an optional `SHA256`, the `AlternativeHashes` list (SHA-256 and PDQ there), `Category`
 * under the chosen scheme, `MediaID` and `PhotoDNA` kept. A record with any of these
 * malformed is left out whole rather than imported half-read: a wrong category would mislabel.
 */
export function checkVicsMedia(value: unknown, place: number, scheme: HashSetScheme): MediaCheck {
  if (!isRecord(value)) return { ok: false, reason: 'record-not-object' };
  for (const [key, field] of Object.entries(value)) {
    if ((VICS_BOOLEANS.has(key) || /^Is[A-Z]/.test(key)) && (field === 'true' || field === 'false')) return { ok: false, reason: 'boolean-as-string' };
  }
  const record = emptyRecord(place);
  const mediaId = value['MediaID'];
  if (mediaId !== undefined && mediaId !== null) {
    if (typeof mediaId !== 'number' || !Number.isInteger(mediaId)) return { ok: false, reason: 'media-id-wrong-type' };
    record.mediaId = String(mediaId);
  }
  const reason =
    putHash('md5', value['MD5'], record) ??
    putHash('sha1', value['SHA1'], record) ??
    putHash('sha256', value['SHA256'], record) ??
    alternativeHashes(value['AlternativeHashes'], record);
  if (reason) return { ok: false, reason };
  if (record.md5 === null && record.sha1 === null && record.sha256 === null && record.pdq === null) return { ok: false, reason: 'no-hash' };
  const category = checkCategory(scheme, value['Category'], false);
  if (!category.ok) return { ok: false, reason: category.reason };
  record.category = category.category;
  const photoDna = value['PhotoDNA'];
  if (photoDna !== undefined && photoDna !== null) {
    if (typeof photoDna !== 'string' || photoDna.length > MAX_PHOTODNA_CHARS) return { ok: false, reason: 'hash-wrong-type' };
    record.photoDna = photoDna;
  }
  return { ok: true, record };
}
