import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAK_CONFIG } from '../../../../shared/breaks/break-config.js';
import { createFakeVeil } from '../../fakes/fake-veil';
import { wellbeingView, workingBreaks } from '../../fakes/fake-wellbeing';
import { renderApp } from '../../render-app';

function notice(): HTMLElement {
  return screen.getAllByRole('status').find((element) => element.classList.contains('break-notice')) ?? document.body;
}

describe('Break notice', () => {
  it('says a break is coming, with Postpone (and how many are left) and Skip', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    const user = userEvent.setup();
    act(() =>
      fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ phase: 'warning', kind: 'micro', canPostpone: true, canSkip: true, postponesLeft: 2 }) })),
    );
    const status = notice();
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(within(status).getByText('A short break is coming')).toBeTruthy();
    expect(within(status).getByText('2 postpones left')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(within(status).getByRole('button', { name: 'Postpone' }));
    expect(fake.handlers.breakAction).toHaveBeenCalledWith({ type: 'postpone' });
    await user.click(within(notice()).getByRole('button', { name: 'Skip' }));
    expect(fake.handlers.breakAction).toHaveBeenLastCalledWith({ type: 'skip' });
  });

  it('says a due break starts when its grace runs out or the item closes, keeping the minutes current without announcing each', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    const user = userEvent.setup();
    const due = (graceSeconds: number) =>
      wellbeingView({ breaks: workingBreaks({ phase: 'due', kind: 'rest', canSkip: true, exposureSecondsUntilForcedStart: graceSeconds }) });
    act(() => fake.setWellbeing(due(120)));
    const text = within(notice()).getByText('Break due — it starts in 2 minutes, or when you close this item');
    expect(text.getAttribute('aria-live')).toBe('off');
    act(() => fake.setWellbeing(due(61)));
    expect(within(notice()).getByText('Break due — it starts in 2 minutes, or when you close this item')).toBe(text);
    act(() => fake.setWellbeing(due(59)));
    expect(within(notice()).getByText('Break due — it starts in 1 minute, or when you close this item')).toBe(text);
    act(() => fake.setWellbeing(due(0)));
    expect(within(notice()).getByText('Break due — it starts now, or when you close this item')).toBeTruthy();
    expect(within(notice()).queryByRole('button', { name: 'Postpone' })).toBeNull();
    fake.handlers.breakAction.mockResolvedValueOnce({ rejected: 'skip-not-allowed', view: fake.state.wellbeing });
    await user.click(within(notice()).getByRole('button', { name: 'Skip' }));
    expect(await within(notice()).findByText('Not possible now: skipping breaks is turned off in your settings')).toBeTruthy();
  });

  it('has nothing to dismiss in strict mode', async () => {
    const fake = createFakeVeil({ settings: { breaks: { ...DEFAULT_BREAK_CONFIG, strictMode: true } } });
    await renderApp(fake);
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ phase: 'warning', kind: 'micro' }) })));
    expect(within(notice()).queryAllByRole('button')).toHaveLength(0);
    expect(within(notice()).getByText('Strict mode is on: this break cannot be postponed or skipped.')).toBeTruthy();
  });

  it('is in Canadian French', async () => {
    const fake = createFakeVeil({ settings: { language: 'fr-CA' } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    act(() =>
      fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ phase: 'warning', kind: 'micro', canPostpone: true, canSkip: true, postponesLeft: 1 }) })),
    );
    expect(within(notice()).getByText('Une courte pause approche')).toBeTruthy();
    expect(within(notice()).getByRole('button', { name: 'Reporter' })).toBeTruthy();
    expect(within(notice()).getByRole('button', { name: 'Ignorer' })).toBeTruthy();
    expect(within(notice()).getByText('1 report restant')).toBeTruthy();
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ phase: 'due', kind: 'micro', exposureSecondsUntilForcedStart: 300 }) })));
    expect(notice().querySelector('.break-notice-text')?.textContent).toBe(
      'Pause prévue — elle commencera dans 5\u00a0minutes, ou quand vous fermerez cet élément',
    );
  });
});
