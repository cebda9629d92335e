import { describe, expect, it } from 'vitest';
import { restoreLimitsState } from '../../../../shared/limits/limits-restore.js';
import { HOUR, LimitsTimeline, MINUTE, SECOND, limitsWith } from './limits-timeline.js';

/** Toronto local time (EDT, UTC-4, in May) as epoch ms. */
const torontoMay = (day: number, hour: number, minute = 0): number => Date.UTC(2024, 4, day, hour + 4, minute);

/** Daily cap 60 min and weekly 300 min on exposure, starting Tuesday 14 May 2024 at 22:00 Toronto. */
function lateEvening(): LimitsTimeline {
  return new LimitsTimeline(limitsWith({ exposure: { dayMin: 60, weekMin: 300 } }), torontoMay(14, 22));
}

describe('daily rollover at local midnight', () => {
  it('starts a new day at 00:00 local and keeps the week', () => {
    const t = lateEvening();
    t.tick(torontoMay(14, 22));
    t.view('exposure', HOUR); // 22:00–23:00: the daily cap
    expect(t.latestView.textOnly).toBe(true);
    t.tick(torontoMay(14, 23, 59) + 59 * SECOND + 999);
    expect(t.latestView).toMatchObject({ dayKey: '2024-05-14', textOnly: true });
    const midnight = t.count(torontoMay(15, 0), 'exposure', SECOND);
    expect(midnight.view.dayKey).toBe('2024-05-15');
    expect(midnight.view.textOnly).toBe(false);
    expect(midnight.view.caps.exposure.day).toMatchObject({ usedMs: SECOND, reached: false, overridden: false });
    expect(midnight.view.caps.exposure.week.usedMs).toBe(HOUR + SECOND);
    // The new day warns and reaches again: once per cap per period, and this is a new period.
    t.view('exposure', HOUR);
    expect(t.records.filter((r) => r.period === 'day').map((r) => r.event)).toEqual(['warning', 'warning', 'reached', 'warning', 'warning', 'reached']);
  });

  it('moves on after a long gap (a night asleep) to the day of the event, not day by day', () => {
    const t = lateEvening();
    t.view('exposure', HOUR);
    const monday = t.tick(torontoMay(20, 9));
    expect(monday.view).toMatchObject({ dayKey: '2024-05-20', weekKey: '2024-05-19', textOnly: false });
    expect(monday.view.caps.exposure.week.usedMs).toBe(0);
  });
});

describe('weekly rollover at the start of the week', () => {
  it('starts a new week at 00:00 on Sunday (weekStartsOn 0, both Canadian locales)', () => {
    const t = new LimitsTimeline(limitsWith({ audio: { weekMin: 120 } }), torontoMay(18, 21));
    t.tick(torontoMay(18, 21));
    t.view('audio', 2 * HOUR + 59 * MINUTE);
    expect(t.latestView).toMatchObject({ weekKey: '2024-05-12', textOnly: true });
    const sunday = t.tick(torontoMay(19, 0));
    expect(sunday.view).toMatchObject({ dayKey: '2024-05-19', weekKey: '2024-05-19', textOnly: false });
    expect(sunday.view.caps.audio.week.usedMs).toBe(0);
  });

  it('starts it on Monday when weeks start on Monday', () => {
    const t = new LimitsTimeline(limitsWith({ audio: { weekMin: 120 } }), torontoMay(19, 10), 'America/Toronto', 1);
    t.view('audio', 3 * HOUR);
    expect(t.latestView).toMatchObject({ weekKey: '2024-05-13', textOnly: true });
    expect(t.tick(torontoMay(19, 23, 59)).view.textOnly).toBe(true);
    expect(t.tick(torontoMay(20, 0)).view).toMatchObject({ weekKey: '2024-05-20', textOnly: false });
  });

  it('a change of week start never ends the current week early: the week in progress runs at least 7 days', () => {
    // Week of Sunday 12 May; on Wednesday the user's weeks start to begin on Monday.
    const t = new LimitsTimeline(limitsWith({ exposure: { weekMin: 600 } }), torontoMay(15, 10));
    t.view('exposure', HOUR);
    t.config = { ...t.config, weekStartsOn: 1 };
    expect(t.tick(torontoMay(18, 23)).view.weekKey).toBe('2024-05-12');
    // Sunday 19: the Monday-week containing it began on the 13th, inside the week in progress.
    expect(t.tick(torontoMay(19, 12)).view).toMatchObject({ weekKey: '2024-05-12' });
    expect(t.latestView.caps.exposure.week.usedMs).toBe(HOUR);
    expect(t.tick(torontoMay(20, 0)).view).toMatchObject({ weekKey: '2024-05-20' });
  });
});

