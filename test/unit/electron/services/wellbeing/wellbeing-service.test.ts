import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../../../../shared/exposure/ledger-record.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../../../shared/settings/settings.js';
import type { WellbeingView } from '../../../../../shared/wellbeing/wellbeing-view.js';
import { createWellbeingService } from '../../../../../electron/services/wellbeing/wellbeing-service.js';

const START_MS = Date.UTC(2026, 10, 25, 15, 0, 0); // a Wednesday, 10:00 in Toronto
const SECOND = 1000;

async function start(overrides: Partial<Settings>, saved: unknown = null) {
  let now = START_MS;
  let settings: Settings = { ...DEFAULT_SETTINGS, ...overrides };
  const records: LedgerRecord[] = [];
  const pushed: WellbeingView[] = [];
  const service = await createWellbeingService({
    settings: () => settings,
    nowMs: () => now,
    timeZone: 'America/Toronto',
    weekStartsOn: () => 0,
    record: (added) => void records.push(...added),
    onChange: (view) => void pushed.push(view),
    saved,
    usageFromLedger: async () => ({ day: { exposure: 0, unfiltered: 0, audio: 0 }, week: { exposure: 0, unfiltered: 0, audio: 0 } }),
  });
  /** One exposure step per second of viewing, as the exposure service sends them. */
  const view = (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      now += SECOND;
      service.counted({ countedMs: SECOND, unfilteredMs: 0, audioMs: 0 }, true);
    }
  };
  const idle = (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      now += SECOND;
      service.counted({ countedMs: 0, unfilteredMs: 0, audioMs: 0 }, false);
    }
  };
  /** Settings changed by the user (the runtime then calls limitsChanged). */
  const change = (next: Partial<Settings>) => {
    settings = { ...settings, ...next };
  };
  /** Time passes in one step with nothing counted (a sleep, a night). */
  const jump = (ms: number) => {
    now += ms;
    service.counted({ countedMs: 0, unfilteredMs: 0, audioMs: 0 }, false);
  };
  return { service, records, pushed, view, idle, change, jump, nowMs: () => now };
}

const everyMinute = { ...DEFAULT_SETTINGS.breaks, microIntervalMin: 1, microDurationSec: 10, warningSec: 5, graceSec: 0, workingHours: null };

describe('wellbeing service', () => {
  it('starts a micro-break after a minute of counted exposure, records it and pushes the change', async () => {
    const { service, records, pushed, view, idle } = await start({ breaks: everyMinute });
    view(54);
    expect(service.view().breaks.phase).toBe('working');
    view(2);
    expect(service.view().breaks.phase).toBe('warning');
    view(5);
    expect(service.view().breaks.phase).toBe('on-break');
    expect(pushed.at(-1)?.breaks.phase).toBe('on-break');
    idle(10);
    expect(service.view().breaks.phase).toBe('working');
    const breakEvents = records.flatMap((record) => (record.type === 'break' ? [record.event] : []));
    expect(breakEvents).toEqual(['due', 'started', 'taken']);
  });

  it('switches to text-only at a one-minute daily cap, and an override with a reason lifts it', async () => {
    const caps = { ...DEFAULT_SETTINGS.limits.caps, exposure: { dayMin: 1, weekMin: null } };
    const { service, view } = await start({
      limits: { ...DEFAULT_SETTINGS.limits, caps },
      breaks: { ...everyMinute, microEnabled: false, restEnabled: false },
    });
    view(59);
    expect(service.view().limits.textOnly).toBe(false);
    view(1);
    expect(service.view().limits.textOnly).toBe(true);
    expect(service.overrideLimit('exposure', 'day', '  ').rejected).not.toBeNull();
    expect(service.view().limits.textOnly).toBe(true);
    const result = service.overrideLimit('exposure', 'day', 'Finishing the report due today');
    expect(result.rejected).toBeNull();
    expect(result.view.limits.textOnly).toBe(false);
  });

  it('writes the caps in force to the ledger at start, on each new day and on every change, for later weeks to read', async () => {
    const { service, records, view, change, jump, nowMs } = await start({});
    const capsWritten = () =>
      records.flatMap((record) => (record.type === 'limit' && record.event === 'caps' ? [{ atMs: record.atMs, caps: record.caps }] : []));
    expect(capsWritten()).toEqual([{ atMs: START_MS, caps: [] }]);
    view(5);
    expect(capsWritten()).toHaveLength(1);
    change({ limits: { ...DEFAULT_SETTINGS.limits, caps: { ...DEFAULT_SETTINGS.limits.caps, audio: { dayMin: null, weekMin: 90 } } } });
    service.limitsChanged();
    expect(capsWritten().at(-1)).toEqual({ atMs: nowMs(), caps: [{ quantity: 'audio', period: 'week', capMs: 90 * 60_000 }] });
    jump(15 * 3_600_000); // past midnight in Toronto
    expect(capsWritten()).toHaveLength(3);
    expect(capsWritten().at(-1)?.atMs).toBe(nowMs());
    view(5);
    expect(capsWritten()).toHaveLength(3);
  });

  it('continues a break timer across a restart from its saved state', async () => {
    const first = await start({ breaks: everyMinute });
    first.view(40);
    const saved = first.service.snapshot();
    const second = await start({ breaks: everyMinute }, saved);
    second.view(25);
    expect(second.service.view().breaks.phase).toBe('on-break');
  });
});
