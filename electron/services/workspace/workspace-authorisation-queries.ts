import type Database from 'better-sqlite3';
import type { AuthorisationRow } from './workspace-authorisation-protocol.js';

/** The referral lock's queries (the authorisations table), prepared once per connection in the workspace thread. */
export interface AuthorisationQueries {
  append(row: AuthorisationRow): void;
  /** Every line, oldest first: a later line for the same path is the one that holds. Unchecked: the client checks. */
  list(): unknown[];
}

/** Prepares the authorisation queries on an open, migrated connection. */
export function prepareAuthorisationQueries(db: Database.Database): AuthorisationQueries {
  const insert = db.prepare(
    'INSERT INTO authorisations (path, reference, date_iso, user_name, at_ms) VALUES (@itemPath, @reference, @dateIso, @userName, @atMs)',
  );
  const select = db.prepare('SELECT path AS itemPath, reference, date_iso AS dateIso, user_name AS userName, at_ms AS atMs FROM authorisations ORDER BY seq');
  return {
    append: (row) => void insert.run(row),
    list: () => select.all(),
  };
}
