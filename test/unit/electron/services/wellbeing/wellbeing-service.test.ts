import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../../../../shared/exposure/ledger-record.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../../../shared/settings/settings.js';
import type { WellbeingView } from '../../../../../shared/wellbeing/wellbeing-view.js';
import { createWellbeingService } from '../../../../../electron/services/wellbeing/wellbeing-service.js';

const START_MS = Date.UTC(2026, 10, 25, 15, 0, 0); // a Wednesday, 10:00 in Toronto
const SECOND = 1000;

async function start(overrides: Partial<Settings>, saved: unknown = null) {
  let now = START_MS;
  const settings: Settings = { ...DEFAULT_SETTINGS, ...overrides };
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
  return { service, records, pushed, view, idle };
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

  it('continues a break timer across a restart from its saved state', async () => {
    const first = await start({ breaks: everyMinute });
    first.view(40);
    const saved = first.service.snapshot();
    const second = await start({ breaks: everyMinute }, saved);
    second.view(25);
    expect(second.service.view().breaks.phase).toBe('on-break');
  });
});
