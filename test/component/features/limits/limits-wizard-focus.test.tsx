import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

describe('Personal limits wizard, focus', () => {
  it('gives focus to the grid after Skip, not to the page', async () => {
    await renderApp(createFakeVeil({ settings: { limitsWizardDone: false } }));
    const wizard = await screen.findByRole('dialog', { name: 'Personal limits' });
    await userEvent.setup().click(within(wizard).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('gridcell'));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('photo-000000.jpg, JPEG image');
  });
});
