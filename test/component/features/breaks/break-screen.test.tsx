import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil, type FakeVeil } from '../../fakes/fake-veil';
import { onBreak, wellbeingView, workingBreaks } from '../../fakes/fake-wellbeing';
import { renderApp } from '../../render-app';

function mediaElements(): NodeListOf<Element> {
  return document.querySelectorAll('img, video, canvas');
}

/** The app with thumbnails on screen and a grid cell focused. */
async function appWithMedia(fake: FakeVeil = createFakeVeil(), systemLanguage = 'en-CA') {
  const view = await renderApp(fake, { systemLanguage });
  await waitFor(() => expect(view.grid.querySelector('img.tile-img')).not.toBeNull());
  const cell = within(view.grid).getAllByRole('gridcell')[0]!;
  act(() => cell.focus());
  return { ...view, cell, user: userEvent.setup() };
}

function startBreak(fake: FakeVeil, secondsLeft = 25, change = {}) {
  act(() => fake.setWellbeing(wellbeingView({ breaks: onBreak(secondsLeft, change) })));
}

describe('Break screen', () => {
  it('covers the app as a dialog named "Break" with no media in the document, and counts down', async () => {
    const fake = createFakeVeil();
    await appWithMedia(fake);
    startBreak(fake, 85);
    const dialog = screen.getByRole('dialog', { name: 'Break' });
    expect(mediaElements()).toHaveLength(0);
    expect(within(dialog).getByRole('timer').textContent).toBe('Break ends in 1:25');
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(within(dialog).getByText('Breathe in')).toBeTruthy();
    expect(within(dialog).getByText('Look at something far away.')).toBeTruthy();

    act(() => fake.setWellbeing(wellbeingView({ breaks: onBreak(84) })));
    expect(within(dialog).getByRole('timer').textContent).toBe('Break ends in 1:24');
  });

  it('gives media and focus back when the break ends', async () => {
    const fake = createFakeVeil();
    const { cell, grid } = await appWithMedia(fake);
    startBreak(fake);
    expect(mediaElements()).toHaveLength(0);
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks() })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Media hidden' })).toBeNull();
    await waitFor(() => expect(grid.querySelector('img.tile-img')).not.toBeNull());
    expect(document.activeElement).toBe(cell);
  });

  it('is not dismissed by Escape', async () => {
    const fake = createFakeVeil();
    const { user } = await appWithMedia(fake);
    startBreak(fake);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Break' })).toBeTruthy();
    expect(mediaElements()).toHaveLength(0);
  });

  it('"End break early" sends end-early', async () => {
    const fake = createFakeVeil();
    const { user } = await appWithMedia(fake);
    startBreak(fake);
    await user.click(within(screen.getByRole('dialog', { name: 'Break' })).getByRole('button', { name: 'End break early' }));
    expect(fake.handlers.breakAction).toHaveBeenCalledWith({ type: 'end-early' });
  });

  it('in strict mode offers only the escape hatch, refuses an empty reason and sends the typed one', async () => {
    const fake = createFakeVeil();
    const { user } = await appWithMedia(fake);
    startBreak(fake, 25, { canEndEarly: false, strictOverrideOffered: true });
    const dialog = screen.getByRole('dialog', { name: 'Break' });
    expect(within(dialog).queryByRole('button', { name: 'End break early' })).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'I need to finish this now' }));
    const reason = within(dialog).getByRole('textbox', { name: 'Why do you need to continue now?' });
    expect(document.activeElement).toBe(reason);
    await user.click(within(dialog).getByRole('button', { name: 'Continue now' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Please type a reason of at least 3 characters.');
    await user.type(reason, 'ab');
    await user.click(within(dialog).getByRole('button', { name: 'Continue now' }));
    expect(fake.handlers.breakAction).not.toHaveBeenCalled();

    await user.type(reason, 'c — court deadline at 14:00');
    await user.click(within(dialog).getByRole('button', { name: 'Continue now' }));
    expect(fake.handlers.breakAction).toHaveBeenCalledWith({ type: 'strict-override', reason: 'abc — court deadline at 14:00' });
  });

  it("shows the back end's refusal of the escape hatch", async () => {
    const fake = createFakeVeil();
    const { user } = await appWithMedia(fake);
    startBreak(fake, 25, { canEndEarly: false, strictOverrideOffered: true });
    fake.handlers.breakAction.mockResolvedValueOnce({ rejected: 'not-now', view: fake.state.wellbeing });
    const dialog = screen.getByRole('dialog', { name: 'Break' });
    await user.click(within(dialog).getByRole('button', { name: 'I need to finish this now' }));
    await user.type(within(dialog).getByRole('textbox'), 'urgent warrant');
    await user.click(within(dialog).getByRole('button', { name: 'Continue now' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Not possible now: there is no break to act on right now');
    expect(screen.getByRole('dialog', { name: 'Break' })).toBeTruthy();
  });

  it('reports no surface while on a break', async () => {
    const fake = createFakeVeil();
    const { grid } = await appWithMedia(fake);
    for (const img of grid.querySelectorAll('img.tile-img')) fireEvent.load(img);
    await waitFor(() => expect(fake.handlers.reportVisibility.mock.calls.at(-1)?.[0].surfaces.length).toBeGreaterThan(0));
    startBreak(fake);
    await waitFor(() => expect(fake.handlers.reportVisibility.mock.calls.at(-1)?.[0].surfaces).toEqual([]));
  });

  it('is named in Canadian French', async () => {
    const fake = createFakeVeil({ settings: { language: 'fr-CA' } });
    await appWithMedia(fake, 'fr-CA');
    startBreak(fake, 25, { strictOverrideOffered: true });
    const dialog = screen.getByRole('dialog', { name: 'Pause' });
    expect(within(dialog).getByRole('timer').textContent).toBe('La pause se termine dans 0:25');
    expect(within(dialog).getByRole('button', { name: 'Mettre fin à la pause' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Je dois terminer ceci maintenant' })).toBeTruthy();
    expect(within(dialog).getByText('Inspirez')).toBeTruthy();
    expect(within(dialog).getByText('Regardez quelque chose au loin.')).toBeTruthy();
  });
});
