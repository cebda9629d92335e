/**
 * Corrupt state never wipes data: for each file Veil keeps in its data folder (settings,
 * a ledger day, the break and limit state), and each way such a file is found damaged
 * after a crash, a power cut or a bad disk, the original bytes survive on disk, exactly,
 * the user is told, and Veil goes on with defaults and whatever was still good.
 */
import Conf from 'conf';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../../shared/exposure/ledger-record.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings/settings.js';
import { encodeRecords } from '../../../electron/services/ledger/journal-codec.js';
import { createLedger } from '../../../electron/services/ledger/ledger.js';
import { confSettingsFile, settingsFileOptions } from '../../../electron/services/settings/settings-file.js';
import { createSettingsService } from '../../../electron/services/settings/settings-service.js';
import { wellbeingStateFile, WELLBEING_STATE_FILE_NAME } from '../../../electron/services/wellbeing/state-file.js';
import { createWellbeingService } from '../../../electron/services/wellbeing/wellbeing-service.js';
import { exposure, exposureRun, reveal } from '../electron/services/ledger/ledger-test-records.js';

const NOW_MS = Date.UTC(2026, 10, 30, 15, 0, 0);
const TODAY = '2026-11-30';
const DAY_FILE = `${TODAY}.jsonl`;
const GOOD_RECORDS: LedgerRecord[] = [...exposureRun(Date.UTC(2026, 10, 30, 9, 0, 0), 3), reveal(Date.UTC(2026, 10, 30, 9, 0, 30))];
const NEW_RECORD = exposure(Date.UTC(2026, 10, 30, 14, 0, 0), Date.UTC(2026, 10, 30, 14, 0, 10));

type Damage = 'empty' | 'truncated' | 'NUL bytes' | 'good records then NUL bytes' | 'valid JSON failing the schema';

let dataDir = '';
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'veil-corrupt-state-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const nul = (length: number): Buffer => Buffer.alloc(length, 0);
const settingsBytes = Buffer.from(JSON.stringify({ ...DEFAULT_SETTINGS, revealDurationSec: 5 }));

// ----- settings -------------------------------------------------------------------------------

const SETTINGS_DAMAGE: Record<Exclude<Damage, 'good records then NUL bytes'>, Buffer> = {
  empty: Buffer.alloc(0),
  truncated: settingsBytes.subarray(0, Math.floor(settingsBytes.length / 2)),
  'NUL bytes': nul(4096),
  'valid JSON failing the schema': Buffer.from(JSON.stringify({ ...DEFAULT_SETTINGS, revealDurationSec: -4 })),
};

function openSettings() {
  return createSettingsService({
    filePath: join(dataDir, 'settings.json'),
    openFile: () => confSettingsFile(new Conf(settingsFileOptions(dataDir))),
    nowMs: () => NOW_MS,
  });
}

describe('a damaged settings file', () => {
  it.each(Object.entries(SETTINGS_DAMAGE))('%s: kept aside byte for byte, the user told, defaults used, and changes save again', (_damage, original) => {
    writeFileSync(join(dataDir, 'settings.json'), original);
    const service = openSettings();

    expect(service.notices).toEqual([{ code: 'settings-reset', detail: expect.any(String), keptAs: expect.stringMatching(/^settings\.corrupt-.+\.json$/) }]);
    const keptAs = service.notices[0]!.keptAs!;
    expect(readFileSync(join(dataDir, keptAs)).equals(original)).toBe(true);
    expect(service.get()).toEqual(DEFAULT_SETTINGS);

    service.update({ revealDurationSec: 7 });
    const reopened = openSettings();
    expect(reopened.get().revealDurationSec).toBe(7);
    expect(reopened.notices).toEqual([]);
    expect(readdirSync(dataDir).sort()).toEqual([keptAs, 'settings.json'].sort());
  });
});

// ----- a ledger day file ------------------------------------------------------------------------

/** A journal line whose checksum is right but whose JSON is not a ledger record (a future version, say). */
function checksummedLine(json: string): Buffer {
  return Buffer.from(`${crc32(Buffer.from(json)).toString(16).padStart(8, '0')} ${json}\n`);
}

const goodDay = Buffer.from(encodeRecords(GOOD_RECORDS));
const lastLineStart = goodDay.lastIndexOf(0x0a, goodDay.length - 2) + 1;

