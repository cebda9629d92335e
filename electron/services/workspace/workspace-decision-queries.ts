import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CaseSchemeSchema, type CaseScheme } from '../../../shared/review/category-scheme.js';
import type { DecisionEvent } from '../../../shared/review/decision-event.js';

/**
 * The review record's queries (schema versions 5 and 7), prepared once per connection and run only in
 * the workspace thread. Rows go back unchecked where the client checks them against the
 * protocol's schema anyway; the scheme is checked here, where it is read.
 */
export interface DecisionQueries {
  /** Appends the lines in one transaction; a line already written (same action and path) is skipped. */
  appendDecisions(events: readonly DecisionEvent[]): void;
  /** The last line of each item's history, a page at a time in the order written. */
  latestDecisions(afterSeq: number, limit: number): { events: unknown[]; nextSeq: number | null };
  /** Every line of one item's history, oldest first. */
  itemHistory(itemPath: string): unknown[];
  /** The highest action id written, 0 when none: new actions number on from it. */
  lastActionId(): number;
  /** The case's scheme, set by the first call and returned unchanged by every later one. */
  chooseScheme(scheme: CaseScheme): CaseScheme;
  /** The scheme chosen at the first open, or null before it. */
  readScheme(): CaseScheme | null;
  /** Where the investigator was (an item's path), so the case reopens there; each call replaces the last. */
  rememberPlace(itemPath: string): void;
  readPlace(): string | null;
}

const SCHEME_KEY = 'review-scheme';
const PLACE_KEY = 'review-place';
const SeqSchema = z.object({ seq: z.number().int() });
const MaxSchema = z.number().int().nullable();

const DECISION_COLUMNS = `seq, action_id AS actionId, path AS itemPath, category, source, cause, user_name AS userName, at_ms AS atMs, reason`;

/** A line without a reason (nearly all of them) goes out without the field rather than with a null. */
function withoutNullReason(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || !('reason' in row) || row.reason !== null) return row;
  const { reason: _none, ...rest } = row;
  return rest;
}

/** Prepares the review queries on an open, migrated connection. */
export function prepareDecisionQueries(db: Database.Database): DecisionQueries {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO decisions (action_id, path, category, source, cause, user_name, at_ms, reason)
     VALUES (@actionId, @itemPath, @category, @source, @cause, @userName, @atMs, @reason)`,
  );
  const appendAll = db.transaction((events: readonly DecisionEvent[]) => {
    // Most lines have no reason: the named parameter must still be bound.
    for (const event of events) insert.run({ ...event, reason: event.reason ?? null });
  });
  // The index on (path, seq) finds each row's newest sibling without a scan of the table.
  const latestPage = db.prepare(
    `SELECT ${DECISION_COLUMNS} FROM decisions AS d
     WHERE d.seq > ? AND d.seq = (SELECT MAX(seq) FROM decisions WHERE path = d.path) ORDER BY d.seq LIMIT ?`,
  );
  const history = db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE path = ? ORDER BY seq`);
  const maxAction = db.prepare('SELECT MAX(action_id) FROM decisions').pluck();
  const readMeta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const insertMeta = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
  const replaceMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

  const readScheme = (): CaseScheme | null => {
    const value: unknown = readMeta.get(SCHEME_KEY);
    if (value === undefined) return null;
    return CaseSchemeSchema.parse(JSON.parse(z.string().parse(value)));
  };

  return {
    appendDecisions: (events) => appendAll(events),
    latestDecisions(afterSeq, limit) {
      const rows = latestPage.all(afterSeq, limit);
      const last = rows.length === limit ? SeqSchema.parse(rows.at(-1)).seq : null;
      return { events: rows.map(withoutNullReason), nextSeq: last };
    },
    itemHistory: (itemPath) => history.all(itemPath).map(withoutNullReason),
    lastActionId: () => MaxSchema.parse(maxAction.get()) ?? 0,
    chooseScheme(scheme) {
      insertMeta.run(SCHEME_KEY, JSON.stringify(scheme));
      return readScheme() ?? scheme;
    },
    readScheme,
    rememberPlace: (itemPath) => void replaceMeta.run(PLACE_KEY, itemPath),
    readPlace() {
      const value: unknown = readMeta.get(PLACE_KEY);
      return typeof value === 'string' && value !== '' ? value : null;
    },
  };
}
