import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeVeil } from '../../fakes/fake-veil';
import { capView, limitsView, onBreak, wellbeingView, workingBreaks } from '../../fakes/fake-wellbeing';
import { renderApp } from '../../render-app';

function header(): HTMLElement {
  return screen.getByRole('banner');
}

/** The daily exposure cap overridden: 45 min of a 60 min cap plus a 15 min extension used. */
function overridden(remainingMs: number, reached = false) {
  return limitsView([
    capView('exposure', 'day', {
      usedMs: 75 * 60_000 - remainingMs,
      capMs: 75 * 60_000,
      baseCapMs: 60 * 60_000,
      extensionMs: 15 * 60_000,
      remainingMs,
      overridden: true,
      overrides: 1,
      reached,
    }),
  ]);
}

describe('Next break countdown in the header', () => {
  it('shows the viewing time to the next break in whole minutes, rounded up, and "Break due" when it is', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ kind: 'micro', exposureSecondsUntilDue: 12 * 60 }) })));
    const shown = within(header()).getByText('Next break in 12 min');
    expect(shown.closest('[aria-live]')).toBeNull();
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ kind: 'micro', exposureSecondsUntilDue: 11 * 60 + 1 }) })));
    expect(within(header()).getByText('Next break in 12 min')).toBeTruthy();
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ phase: 'warning', kind: 'micro', exposureSecondsUntilDue: 20 }) })));
    expect(within(header()).getByText('Next break in 1 min')).toBeTruthy();
    act(() =>
      fake.setWellbeing(
        wellbeingView({ breaks: workingBreaks({ phase: 'due', kind: 'micro', exposureSecondsUntilDue: 0, exposureSecondsUntilForcedStart: 90 }) }),
      ),
    );
    expect(within(header()).getByText('Break due')).toBeTruthy();
    act(() => fake.setWellbeing(wellbeingView({ breaks: onBreak(30) })));
    expect(within(header()).queryByText(/Next break|Break due/)).toBeNull();
  });

  it('shows nothing when both kinds of break are off', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ exposureSecondsUntilDue: null }) })));
    expect(within(header()).queryByText(/Next break/)).toBeNull();
  });

  it('after an override, shows the time left before the extension ends, until the cap is reached again', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    act(() => fake.setWellbeing(wellbeingView({ limits: overridden(14 * 60_000 + 5_000) })));
    expect(within(header()).getByText('Extension ends in 15 min')).toBeTruthy();
    act(() => fake.setWellbeing(wellbeingView({ limits: overridden(0, true) })));
    expect(within(header()).queryByText(/Extension ends/)).toBeNull();
  });

  it('is in Canadian French', async () => {
    const fake = createFakeVeil({ settings: { language: 'fr-CA' } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ kind: 'rest', exposureSecondsUntilDue: 25 * 60 }), limits: overridden(5 * 60_000) })));
    // textContent, not getByText: its matcher turns the non-breaking spaces into plain ones.
    expect([...header().querySelectorAll('.next-break-part')].map((part) => part.textContent)).toEqual([
      'Prochaine pause dans 25\u00a0min',
      'Fin de la prolongation dans 5\u00a0min',
    ]);
  });
});