interface LedgerCase {
  original: Buffer;
  /** Records that must still be read back. */
  kept: LedgerRecord[];
  /**
   * How the original bytes survive: the whole file kept aside ('kept-aside'); the dropped
   * tail kept beside the cut file ('torn', so journal + side file = original); or nothing to
   * keep because nothing was wrong with any byte ('untouched').
   */
  survival: 'kept-aside' | 'torn' | 'untouched';
}

const LEDGER_DAMAGE: Record<Damage, LedgerCase> = {
  // A day file created a moment before a crash, before its first append: no byte to lose, nothing to tell.
  empty: { original: Buffer.alloc(0), kept: [], survival: 'untouched' },
  truncated: { original: goodDay.subarray(0, goodDay.length - 9), kept: GOOD_RECORDS.slice(0, -1), survival: 'torn' },
  'NUL bytes': { original: nul(8192), kept: [], survival: 'torn' },
  // What ext4 or NTFS can leave after a power cut: the length grew, the data never arrived.
  'good records then NUL bytes': { original: Buffer.concat([goodDay, nul(4096)]), kept: GOOD_RECORDS, survival: 'torn' },
  'valid JSON failing the schema': {
    original: Buffer.concat([
      goodDay.subarray(0, lastLineStart),
      checksummedLine('{"v":2,"type":"exposure","from":"a newer Veil"}'),
      goodDay.subarray(lastLineStart),
    ]),
    kept: GOOD_RECORDS,
    survival: 'kept-aside',
  },
};

function openLedger() {
  return createLedger({ dataDir, timeZone: 'UTC', nowMs: () => NOW_MS, retentionDays: 400, warmDays: 0 });
}

describe('a damaged ledger day file', () => {
  it.each(Object.entries(LEDGER_DAMAGE))(
    '%s: its bytes survive exactly, the user told, good records kept, and the day writes again',
    async (_damage, { original, kept, survival }) => {
      const ledgerDir = join(dataDir, 'ledger');
      mkdirSync(ledgerDir);
      writeFileSync(join(ledgerDir, DAY_FILE), original);

      const ledger = await openLedger();
      const notices = [...ledger.notices];
      const sideFiles = readdirSync(ledgerDir).filter((name) => name !== DAY_FILE && name !== 'ledger-state.json');
      if (survival === 'untouched') {
        expect(notices).toEqual([]);
        expect(sideFiles).toEqual([]);
        expect(readFileSync(join(ledgerDir, DAY_FILE)).equals(original)).toBe(true);
      } else {
        const code = survival === 'torn' ? 'ledger-torn-record-dropped' : 'ledger-file-kept-aside';
        expect(notices).toEqual([{ code, detail: expect.any(String), keptAs: sideFiles[0] }]);
        expect(sideFiles).toHaveLength(1);
        const sideBytes = readFileSync(join(ledgerDir, sideFiles[0]!));
        if (survival === 'kept-aside') expect(sideBytes.equals(original)).toBe(true);
        else expect(Buffer.concat([readFileSync(join(ledgerDir, DAY_FILE)), sideBytes]).equals(original)).toBe(true);
      }
      expect(await ledger.readDays(TODAY, TODAY)).toEqual(kept);

      ledger.add([NEW_RECORD]);
      await ledger.close();
      const reopened = await openLedger();
      expect(reopened.notices).toEqual([]);
      expect(await reopened.readDays(TODAY, TODAY)).toEqual([...kept, NEW_RECORD]);
      await reopened.close();
    },
  );
});

// ----- the break and limit state --------------------------------------------------------------

async function startWellbeing(saved: unknown) {
  const settings: Settings = DEFAULT_SETTINGS;
  let nowMs = NOW_MS;
  const service = await createWellbeingService({
    settings: () => settings,
    nowMs: () => nowMs,
    timeZone: 'UTC',
    weekStartsOn: () => 1,
    record: () => undefined,
    onChange: () => undefined,
    saved,
    usageFromLedger: async () => ({ day: { exposure: 0, unfiltered: 0, audio: 0 }, week: { exposure: 0, unfiltered: 0, audio: 0 } }),
  });
  const view = (seconds: number): void => {
    for (let i = 0; i < seconds; i += 1) {
      nowMs += 1000;
      service.counted({ countedMs: 1000, unfilteredMs: 0, audioMs: 0 }, true);
    }
  };
  return { service, view };
}

