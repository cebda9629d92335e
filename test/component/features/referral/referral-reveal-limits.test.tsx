import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../../shared/case/media-item.js';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/settings.js';
import { createFakeVeil, fakeItem } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

const flagged =
  (classification: 'A1' | 'B2', annotations: ('infant' | 'violence')[]) =>
  (index: number): MediaItem => {
    const item = fakeItem(index);
    if (index !== 0) return item;
    return { ...item, referral: { classification, annotations, providerViewed: true, publiclyAvailable: null, locked: false, authorised: false } };
  };

/** Opens the flagged photo past its forewarning, with colour reveals on in the investigator's own settings. */
async function openFlagged(items: (index: number) => MediaItem, language: 'en' | 'fr-CA' = 'en') {
  const fake = createFakeVeil({ itemCount: 5, items, settings: { ...DEFAULT_SETTINGS, limitsWizardDone: true, revealInColour: true, language } });
  await renderApp(fake);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ }));
  const forewarning = await screen.findByRole('dialog');
  await user.click(within(forewarning).getAllByRole('button')[0]!);
  const viewer = await screen.findByRole('region', { name: language === 'en' ? 'Viewer' : /Visionneuse|Visualiseur/ });
  return { viewer, user };
}

const revealLayers = () => [...document.querySelectorAll<HTMLImageElement>('img[src*="blur=off"]')].map((img) => img.getAttribute('src'));

describe('the viewer under a referral flag’s profile', () => {
  it('disables the whole reveal of an infant file, says why, and its spotlight stays grey though the investigator reveals in colour', async () => {
    const { viewer } = await openFlagged(flagged('B2', ['infant']));
    const reveal = within(viewer).getByRole('button', { name: 'Reveal' });
    expect(reveal).toHaveProperty('disabled', true);
    const why = document.getElementById(reveal.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toContain('Only the hold-to-reveal spotlight can show this file: your unit’s rule for Infant.');
    expect(why?.textContent).toContain('Reveals stay grey for this file: your unit’s rule for Infant.');
    fireEvent.keyDown(viewer, { key: 'r' });
    expect(revealLayers()).toEqual(['veil-media://item/it-0000000/view?grey=1&blur=off']);
  });

  it('lets a B2 file be revealed whole and in colour as the investigator chose, with nothing to explain', async () => {
    const { viewer, user } = await openFlagged(flagged('B2', []));
    const reveal = within(viewer).getByRole('button', { name: 'Reveal' });
    expect(reveal).toHaveProperty('disabled', false);
    expect(reveal.getAttribute('aria-describedby')).toBeNull();
    await user.click(reveal);
    expect(revealLayers()).toEqual(['veil-media://item/it-0000000/view?grey=0&blur=off']);
  });

  it('says an infant video stays veiled, rather than pointing to a spotlight a video does not have', async () => {
    const referral = {
      classification: null,
      annotations: ['infant' as const],
      providerViewed: true,
      publiclyAvailable: null,
      locked: false,
      authorised: false,
    };
    const fake = createFakeVeil({
      itemCount: 5,
      items: (index) => (index === 3 ? { ...fakeItem(index), referral } : fakeItem(index)),
      settings: { ...DEFAULT_SETTINGS, limitsWizardDone: true },
    });
    await renderApp(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('gridcell', { name: /clip-000003\.mp4/ }));
    await user.click(within(await screen.findByRole('dialog')).getAllByRole('button')[0]!);
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    expect(within(viewer).getByRole('button', { name: 'Reveal' })).toHaveProperty('disabled', true);
    expect(viewer.textContent).toContain(
      'This video stays veiled: your unit’s rule for Infant allows only the hold-to-reveal spotlight, which videos do not have.',
    );
    expect(viewer.textContent).not.toContain('Only the hold-to-reveal spotlight can show this file');
  });

  it('says why in Canadian French', async () => {
    await openFlagged(flagged('A1', ['violence']), 'fr-CA');
    expect(document.querySelector('.viewer-reveal-limits')?.textContent).toBe(
      'Pour ce fichier, seule la révélation autour du pointeur est permise\u00a0: règle de votre unité pour Classe A1. ' +
        'Les révélations restent en niveaux de gris pour ce fichier\u00a0: règle de votre unité pour Classe A1.',
    );
  });
});
