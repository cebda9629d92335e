import type { BadRecord, KnownRecord } from '../../../shared/known/known-record.js';
import type { LibraryDb } from './known-library-db.js';

const hexBlob = (hex: string | null): Buffer | null => (hex === null ? null : Buffer.from(hex, 'hex'));

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
  return {
    record(record: KnownRecord) {
      records += 1;
      insertRecord.run(
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
    },
    bad(entry: BadRecord) {
      bad += 1;
      insertBad.run(setId, entry.place, entry.placeKind, entry.reason);
    },
    claimMediaId: (mediaId: string) => claim.run(mediaId).changes > 0,
    counts: () => ({ records, bad }),
    finish() {
      db.exec('DELETE FROM temp.import_media_id');
    },
  };
}
