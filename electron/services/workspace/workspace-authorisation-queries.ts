import type Database from 'better-sqlite3';
import type { AuthorisationRow, ReferralMetaKey } from './workspace-authorisation-protocol.js';

/** The referral lock's queries (the authorisations table), prepared once per connection in the workspace thread. */
export interface AuthorisationQueries {
  append(row: AuthorisationRow): void;
  /** Every line, oldest first: a later line for the same path is the one that holds. Unchecked: the client checks. */
  list(): unknown[];
  /** Sets (or, with null, removes) one of the referral's meta values. */
  writeMeta(key: ReferralMetaKey, value: string | null): void;
  readMeta(): { chosenManifest: string | null; continuedWithout: string | null };
}

/** Prepares the authorisation queries on an open, migrated connection. */
export function prepareAuthorisationQueries(db: Database.Database): AuthorisationQueries {
  const insert = db.prepare(
    'INSERT INTO authorisations (path, reference, date_iso, user_name, at_ms) VALUES (@itemPath, @reference, @dateIso, @userName, @atMs)',
  );
  const select = db.prepare('SELECT path AS itemPath, reference, date_iso AS dateIso, user_name AS userName, at_ms AS atMs FROM authorisations ORDER BY seq');
  const putMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  const dropMeta = db.prepare('DELETE FROM meta WHERE key = ?');
  const readMeta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const metaOf = (key: ReferralMetaKey): string | null => {
    const value: unknown = readMeta.get(key);
    return typeof value === 'string' ? value : null;
  };
  return {
    append: (row) => void insert.run(row),
    list: () => select.all(),
    writeMeta: (key, value) => void (value === null ? dropMeta.run(key) : putMeta.run(key, value)),
    readMeta: () => ({ chosenManifest: metaOf('referral.chosenManifest'), continuedWithout: metaOf('referral.continuedWithout') }),
  };
}
