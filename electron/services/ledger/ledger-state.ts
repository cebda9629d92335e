import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fileStamp, replaceFileAtomically } from '../platform/durable-write.js';
import { STATE_FILE_NAME } from './ledger-files.js';

const DayKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What the ledger remembers about its own files: every day file up to and including
 * `compactedThroughDay` is closed, checked and compacted, so start-up need not read it;
 * `newestWrittenDay` is the latest local day ever written to, which retention measures
 * from when the clock has jumped far ahead (absent in files from before it existed).
 * Losing this file costs time, never data: every day file is then checked again, and the
 * newest day file present stands in for the newest day written.
 */
const LedgerStateSchema = z.object({
  v: z.literal(1),
  compactedThroughDay: DayKeySchema.nullable(),
  newestWrittenDay: DayKeySchema.nullable().default(null),
});
export type LedgerState = z.infer<typeof LedgerStateSchema>;

const INITIAL_LEDGER_STATE: LedgerState = { v: 1, compactedThroughDay: null, newestWrittenDay: null };

/** Reads the state; a missing or unreadable file means "nothing known yet". */
export async function readLedgerState(dirPath: string): Promise<LedgerState> {
  try {
    const text = await readFile(join(dirPath, STATE_FILE_NAME), 'utf8');
    const parsed = LedgerStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : INITIAL_LEDGER_STATE;
  } catch {
    return INITIAL_LEDGER_STATE;
  }
}

/** Saves the state atomically (temp file, fsync, rename). `nowMs` only names the temp file. */
export async function writeLedgerState(dirPath: string, state: LedgerState, nowMs: number): Promise<void> {
  await replaceFileAtomically(dirPath, STATE_FILE_NAME, fileStamp(nowMs), new TextEncoder().encode(`${JSON.stringify(state)}\n`));
}