/** A real saved state: ten minutes of viewing counted towards the next break. */
async function savedAfterViewing(): Promise<{ breaks: unknown; limits: unknown }> {
  const { service, view } = await startWellbeing(null);
  view(600);
  return service.snapshot();
}

describe('a damaged break and limit state file', () => {
  const statePath = (): string => join(dataDir, WELLBEING_STATE_FILE_NAME);

  it('a healthy file is read back as saved, with nothing kept aside', async () => {
    const saved = await savedAfterViewing();
    const file = wellbeingStateFile(dataDir, () => NOW_MS);
    await file.write(saved);
    expect(await wellbeingStateFile(dataDir, () => NOW_MS).read()).toEqual(saved);
    expect(file.keptAside).toEqual([]);
    expect(readdirSync(dataDir)).toEqual([WELLBEING_STATE_FILE_NAME]);
  });

  const damaged = async (damage: Exclude<Damage, 'good records then NUL bytes'>): Promise<{ bytes: Buffer; breaksKept: boolean }> => {
    const saved = await savedAfterViewing();
    const whole = Buffer.from(JSON.stringify(saved));
    switch (damage) {
      case 'empty':
        return { bytes: Buffer.alloc(0), breaksKept: false };
      case 'truncated':
        return { bytes: whole.subarray(0, Math.floor(whole.length / 2)), breaksKept: false };
      case 'NUL bytes':
        return { bytes: nul(4096), breaksKept: false };
      case 'valid JSON failing the schema':
        // The limits half from a future version; the breaks half is still good and is used.
        return { bytes: Buffer.from(JSON.stringify({ ...saved, limits: { v: 99 } })), breaksKept: true };
    }
  };

  it.each(['empty', 'truncated', 'NUL bytes', 'valid JSON failing the schema'] as const)(
    '%s: kept aside byte for byte, the user told, defaults (or the good half) used, and it saves again',
    async (damage) => {
      const { bytes, breaksKept } = await damaged(damage);
      writeFileSync(statePath(), bytes);

      const file = wellbeingStateFile(dataDir, () => NOW_MS);
      const saved = await file.read();
      expect(file.keptAside).toEqual([
        {
          detail: expect.stringMatching(/^wellbeing-state\.json (not JSON|fails its schema)/),
          keptAs: 'wellbeing-state.corrupt-2026-11-30T15-00-00-000Z.json',
        },
      ]);
      expect(readFileSync(join(dataDir, file.keptAside[0]!.keptAs)).equals(bytes)).toBe(true);

      const { service, view } = await startWellbeing(saved);
      const fresh = await startWellbeing(null);
      expect(service.view().limits).toEqual(fresh.service.view().limits);
      // Ten minutes already counted: a restored break timer reaches its break sooner than a fresh one.
      const restoredBreaks = service.view().breaks;
      if (breaksKept) expect(restoredBreaks).not.toEqual(fresh.service.view().breaks);
      else expect(restoredBreaks).toEqual(fresh.service.view().breaks);

      view(5);
      await file.write(service.snapshot());
      const again = wellbeingStateFile(dataDir, () => NOW_MS);
      expect(await again.read()).toEqual(JSON.parse(JSON.stringify(service.snapshot())));
      expect(again.keptAside).toEqual([]);
      expect(readdirSync(dataDir).sort()).toEqual([file.keptAside[0]!.keptAs, WELLBEING_STATE_FILE_NAME].sort());
    },
  );

  it('a second damaged file the same millisecond never overwrites the first one kept', async () => {
    const names: string[] = [];
    for (const bytes of [Buffer.from('{"first'), Buffer.from('{"second')]) {
      writeFileSync(statePath(), bytes);
      const file = wellbeingStateFile(dataDir, () => NOW_MS);
      await file.read();
      names.push(file.keptAside[0]!.keptAs);
    }
    expect(names).toEqual(['wellbeing-state.corrupt-2026-11-30T15-00-00-000Z.json', 'wellbeing-state.corrupt-2026-11-30T15-00-00-000Z-2.json']);
    expect(names.map((name) => readFileSync(join(dataDir, name), 'utf8'))).toEqual(['{"first', '{"second']);
  });
});
