import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { VeilRequestError } from '../../../../shared/contract-errors.js';
import type { ReferralStatus } from '../../../../shared/referral/referral-status.js';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/settings.js';
import { createFakeVeil, FAKE_CASE_ID, fakeItem } from '../../fakes/fake-veil';
import { chooseInHeaderMenu } from '../../header-menu';
import { renderApp } from '../../render-app';

const REFUSED: ReferralStatus = {
  state: 'refused',
  manifestPath: '/cases/Op Test.referral.csv',
  chosen: false,
  reason: { code: 'referral-manifest-no-file-column', params: {} },
  continuedWithout: null,
};

/** Every file of a case whose manifest was refused, as the back end gives it. */
const REFUSED_REFERRAL = {
  classification: null,
  annotations: [],
  providerViewed: null,
  publiclyAvailable: null,
  locked: true,
  authorised: false,
  manifestRefused: true,
};

describe('a refused referral manifest', () => {
  it('says why and that every file stays locked, until the investigator continues without it', async () => {
    const fake = createFakeVeil({
      itemCount: 3,
      settings: { ...DEFAULT_SETTINGS, limitsWizardDone: true },
      items: (index) => ({ ...fakeItem(index), referral: REFUSED_REFERRAL }),
    });
    vi.mocked(fake.handlers.getReferralStatus).mockResolvedValue(REFUSED);
    vi.mocked(fake.handlers.continueWithoutManifest).mockResolvedValue({
      ...REFUSED,
      state: 'continued-without',
      continuedWithout: { userName: 'inv', atMs: 1 },
    });
    await renderApp(fake);
    const user = userEvent.setup();
    const banner = await screen.findByRole('alert', { name: 'Referral manifest refused.' });
    // Its tile says why it is locked: no authorisation would open it.
    const tile = await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ });
    expect(tile.textContent).toContain('Locked — the referral manifest could not be used');
    expect(tile.textContent).not.toContain('needs authorisation');
    expect(banner.textContent).toContain('Veil could not use “/cases/Op Test.referral.csv”.');
    expect(banner.textContent).toContain('The referral manifest has no column naming the files');
    expect(banner.textContent).toContain('every file of this case stays locked');
    await user.click(within(banner).getByRole('button', { name: 'Continue without the manifest' }));
    expect(fake.handlers.continueWithoutManifest).toHaveBeenCalledWith({ caseId: FAKE_CASE_ID });
    await waitFor(() => expect(screen.queryByRole('alert', { name: 'Referral manifest refused.' })).toBeNull());
  });

  it('is chosen from the header menu by its path; a refused choice says why and stays open', async () => {
    const fake = createFakeVeil({ itemCount: 3, settings: { ...DEFAULT_SETTINGS, limitsWizardDone: true } });
    vi.mocked(fake.handlers.chooseReferralManifest).mockRejectedValueOnce(
      VeilRequestError.because({ code: 'referral-manifest-missing', params: { path: '/x.csv' } }),
    );
    await renderApp(fake);
    const user = userEvent.setup();
    await chooseInHeaderMenu(user, 'Choose referral manifest…');
    const dialog = screen.getByRole('dialog', { name: 'Choose the referral manifest for this case' });
    await user.type(within(dialog).getByLabelText('Manifest file (full path)'), '/x.csv');
    await user.click(within(dialog).getByRole('button', { name: 'Read manifest' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Not used: the referral manifest “/x.csv” does not exist; nothing was changed.');
    await user.click(within(dialog).getByRole('button', { name: 'Read manifest' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Choose the referral manifest for this case' })).toBeNull());
    expect(fake.handlers.chooseReferralManifest).toHaveBeenLastCalledWith({ caseId: FAKE_CASE_ID, filePath: '/x.csv' });
  });

  it('is in Canadian French', async () => {
    const fake = createFakeVeil({ itemCount: 3, settings: { ...DEFAULT_SETTINGS, limitsWizardDone: true, language: 'fr-CA' } });
    vi.mocked(fake.handlers.getReferralStatus).mockResolvedValue(REFUSED);
    await renderApp(fake);
    const banner = await screen.findByRole('alert', { name: 'Manifeste de signalement refusé.' });
    expect(within(banner).getByRole('button', { name: 'Continuer sans le manifeste' })).toBeTruthy();
  });
});
