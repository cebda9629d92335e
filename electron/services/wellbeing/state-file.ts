import { randomBytes } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BreakStateSchema } from '../../../shared/breaks/break-state.js';
import { LimitsStateSchema } from '../../../shared/limits/limits.js';
import { fileStamp, isNotFound, keepAside, replaceFileAtomically } from '../platform/durable-write.js';

export const WELLBEING_STATE_FILE_NAME = 'wellbeing-state.json';

/** What the service saves (its snapshot()): both halves are checked again by the service itself. */
const SavedWellbeingSchema = z.object({ breaks: BreakStateSchema, limits: LimitsStateSchema });

/** A damaged state file that read() kept aside: shaped like a Notice, for the user to be told. */
interface KeptAsideState {
  /** What was wrong, in the parser's words. */
  detail: string;
  /** The name it was kept under, in the data folder: `wellbeing-state.corrupt-<time>.json`. */
  keptAs: string;
}

export interface WellbeingStateFile {
  /**
   * What was saved at the last run: the parsed JSON (even when part of it fails the schema,
   * so the service can still use the other part), or null when there is none or it is not
   * JSON at all. A damaged file is kept aside, byte for byte, before anything can overwrite it.
   */
  read(): Promise<unknown>;
  /** Replaces the file atomically: a crash leaves the old state or the new one, never half. */
  write(value: unknown): Promise<void>;
  /** Files read() kept aside, oldest first. */
  readonly keptAside: readonly KeptAsideState[];
}

function corruptName(stamp: string): string {
  return `wellbeing-state.corrupt-${stamp}.json`;
}

function parseSaved(bytes: Buffer): { value: unknown; problem: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    const what = bytes.length === 0 ? 'the file is empty' : error instanceof Error ? error.message : String(error);
    return { value: null, problem: `not JSON: ${what}` };
  }
  const checked = SavedWellbeingSchema.safeParse(value);
  if (checked.success) return { value, problem: null };
  const first = checked.error.issues[0];
  return { value, problem: `fails its schema at ${first?.path.join('.') || '(top)'}: ${first?.message ?? 'invalid'}` };
}

/**
 * The break and limit machines' state, kept so a restart resets neither a break timer nor
 * a cap. Replaced atomically through the durable-write module (temp file, fsync, rename,
 * folder fsync). A file that
 * is unreadable or fails its schema is moved aside to `wellbeing-state.corrupt-<time>.json`
 * (a hard link, then the old name removed: the bytes are never copied or rewritten) and
 * listed in `keptAside`; the caller starts afresh for what is unusable (limits are seeded
 * from the ledger). `nowMs` (epoch ms) only stamps the kept file's name.
 */
export function wellbeingStateFile(dataDir: string, nowMs: () => number = Date.now): WellbeingStateFile {
  const path = join(dataDir, WELLBEING_STATE_FILE_NAME);
  const keptAside: KeptAsideState[] = [];
  return {
    keptAside,
    async read() {
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (error) {
        if (!isNotFound(error)) console.error(`wellbeing state: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
      const { value, problem } = parseSaved(bytes);
      if (problem === null) return value;
      try {
        const keptAs = await keepAside(dataDir, WELLBEING_STATE_FILE_NAME, corruptName, fileStamp(nowMs()));
        // Only once the bytes are safe under the new name: the next start must not keep it aside again.
        await unlink(path);
        keptAside.push({ detail: `${WELLBEING_STATE_FILE_NAME} ${problem}`, keptAs });
      } catch (error) {
        // A folder where nothing can be linked, copied or removed cannot be saved to either; start anyway.
        console.error(`wellbeing state (${problem}) could not be kept aside: ${error instanceof Error ? error.message : String(error)}`);
      }
      return value;
    },
    async write(value) {
      await replaceFileAtomically(dataDir, WELLBEING_STATE_FILE_NAME, randomBytes(6).toString('hex'), Buffer.from(JSON.stringify(value), 'utf8'));
    },
  };
}
