import { BadRecordReasonSchema } from '../../../shared/known/known-record.js';
import { HashSetSchemeSchema } from '../../../shared/known/hash-set-scheme.js';
import type { HashSetSummary, KnownMatch } from '../../../shared/known/hash-set-contract.js';
import type { HashKind } from '../../../shared/known/hash-kind.js';
import type { LibraryDb } from './known-library-db.js';

interface SetRow {
  id: number;
  name: string;
  source_file_name: string;
  scheme: string;
  format: string;
  imported_at_ms: number;
  record_count: number;
  bad_count: number;
  first_rowid: number | null;
  last_rowid: number | null;
  enabled: number;
}

/** A file's exact hashes as lower-case hex; null where not computed. */
export interface FileHashes {
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
}

/** A set's PDQ hash, for near matching. */
export interface KnownPdq {
  pdq: string;
  quality: number | null;
  category: string | null;
}

function summary(db: LibraryDb, row: SetRow): HashSetSummary {
  const badByReason: HashSetSummary['badByReason'] = {};
  for (const { reason, count } of db
    .prepare<[number], { reason: string; count: number }>('SELECT reason, count(*) AS count FROM bad_record WHERE set_id = ? GROUP BY reason')
    .all(row.id)) {
    const parsed = BadRecordReasonSchema.safeParse(reason);
    if (parsed.success) badByReason[parsed.data] = count;
  }
  const counts = db
    .prepare<[number, number], Record<HashKind, number>>(
      'SELECT count(md5) AS md5, count(sha1) AS sha1, count(sha256) AS sha256, count(pdq) AS pdq FROM known_record WHERE rowid BETWEEN ? AND ?',
    )
    .get(row.first_rowid ?? 0, row.last_rowid ?? -1) ?? { md5: 0, sha1: 0, sha256: 0, pdq: 0 };
  return {
    setId: row.id,
    name: row.name,
    sourceFileName: row.source_file_name,
    scheme: HashSetSchemeSchema.parse(row.scheme),
    format: row.format === 'vics-json' ? 'vics-json' : 'text',
    importedAtMs: row.imported_at_ms,
    recordCount: row.record_count,
    hashCounts: counts,
    enabled: row.enabled === 1,
    badRecordCount: row.bad_count,
    badByReason,
  };
}

/** The library's finished sets, newest first. */
export function listSets(db: LibraryDb): HashSetSummary[] {
  const rows = db.prepare<[], SetRow>('SELECT * FROM hash_set WHERE complete = 1 ORDER BY imported_at_ms DESC, id DESC').all();
  return rows.map((row) => summary(db, row));
}

/** One finished set, or null. */
export function getSet(db: LibraryDb, setId: number): HashSetSummary | null {
  const row = db.prepare<[number], SetRow>('SELECT * FROM hash_set WHERE id = ? AND complete = 1').get(setId);
  return row ? summary(db, row) : null;
}

/** Turns a set off (its hashes stop matching) or on again; false when there is no such set. */
export function setEnabled(db: LibraryDb, setId: number, enabled: boolean): boolean {
  return db.prepare('UPDATE hash_set SET enabled = ? WHERE id = ? AND complete = 1').run(enabled ? 1 : 0, setId).changes > 0;
}

const MATCH_SQL = (column: 'md5' | 'sha1' | 'sha256') =>
  `SELECT s.id AS setId, s.name AS setName, s.scheme AS scheme, r.category AS category FROM known_record r JOIN hash_set s ON s.id = r.set_id
   WHERE r.${column} = ? AND s.enabled = 1 AND s.complete = 1`;

type MatchRow = { setId: number; setName: string; scheme: string; category: string | null };
type MatchStatements = Record<'md5' | 'sha1' | 'sha256', ReturnType<typeof prepareMatch>>;
const prepareMatch = (db: LibraryDb, kind: 'md5' | 'sha1' | 'sha256') => db.prepare<[Buffer], MatchRow>(MATCH_SQL(kind));
/** Prepared once per open library: an import asks for every file of a case, and preparing costs more than the probe. */
const matchStatements = new WeakMap<LibraryDb, MatchStatements>();

function statementsOf(db: LibraryDb): MatchStatements {
  let statements = matchStatements.get(db);
  if (!statements) {
    statements = { md5: prepareMatch(db, 'md5'), sha1: prepareMatch(db, 'sha1'), sha256: prepareMatch(db, 'sha256') };
    matchStatements.set(db, statements);
  }
  return statements;
}

/**
 * Every enabled set that knows a file by any of its exact hashes, one entry per set and hash
 * kind (a set listing the same file twice counts once). Three index probes.
 */
export function lookupHashes(db: LibraryDb, hashes: FileHashes): KnownMatch[] {
  const matches: KnownMatch[] = [];
  const seen = new Set<string>();
  const statements = statementsOf(db);
  for (const kind of ['md5', 'sha1', 'sha256'] as const) {
    const hex = hashes[kind];
    if (hex === null) continue;
    for (const row of statements[kind].all(Buffer.from(hex, 'hex'))) {
      const key = `${row.setId}:${kind}:${row.category ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      matches.push({ setId: row.setId, setName: row.setName, scheme: HashSetSchemeSchema.parse(row.scheme), category: row.category, matchedBy: kind });
    }
  }
  return matches;
}

/** A set's PDQ hashes, streamed (a set may hold millions). */
export function* pdqHashes(db: LibraryDb, setId: number): Generator<KnownPdq> {
  const rows = db
    .prepare<[number], { pdq: Buffer; quality: number | null; category: string | null }>(
      `SELECT r.pdq AS pdq, r.pdq_quality AS quality, r.category AS category FROM hash_set s
       JOIN known_record r ON r.rowid BETWEEN s.first_rowid AND s.last_rowid WHERE s.id = ? AND s.complete = 1 AND r.pdq IS NOT NULL`,
    )
    .iterate(setId);
  for (const row of rows) yield { pdq: row.pdq.toString('hex'), quality: row.quality, category: row.category };
}

/**
 * A set's PDQ hashes in the same order as pdqHashes, read in runs of `runRows` records, each
 * its own short read. The near index's thread reads this way on its own connection: one read of
 * a million rows would hold the library's shared lock for seconds, and an import committing
 * meanwhile (on the main side) would wait for it past its lock timeout.
 */
export function* pdqHashesInRuns(db: LibraryDb, setId: number, runRows = 20_000): Generator<KnownPdq> {
  const range = db
    .prepare<[number], { first: number | null; last: number | null }>(
      'SELECT first_rowid AS first, last_rowid AS last FROM hash_set WHERE id = ? AND complete = 1',
    )
    .get(setId);
  if (range?.first == null || range.last == null) return;
  const run = db.prepare<[number, number], { pdq: Buffer; quality: number | null; category: string | null }>(
    'SELECT pdq, pdq_quality AS quality, category FROM known_record WHERE rowid BETWEEN ? AND ? AND pdq IS NOT NULL ORDER BY rowid',
  );
  for (let from = range.first; from <= range.last; from += runRows) {
    for (const row of run.all(from, Math.min(range.last, from + runRows - 1)))
      yield { pdq: row.pdq.toString('hex'), quality: row.quality, category: row.category };
  }
}
