import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../../../../shared/exposure/ledger-record.js';
import { decodeJournal, encodeRecordLine, encodeRecords } from '../../../../../electron/services/ledger/journal-codec.js';
import { createLedger, type Ledger } from '../../../../../electron/services/ledger/ledger.js';
import { exposure, exposureRun, makeTempDir, reveal, utcMs } from './ledger-test-records.js';

/**
 * What a user sees after Veil stopped badly: the next start-up loads whatever the day
 * file holds, keeps every complete record, and says what it dropped or set aside.
 */
const NOW_MS = utcMs('2025-06-02T18:00:00');
const DAY = '2025-06-02';
const RECORDS: LedgerRecord[] = [
  ...exposureRun(utcMs('2025-06-02T17:00:00'), 4),
  reveal(utcMs('2025-06-02T17:00:40')),
  exposure(utcMs('2025-06-02T17:00:40'), utcMs('2025-06-02T17:00:47'), { reveal: 'whole' }),
];

let dataDir = '';
let remove: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir: dataDir, remove } = await makeTempDir());
});
afterEach(() => remove());

const ledgerDir = (): string => join(dataDir, 'ledger');
const dayPath = (): string => join(ledgerDir(), `${DAY}.jsonl`);

function open(): Promise<Ledger> {
  return createLedger({ dataDir, timeZone: 'UTC', nowMs: () => NOW_MS, retentionDays: 400 });
}

async function putDayFile(bytes: Uint8Array | string): Promise<void> {
  await rm(ledgerDir(), { recursive: true, force: true });
  await mkdir(ledgerDir(), { recursive: true });
  await writeFile(dayPath(), bytes);
}

/** Restarts on the folder, reads the day, appends one record, and checks the file is clean afterwards. */
async function restartAndAppend(): Promise<{ loaded: LedgerRecord[]; codes: string[] }> {
  const ledger = await open();
  try {
    const loaded = await ledger.readDays(DAY, DAY);
    const next = exposure(utcMs('2025-06-02T17:59:00'), utcMs('2025-06-02T17:59:30'), { surface: 'grid' });
    ledger.add([next]);
    await ledger.flushNow();
    const after = decodeJournal(await readFile(dayPath()));
    expect(after).toEqual({ records: [...loaded, next], tornTail: null, corruptLineNumbers: [], corruptLines: [] });
    return { loaded, codes: ledger.notices.map((notice) => notice.code) };
  } finally {
    await ledger.close();
  }
}

describe('restarting after a crash', () => {
  it('recovers every earlier record whatever byte of the last record the file was cut at', async () => {
    const whole = encodeRecords(RECORDS);
    const lastLineStart = whole.length - encodeRecordLine(RECORDS.at(-1)!).length;
    for (let offset = lastLineStart; offset <= whole.length; offset += 1) {
      await putDayFile(whole.subarray(0, offset));
      const { loaded, codes } = await restartAndAppend();
      const complete = offset === whole.length;
      expect(loaded).toEqual(complete ? RECORDS : RECORDS.slice(0, -1));
      // Cut exactly at a line boundary, nothing is torn; anywhere else, exactly one record is.
      expect(codes).toEqual(offset === lastLineStart || complete ? [] : ['ledger-torn-record-dropped']);
    }
  });

  it('keeps the bytes of a torn record in a side file named in the notice', async () => {
    const whole = encodeRecords(RECORDS);
    await putDayFile(whole.subarray(0, whole.length - 3));
    const ledger = await open();
    await ledger.close();
    const [notice] = ledger.notices;
    expect(notice?.keptAs).toMatch(/^2025-06-02\.jsonl\.torn-2025-06-02T18-00-00-000Z$/);
    expect(await readFile(join(ledgerDir(), notice!.keptAs!), 'utf8')).toBe(encodeRecordLine(RECORDS.at(-1)!).slice(0, -3));
  });

  it('sets a corrupt file aside with its exact bytes, keeps its valid records and tells the user', async () => {
    const lines = RECORDS.map(encodeRecordLine);
    const original = Buffer.from([...lines.slice(0, 2), lines[2]!.replace('"v":1', '"v":7'), ...lines.slice(3)].join(''));
    await putDayFile(original);

    const { loaded, codes } = await restartAndAppend();

    expect(loaded).toEqual([...RECORDS.slice(0, 2), ...RECORDS.slice(3)]);
    expect(codes).toEqual(['ledger-file-kept-aside']);
    const kept = (await readdir(ledgerDir())).filter((name) => name.includes('.corrupt-'));
    expect(kept).toEqual(['2025-06-02.corrupt-2025-06-02T18-00-00-000Z.jsonl']);
    expect(await readFile(join(ledgerDir(), kept[0]!))).toEqual(original);
  });

  it.each([
    ['an empty file', new Uint8Array(0), []],
    ['a file of NUL bytes', new Uint8Array(4096), ['ledger-torn-record-dropped']],
    ['a file of text that is not a journal', 'Lorem ipsum dolor sit amet\nconsectetur\nadipiscing elit\n', ['ledger-file-kept-aside']],
    ['binary garbage', Uint8Array.from({ length: 5000 }, (_, index) => (index * 131 + 7) % 256), ['ledger-file-kept-aside']],
  ])('loads %s without throwing and goes on recording', async (_, content, expectedCodes) => {
    await putDayFile(content);
    const { loaded, codes } = await restartAndAppend();
    expect(loaded).toEqual([]);
    expect(codes).toEqual(expectedCodes);
  });
});
