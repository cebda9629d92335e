import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useWellbeing, WellbeingProvider } from '../../../../renderer/features/wellbeing/wellbeing-provider';
import { createFakeVeil } from '../../fakes/fake-veil';
import { capView, limitsView, onBreak, workingBreaks } from '../../fakes/fake-wellbeing';
import { renderWithProviders } from '../../render-app';

function countRenders() {
  const seen: (number | null)[] = [];
  function Consumer() {
    seen.push(useWellbeing()?.view?.breaks.breakSecondsLeft ?? null);
    return null;
  }
  return { seen, Consumer };
}

describe('WellbeingProvider at rest', () => {
  it('re-renders nothing for a push that only moves the counted-time figures no component shows', async () => {
    const fake = createFakeVeil({ wellbeing: { breaks: workingBreaks(), limits: limitsView() } });
    const { seen, Consumer } = countRenders();
    renderWithProviders(
      <WellbeingProvider>
        <Consumer />
      </WellbeingProvider>,
      fake.client,
    );
    await waitFor(() => expect(fake.handlers.getWellbeing).toHaveBeenCalled());
    await waitFor(() => expect(seen.length).toBeGreaterThan(1));
    const rendersBefore = seen.length;
    // What the main side pushes every second while exposure is counted; the first push also sets a cap (one re-render).
    for (let second = 1; second <= 5; second += 1) {
      const cap = capView('exposure', 'day', {
        usedMs: second * 1000,
        capMs: 3_600_000,
        baseCapMs: 3_600_000,
        fraction: second / 3600,
        remainingMs: 3_600_000 - second * 1000,
      });
      act(() => fake.setWellbeing({ breaks: workingBreaks({ exposureSecondsUntilDue: 600 - second }), limits: limitsView([cap]) }));
    }
    expect(seen.length).toBe(rendersBefore + 1);
  });

  it('still follows a running break’s countdown second by second', async () => {
    const fake = createFakeVeil({ wellbeing: { breaks: onBreak(30), limits: limitsView() } });
    const { seen, Consumer } = countRenders();
    renderWithProviders(
      <WellbeingProvider>
        <Consumer />
      </WellbeingProvider>,
      fake.client,
    );
    await waitFor(() => expect(seen.at(-1)).toBe(30));
    act(() => fake.setWellbeing({ breaks: onBreak(29), limits: limitsView() }));
    act(() => fake.setWellbeing({ breaks: onBreak(28), limits: limitsView() }));
    expect(seen.at(-1)).toBe(28);
  });
});
