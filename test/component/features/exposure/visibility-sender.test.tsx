import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisibilityReport } from '../../../../shared/exposure/visibility-report.js';
import type { VisibilityReportBody } from '../../../../renderer/features/exposure/screen-state';
import { FRAME_FALLBACK_MS, MIN_REPORT_INTERVAL_MS, RETRY_FIRST_MS, VisibilitySender } from '../../../../renderer/features/exposure/visibility-sender';

function body(itemIds: string[], pageVisible = true): VisibilityReportBody {
  return {
    caseId: 'case-fake-0001',
    pageVisible,
    surfaces: itemIds.length > 0 ? [{ surface: 'grid', itemIds, filter: { greyscale: true, blur: 'strong', reveal: 'none' } }] : [],
    video: null,
  };
}

function setUp(options: { firstSeq?: number; reply?: (report: VisibilityReport) => Promise<{ counting: boolean }> } = {}) {
  let current = body([]);
  const sent: VisibilityReport[] = [];
  const onCounting = vi.fn();
  const sender = new VisibilitySender({
    build: () => current,
    send: (report) => {
      sent.push(report);
      return options.reply ? options.reply(report) : Promise.resolve({ counting: report.surfaces.length > 0 });
    },
    onCounting,
    onFailed: () => undefined,
    firstSeq: options.firstSeq ?? 1,
  });
  return {
    sender,
    sent,
    onCounting,
    show: (next: VisibilityReportBody) => {
      current = next;
      sender.schedule();
    },
  };
}

describe('VisibilitySender', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces the changes of one frame into one report of the latest state', () => {
    const { sent, show } = setUp();
    show(body(['it-0000001']));
    show(body(['it-0000001', 'it-0000002']));
    show(body(['it-0000001', 'it-0000002', 'it-0000004']));
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(16);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.surfaces[0]?.itemIds).toEqual(['it-0000001', 'it-0000002', 'it-0000004']);
  });

  it('sends at most ten reports a second however fast the screen changes, ending on the latest state', () => {
    const { sent, show } = setUp();
    for (let i = 0; i < 100; i += 1) {
      show(body([`it-${String(i).padStart(7, '0')}`]));
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(MIN_REPORT_INTERVAL_MS + 20);
    // One second of changes every 10 ms: ten reports, not a hundred.
    expect(sent.length).toBeGreaterThanOrEqual(9);
    expect(sent.length).toBeLessThanOrEqual(11);
    expect(sent.at(-1)?.surfaces[0]?.itemIds).toEqual(['it-0000099']);
  });

  it('numbers reports with a strictly increasing seq and does not resend an unchanged state', () => {
    const { sent, show } = setUp({ firstSeq: 41 });
    show(body(['it-0000001']));
    vi.advanceTimersByTime(200);
    show(body(['it-0000001']));
    vi.advanceTimersByTime(200);
    show(body([]));
    vi.advanceTimersByTime(200);
    show(body([], false));
    vi.advanceTimersByTime(200);
    expect(sent.map((report) => report.seq)).toEqual([41, 42, 43]);
    expect(sent.map((report) => report.pageVisible)).toEqual([true, true, false]);
  });

  it('starts its sequence from the wall clock by default, above anything a previous page sent', () => {
    vi.setSystemTime(1_700_000_000_000);
    const sent: VisibilityReport[] = [];
    const sender = new VisibilitySender({ build: () => body(['it-0000001']), send: async (report) => (sent.push(report), { counting: true }) });
    sender.schedule();
    vi.advanceTimersByTime(FRAME_FALLBACK_MS);
    expect(sent[0]?.seq).toBe(1_700_000_000_000);
  });

  it('still reports when no animation frame comes (a hidden or minimised page)', () => {
    const { sent, show } = setUp();
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    show(body([], false));
    vi.advanceTimersByTime(FRAME_FALLBACK_MS - 1);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.pageVisible).toBe(false);
    raf.mockRestore();
  });

  it("passes on the main side's answer, ignoring an older reply that arrives last", async () => {
    const replies: ((value: { counting: boolean }) => void)[] = [];
    const { onCounting, show } = setUp({ reply: () => new Promise((resolve) => replies.push(resolve)) });
    show(body(['it-0000001']));
    vi.advanceTimersByTime(200);
    show(body([]));
    vi.advanceTimersByTime(200);
    replies[1]?.({ counting: false });
    await vi.advanceTimersByTimeAsync(0);
    replies[0]?.({ counting: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(onCounting.mock.calls).toEqual([[false]]);
  });

  it('sends the state again after a failure', async () => {
    let fail = true;
    const { sent, show } = setUp({
      reply: () => (fail ? Promise.reject(new Error('host restarting')) : Promise.resolve({ counting: true })),
    });
    show(body(['it-0000001']));
    await vi.advanceTimersByTimeAsync(16);
    expect(sent).toHaveLength(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS + 20);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.surfaces).toEqual(sent[0]?.surfaces);
    expect(sent[1]!.seq).toBeGreaterThan(sent[0]!.seq);
  });

  it('sends nothing after dispose', () => {
    const { sender, sent, show } = setUp();
    show(body(['it-0000001']));
    sender.dispose();
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(0);
  });
});
