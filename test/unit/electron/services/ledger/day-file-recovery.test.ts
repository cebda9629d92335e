import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDayFile, MAX_DAY_FILE_BYTES } from '../../../../../electron/services/ledger/day-file-recovery.js';
import { decodeJournal, encodeRecordLine, encodeRecords } from '../../../../../electron/services/ledger/journal-codec.js';
import { exposure, exposureRun, makeTempDir, reveal, utcMs } from './ledger-test-records.js';

const DAY = '2025-03-10';
const NOW_MS = utcMs('2025-03-10T20:00:00');
const RECORDS = [...exposureRun(utcMs('2025-03-10T14:00:00'), 4), reveal(utcMs('2025-03-10T14:01:00'))];

let dir = '';
let remove: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, remove } = await makeTempDir());
});
afterEach(() => remove());

const dayPath = (): string => join(dir, `${DAY}.jsonl`);

describe('loadDayFile', () => {
  it('reads a missing day as empty without creating anything', async () => {
    expect(await loadDayFile(dir, DAY, NOW_MS)).toEqual({ records: [], notices: [] });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads a healthy file and leaves it untouched', async () => {
    await writeFile(dayPath(), encodeRecords(RECORDS));
    expect(await loadDayFile(dir, DAY, NOW_MS)).toEqual({ records: RECORDS, notices: [] });
    expect(await readdir(dir)).toEqual([`${DAY}.jsonl`]);
  });

  it('keeps a torn tail in a side file, cuts the journal back to its last complete record and says so', async () => {
    const whole = encodeRecords(RECORDS);
    const tornAt = whole.length - 17;
    await writeFile(dayPath(), whole.subarray(0, tornAt));

    const loaded = await loadDayFile(dir, DAY, NOW_MS);

    expect(loaded.records).toEqual(RECORDS.slice(0, -1));
    expect(loaded.notices).toEqual([
      { code: 'ledger-torn-record-dropped', detail: expect.stringContaining(`${DAY}.jsonl line 5`), keptAs: `${DAY}.jsonl.torn-2025-03-10T20-00-00-000Z` },
    ]);
    const lastLineStart = whole.length - encodeRecordLine(RECORDS.at(-1)!).length;
    expect(await readFile(dayPath())).toEqual(Buffer.from(whole.subarray(0, lastLineStart)));
    expect(await readFile(join(dir, loaded.notices[0]!.keptAs!))).toEqual(Buffer.from(whole.subarray(lastLineStart, tornAt)));
  });

  it('keeps a corrupt file aside byte for byte, replaces it with its valid records and says so', async () => {
    const lines = RECORDS.map(encodeRecordLine);
    const original = Buffer.from([lines[0], lines[1]!.replace('"v":1', '"v":2'), ...lines.slice(2)].join(''));
    await writeFile(dayPath(), original);

    const loaded = await loadDayFile(dir, DAY, NOW_MS);

    const keptAs = `${DAY}.corrupt-2025-03-10T20-00-00-000Z.jsonl`;
    expect(loaded.records).toEqual([RECORDS[0], ...RECORDS.slice(2)]);
    expect(loaded.notices).toEqual([
      { code: 'ledger-file-kept-aside', detail: expect.stringMatching(/line 2: checksum mismatch.*4 complete records kept/), keptAs },
    ]);
    expect(await readFile(join(dir, keptAs))).toEqual(original);
    expect(decodeJournal(await readFile(dayPath()))).toEqual({ records: loaded.records, tornTail: null, corruptLineNumbers: [], corruptLines: [] });
    expect((await readdir(dir)).sort()).toEqual([keptAs, `${DAY}.jsonl`]);
  });

  it('keeps a file that is both corrupt and torn aside whole, as one problem', async () => {
    const original = Buffer.concat([Buffer.from('garbage\n'), encodeRecords(RECORDS), Buffer.from('0badc0de {"v"')]);
    await writeFile(dayPath(), original);

    const loaded = await loadDayFile(dir, DAY, NOW_MS);

    expect(loaded.records).toEqual(RECORDS);
    expect(loaded.notices.map((notice) => notice.code)).toEqual(['ledger-file-kept-aside']);
    expect(loaded.notices[0]?.detail).toMatch(/line 1: not a checksummed line; last line 7: no newline/);
    expect(await readFile(join(dir, loaded.notices[0]!.keptAs!))).toEqual(original);
  });

  it('never overwrites an earlier kept-aside file, even within the same millisecond', async () => {
    const names: (string | null)[] = [];
    for (const content of ['one\ntwo\n', 'three\nfour\n']) {
      await writeFile(dayPath(), content);
      names.push((await loadDayFile(dir, DAY, NOW_MS)).notices[0]?.keptAs ?? null);
    }
    expect(names).toEqual([`${DAY}.corrupt-2025-03-10T20-00-00-000Z.jsonl`, `${DAY}.corrupt-2025-03-10T20-00-00-000Z-2.jsonl`]);
    expect(await readFile(join(dir, names[0]!), 'utf8')).toBe('one\ntwo\n');
    expect(await readFile(join(dir, names[1]!), 'utf8')).toBe('three\nfour\n');
  });

  it('loads an empty file as an empty day, with nothing to report', async () => {
    await writeFile(dayPath(), '');
    expect(await loadDayFile(dir, DAY, NOW_MS)).toEqual({ records: [], notices: [] });
  });

  it('keeps a file of NUL bytes as a torn tail and leaves an empty journal to append to', async () => {
    await writeFile(dayPath(), new Uint8Array(8192));
    const loaded = await loadDayFile(dir, DAY, NOW_MS);
    expect(loaded.records).toEqual([]);
    expect(loaded.notices.map((notice) => notice.code)).toEqual(['ledger-torn-record-dropped']);
    expect((await readFile(dayPath())).length).toBe(0);
    expect((await readFile(join(dir, loaded.notices[0]!.keptAs!))).length).toBe(8192);
  });

  it('keeps a file of random text aside without throwing', async () => {
    const garbage = Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 7919) % 251));
    await writeFile(dayPath(), garbage);
    const loaded = await loadDayFile(dir, DAY, NOW_MS);
    expect(loaded.records).toEqual([]);
    expect(loaded.notices.map((notice) => notice.code)).toEqual(['ledger-file-kept-aside']);
    expect(await readFile(join(dir, loaded.notices[0]!.keptAs!))).toEqual(garbage);
    expect((await readFile(dayPath())).length).toBe(0);
  });

  it('keeps a file far too large to be a day of records aside unread', async () => {
    await writeFile(dayPath(), encodeRecords([exposure(1, 2)]));
    await truncate(dayPath(), MAX_DAY_FILE_BYTES + 1);
    const loaded = await loadDayFile(dir, DAY, NOW_MS);
    expect(loaded.records).toEqual([]);
    expect(loaded.notices).toEqual([
      { code: 'ledger-file-kept-aside', detail: expect.stringMatching(/not read/), keptAs: expect.stringMatching(/\.corrupt-.*\.jsonl$/) },
    ]);
    expect((await readFile(dayPath())).length).toBe(0);
  });
});
