import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AuthoriseForm } from '../../../../renderer/features/referral/authorise-form';
import { createFakeVeil, FAKE_CASE_ID, fakeItem } from '../../fakes/fake-veil';
import { renderWithProviders } from '../../render-app';

describe('the authorisation form of a locked file', () => {
  it('refuses a blank reference without asking the back end, then records the trimmed reference and the date', async () => {
    const fake = createFakeVeil({ itemCount: 3 });
    const onAuthorised = vi.fn();
    const item = fakeItem(1);
    renderWithProviders(<AuthoriseForm caseId={FAKE_CASE_ID} item={item} onAuthorised={onAuthorised} />, fake.client);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Warrant or order reference'), '   ');
    await user.click(screen.getByRole('button', { name: 'Record authorisation' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the reference and the date of the authorisation.');
    expect(fake.handlers.authoriseItem).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Warrant or order reference'));
    await user.type(screen.getByLabelText('Warrant or order reference'), ' W-2026-0042 ');
    await user.type(screen.getByLabelText('Date of the authorisation'), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Record authorisation' }));
    await vi.waitFor(() => expect(onAuthorised).toHaveBeenCalledTimes(1));
    expect(fake.handlers.authoriseItem).toHaveBeenCalledWith({ caseId: FAKE_CASE_ID, itemId: item.id, reference: 'W-2026-0042', dateIso: '2026-12-01' });
  });

  it('is in Canadian French', () => {
    const fake = createFakeVeil({ itemCount: 3 });
    renderWithProviders(<AuthoriseForm caseId={FAKE_CASE_ID} item={fakeItem(1)} onAuthorised={() => undefined} />, fake.client, 'fr-CA');
    expect(screen.getByRole('form', { name: 'Verrouillé — autorisation requise' })).toBeTruthy();
    expect(screen.getByLabelText("Référence du mandat ou de l'ordonnance")).toBeTruthy();
    expect(screen.getByRole('button', { name: "Consigner l'autorisation" })).toBeTruthy();
  });
});
