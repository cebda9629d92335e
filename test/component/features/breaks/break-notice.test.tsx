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

  it('says a due break waits for the item to close, and shows a refusal', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    const user = userEvent.setup();
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ phase: 'due', kind: 'rest', canSkip: true }) })));
    expect(within(notice()).getByText('Break due — it will start when you close this item')).toBeTruthy();
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
  });
});
