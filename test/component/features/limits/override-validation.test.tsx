import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil } from '../../fakes/fake-veil';
import { dailyExposureReached, wellbeingView } from '../../fakes/fake-wellbeing';
import { renderApp } from '../../render-app';
import { messageOf } from '../settings/open-settings';

describe('Override limit: the reason is checked beside the field', () => {
  it('counts characters against the maximum, and says in French that a reason is too short', async () => {
    const fake = createFakeVeil({ settings: { language: 'fr-CA' } });
    const { grid } = await renderApp(fake, { systemLanguage: 'fr-CA' });
    await waitFor(() => expect(grid.querySelector('img.tile-img')).not.toBeNull());
    act(() => fake.setWellbeing(wellbeingView({ limits: dailyExposureReached() })));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Prolonger' }));
    const dialog = screen.getByRole('dialog', { name: 'Prolonger la limite' });
    const reason = within(dialog).getByRole('textbox', { name: 'Raison' });
    expect(reason.getAttribute('maxlength')).toBe('500');
    await user.type(reason, 'ok');
    expect(within(dialog).getByText('2 sur 500 caractères')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Prolonger' }));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reason);
    expect(messageOf(reason)).toBe('«\u00a0Raison\u00a0» demande au moins 3\u00a0caractères.');
    expect(dialog.textContent).not.toMatch(/Too small|expected|characters/);
    expect(fake.handlers.overrideLimit).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: 'Rapport pour la cour' } });
    expect(messageOf(reason)).toBeNull();
  });
});
