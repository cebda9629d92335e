import type { BadRecord, KnownRecord } from '../../../shared/known/known-record.js';
import type { LibraryDb } from './known-library-db.js';

const hexBlob = (hex: string | null): Buffer | null => (hex === null ? null : Buffer.from(hex, 'hex'));

/** MediaIDs up to this are marked in a bit array (8 MB at most); VICS numbers media from 1, so nearly all land there. */
const MAX_BITMAP_ID = 64 * 1024 * 1024;

/**
 * Whether a MediaID is new, cheaply: whole numbers in range in a growing bit array, anything
 * else through `elsewhere` (the temporary table).
 */
function mediaIdClaims(elsewhere: (mediaId: string) => boolean): (mediaId: string) => boolean {
  let bits = new Uint8Array(1024);
  return (mediaId) => {
    const id = Number(mediaId);
    if (!Number.isInteger(id) || id < 0 || id >= MAX_BITMAP_ID) return elsewhere(mediaId);
    const byte = id >>> 3;
    if (byte >= bits.length) {
      const grown = new Uint8Array(Math.min(MAX_BITMAP_ID / 8, Math.max(bits.length * 2, byte + 1)));
      grown.set(bits);
      bits = grown;
    }
    const mask = 1 << (id & 7);
    if ((bits[byte] ?? 0) & mask) return false;
    bits[byte] = (bits[byte] ?? 0) | mask;
    return true;
  };
}

/**
 * Writes one set's records and bad records as the parser finds them, with statements
 * prepared once. MediaIDs seen so far live in a temporary table rather than in memory:
 * 5 million of them in a JS Set would cost more than the whole import may use.
 */
export function recordWriter(db: LibraryDb, setId: number) {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS import_media_id (media_id TEXT PRIMARY KEY) WITHOUT ROWID');
  db.exec('DELETE FROM temp.import_media_id');
  const insertRecord = db.prepare(
    'INSERT INTO known_record (set_id, place, category, md5, sha1, sha256, pdq, pdq_quality, media_id, photodna) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertBad = db.prepare('INSERT INTO bad_record (set_id, place, place_kind, reason) VALUES (?, ?, ?, ?)');
  const claim = db.prepare('INSERT OR IGNORE INTO temp.import_media_id (media_id) VALUES (?)');
  let records = 0;
  let bad = 0;
  let firstRowid: number | null = null;
  let lastRowid: number | null = null;
  const ids = mediaIdClaims((mediaId) => claim.run(mediaId).changes > 0);
  return {
    record(record: KnownRecord) {
      records += 1;
      const { lastInsertRowid } = insertRecord.run(
        setId,
        record.place,
        record.category,
        hexBlob(record.md5),
        hexBlob(record.sha1),
        hexBlob(record.sha256),
        hexBlob(record.pdq),
        record.pdqQuality,
        record.mediaId,
        record.photoDna,
      );
      lastRowid = Number(lastInsertRowid);
      firstRowid ??= lastRowid;
    },
    bad(entry: BadRecord) {
      bad += 1;
      insertBad.run(setId, entry.place, entry.placeKind, entry.reason);
    },
    claimMediaId: ids,
    counts: () => ({ records, bad }),
    /** The run of rowids this set's records took (null when it has none). */
    rowids: () => ({ first: firstRowid, last: lastRowid }),
    finish() {
      db.exec('DELETE FROM temp.import_media_id');
    },
  };
}