describe('days that are not 24 hours long', () => {
  it('spring forward (Toronto, 10 March 2024, 23 h): the day ends at local midnight, 23 h after it began', () => {
    const dayStart = Date.UTC(2024, 2, 10, 5, 0); // 00:00 EST
    const t = new LimitsTimeline(limitsWith({ exposure: { dayMin: 60 } }), dayStart);
    t.view('exposure', HOUR);
    expect(t.latestView.textOnly).toBe(true);
    expect(t.tick(dayStart + 23 * HOUR - 1).view).toMatchObject({ dayKey: '2024-03-10', textOnly: true });
    expect(t.tick(dayStart + 23 * HOUR).view).toMatchObject({ dayKey: '2024-03-11', textOnly: false });
  });

  it('fall back (Toronto, 3 November 2024, 25 h): the extra hour still belongs to the same day', () => {
    const dayStart = Date.UTC(2024, 10, 3, 4, 0); // 00:00 EDT
    const t = new LimitsTimeline(limitsWith({ exposure: { dayMin: 60 } }), dayStart);
    t.view('exposure', HOUR);
    // 24 h after midnight it is 23:00 EST, still 3 November: no fresh allowance yet.
    expect(t.tick(dayStart + 24 * HOUR).view).toMatchObject({ dayKey: '2024-11-03', textOnly: true });
    expect(t.tick(dayStart + 25 * HOUR - 1).view.textOnly).toBe(true);
    expect(t.tick(dayStart + 25 * HOUR).view).toMatchObject({ dayKey: '2024-11-04', textOnly: false });
  });
});

describe('the clock set back', () => {
  it('across midnight does not give a fresh day’s allowance twice', () => {
    const t = lateEvening();
    t.view('exposure', HOUR); // Tuesday's cap, reached at 23:00
    t.tick(torontoMay(15, 0, 10)); // Wednesday: a fresh allowance, rightly
    t.view('exposure', HOUR); // Wednesday's cap, reached at 01:10
    expect(t.latestView).toMatchObject({ dayKey: '2024-05-15', textOnly: true });

    // Veil restarts with the clock set back to Tuesday 23:50.
    const setBack = torontoMay(14, 23, 50);
    const restored = restoreLimitsState(JSON.parse(JSON.stringify(t.state)), setBack);
    expect(restored.outcome).toBe('clock-set-back');
    t.state = restored.state;
    t.lastMs = setBack;

    // An earlier day key is ignored: time counts into Wednesday, which stays reached.
    const beforeMidnight = t.count(torontoMay(14, 23, 55), 'exposure', MINUTE);
    expect(beforeMidnight.rejected).toBeNull();
    expect(beforeMidnight.view).toMatchObject({ dayKey: '2024-05-15', textOnly: true });
    expect(beforeMidnight.view.caps.exposure.day.usedMs).toBe(HOUR + MINUTE);
    // Midnight comes round again: no second fresh day.
    expect(t.count(torontoMay(15, 0, 1), 'exposure', MINUTE).view).toMatchObject({ dayKey: '2024-05-15', textOnly: true });
    expect(t.tick(torontoMay(15, 23, 59)).view.textOnly).toBe(true);
    // The real next midnight does start Thursday.
    expect(t.tick(torontoMay(16, 0)).view).toMatchObject({ dayKey: '2024-05-16', textOnly: false });
    expect(t.records.filter((r) => r.event === 'reached')).toHaveLength(2);
  });

  it('by hours within a day changes nothing but the time events must follow', () => {
    const t = lateEvening();
    t.view('exposure', 30 * MINUTE);
    const restored = restoreLimitsState(t.state, torontoMay(14, 18));
    t.state = restored.state;
    expect(t.tick(torontoMay(14, 18)).view.caps.exposure.day.usedMs).toBe(30 * MINUTE);
    expect(t.tick(torontoMay(15, 0)).view.dayKey).toBe('2024-05-15');
  });
});

