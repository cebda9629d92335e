import { isDayKey } from './day-keys.js';

/**
 * Names of the files in `<dataDir>/ledger/`. Day files are the journal; the others are
 * side files the ledger makes and recognises:
 * - `YYYY-MM-DD.jsonl`                  a day's records (the only files retention removes)
 * - `YYYY-MM-DD.jsonl.torn-<stamp>`     the bytes of a torn last line, kept before truncating
 * - `YYYY-MM-DD.corrupt-<stamp>.jsonl`  a corrupt day file kept aside, byte for byte
 * - `YYYY-MM-DD.jsonl.tmp-<stamp>`      a rewrite in progress (left only by a crash; removed at start-up)
 * - `ledger-state.json`                 how far closed days are compacted
 */
export const LEDGER_FOLDER_NAME = 'ledger';
export const STATE_FILE_NAME = 'ledger-state.json';

const DAY_FILE_PATTERN = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
const TEMP_FILE_PATTERN = /^(\d{4}-\d{2}-\d{2}\.jsonl|ledger-state\.json)\.tmp-[0-9A-Za-z-]+$/;

export function dayFileName(dayKey: string): string {
  return `${dayKey}.jsonl`;
}

/** The day a day file holds, or null for any other name (side files included). */
export function dayKeyOfFileName(name: string): string | null {
  const match = DAY_FILE_PATTERN.exec(name);
  const dayKey = match?.[1];
  return dayKey !== undefined && isDayKey(dayKey) ? dayKey : null;
}

/** True for a rewrite the ledger started and never finished (safe to delete: rename is the commit). */
export function isTempFileName(name: string): boolean {
  return TEMP_FILE_PATTERN.test(name);
}

export function tornFileName(dayKey: string, stamp: string): string {
  return `${dayFileName(dayKey)}.torn-${stamp}`;
}

export function corruptFileName(dayKey: string, stamp: string): string {
  return `${dayKey}.corrupt-${stamp}.jsonl`;
}
