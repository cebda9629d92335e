import { act, fireEvent } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ACTIVITY_EVENTS, ACTIVITY_INTERVAL_MS } from '../../../../renderer/features/exposure/activity-throttle';
import { ExposureReportingProvider } from '../../../../renderer/features/exposure/exposure-reporting';
import { createFakeVeil, FAKE_CASE_ID } from '../../fakes/fake-veil';
import { renderWithProviders } from '../../render-app';

function setUp() {
  vi.useFakeTimers();
  const fake = createFakeVeil({ itemCount: 1 });
  const view = renderWithProviders(
    <ExposureReportingProvider caseId={FAKE_CASE_ID}>
      <p>content</p>
    </ExposureReportingProvider>,
    fake.client,
  );
  return { fake, view };
}

describe('Activity reporting', () => {
  it('sends reportActivity on input, at most once every 5 seconds', () => {
    const { fake } = setUp();
    const calls = () => fake.handlers.reportActivity.mock.calls.length;
    expect(calls()).toBe(0);

    fireEvent.pointerMove(document.body);
    expect(calls()).toBe(1);
    expect(fake.handlers.reportActivity).toHaveBeenCalledWith({});
    // A burst of input within the interval sends nothing more.
    for (let i = 0; i < 50; i += 1) {
      fireEvent.pointerMove(document.body, { clientX: i });
      act(() => {
        vi.advanceTimersByTime(90);
      });
    }
    expect(calls()).toBe(1);
    act(() => {
      vi.advanceTimersByTime(ACTIVITY_INTERVAL_MS - 50 * 90 - 1);
    });
    fireEvent.keyDown(document.body, { key: 'a' });
    expect(calls()).toBe(1);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    fireEvent.keyDown(document.body, { key: 'a' });
    expect(calls()).toBe(2);
  });

  it('counts every kind of input: keys, presses, pointer moves, the wheel and touch', () => {
    const { fake } = setUp();
    const fire = {
      keydown: () => fireEvent.keyDown(window, { key: 'x' }),
      pointerdown: () => fireEvent.pointerDown(document.body),
      pointermove: () => fireEvent.pointerMove(document.body),
      wheel: () => fireEvent.wheel(document.body),
      touchstart: () => fireEvent.touchStart(document.body),
    } satisfies Record<(typeof ACTIVITY_EVENTS)[number], () => void>;
    for (const type of ACTIVITY_EVENTS) {
      fire[type]();
      act(() => {
        vi.advanceTimersByTime(ACTIVITY_INTERVAL_MS);
      });
    }
    expect(fake.handlers.reportActivity).toHaveBeenCalledTimes(ACTIVITY_EVENTS.length);
  });

  it('stops listening when unmounted', () => {
    const { fake, view } = setUp();
    view.unmount();
    fireEvent.keyDown(window, { key: 'x' });
    expect(fake.handlers.reportActivity).not.toHaveBeenCalled();
  });
});