describe('a time-zone change', () => {
  it('westward (Toronto to Vancouver) keeps the day until Vancouver’s midnight, three hours later', () => {
    const t = lateEvening();
    t.view('exposure', HOUR);
    t.config = { ...t.config, timeZone: 'America/Vancouver' };
    expect(t.tick(torontoMay(15, 0, 30)).view).toMatchObject({ dayKey: '2024-05-14', textOnly: true });
    expect(t.tick(torontoMay(15, 2, 59)).view.textOnly).toBe(true);
    expect(t.tick(torontoMay(15, 3)).view).toMatchObject({ dayKey: '2024-05-15', textOnly: false });
  });

  it('eastward (Toronto to Paris, already tomorrow there) never ends today before Toronto’s midnight', () => {
    const t = new LimitsTimeline(limitsWith({ exposure: { dayMin: 60 } }), torontoMay(14, 19));
    t.view('exposure', HOUR); // reached at 20:00 Toronto = 02:00 Paris on the 15th
    t.config = { ...t.config, timeZone: 'Europe/Paris' };
    expect(t.tick(torontoMay(14, 20, 30)).view).toMatchObject({ dayKey: '2024-05-14', textOnly: true });
    expect(t.tick(torontoMay(14, 23, 59)).view.textOnly).toBe(true);
    // From Toronto's midnight the user's day is Paris's 15 May, ending at Paris midnight.
    expect(t.tick(torontoMay(15, 0)).view).toMatchObject({ dayKey: '2024-05-15', textOnly: false });
    expect(t.state.day.endMs).toBe(Date.UTC(2024, 4, 15, 22, 0));
  });

  it('to a zone 26 hours behind (Kiritimati to UTC-12) after the day ended: yesterday’s date there gives no fresh day', () => {
    // Wednesday 15 May in Kiritimati (UTC+14) runs from 10:00 UTC on the 14th to 10:00 UTC on the 15th.
    const t = new LimitsTimeline(limitsWith({ exposure: { dayMin: 60 } }), Date.UTC(2024, 4, 14, 20), 'Pacific/Kiritimati');
    t.view('exposure', HOUR);
    expect(t.latestView).toMatchObject({ dayKey: '2024-05-15', textOnly: true });
    t.config = { ...t.config, timeZone: 'Etc/GMT+12' };
    // 10:30 UTC on the 15th: Wednesday is over in Kiritimati, and it is 22:30 on Tuesday the 14th at UTC-12.
    expect(t.tick(Date.UTC(2024, 4, 15, 10, 30)).view).toMatchObject({ dayKey: '2024-05-15', textOnly: true });
    // Wednesday begins at UTC-12: the same day, still reached.
    expect(t.tick(Date.UTC(2024, 4, 15, 12, 0)).view).toMatchObject({ dayKey: '2024-05-15', textOnly: true });
    expect(t.tick(Date.UTC(2024, 4, 16, 12, 0)).view).toMatchObject({ dayKey: '2024-05-16', textOnly: false });
  });

  it('flipping back and forth (Toronto and Kiritimati, UTC+14) never ends a day before its own midnight nor reuses a day', () => {
    const t = new LimitsTimeline(limitsWith({ exposure: { dayMin: 60 } }), torontoMay(14, 9));
    t.view('exposure', HOUR);
    const changes: [number, string | null][] = [];
    let key = t.latestView.dayKey;
    for (let hour = 11; hour <= 47; hour += 1) {
      t.config = { ...t.config, timeZone: hour % 2 === 0 ? 'Pacific/Kiritimati' : 'America/Toronto' };
      const step = t.tick(torontoMay(14, 0) + hour * HOUR);
      expect(step.rejected).toBeNull();
      if (step.view.dayKey !== key) changes.push([hour, (key = step.view.dayKey)]);
      if (hour < 24) expect(step.view.textOnly).toBe(true);
    }
    // Tuesday lasts to Toronto's midnight (hour 24), though Kiritimati was in Wednesday since
    // hour 12. Then the day is Kiritimati's Wednesday, which ends at its own midnight (hour
    // 30); Toronto's Wednesday, an earlier key, never comes back.
    expect(changes).toEqual([
      [24, '2024-05-15'],
      [30, '2024-05-16'],
    ]);
  });
});
