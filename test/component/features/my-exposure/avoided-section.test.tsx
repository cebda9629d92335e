import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MyExposure } from '../../../../shared/exposure/exposure-summary.js';
import { emptyMyExposure, sampleMyExposure } from '../../fakes/fake-exposure';
import { createFakeVeil } from '../../fakes/fake-veil';
import { chooseInHeaderMenu } from '../../header-menu';
import { renderApp } from '../../render-app';

async function avoidedRegion(myExposure: MyExposure, language: 'en' | 'fr-CA' = 'en'): Promise<HTMLElement> {
  const fake = createFakeVeil({ myExposure, settings: { language } });
  const user = userEvent.setup();
  await renderApp(fake, { systemLanguage: language === 'fr-CA' ? 'fr-CA' : 'en-CA' });
  await screen.findByRole('gridcell', { name: /^photo-000000\.jpg/ });
  await chooseInHeaderMenu(user, language === 'fr-CA' ? 'Mon exposition' : 'My exposure');
  const dialog = screen.getByRole('dialog', { name: language === 'fr-CA' ? 'Mon exposition' : 'My exposure' });
  return within(dialog).findByRole('region', { name: language === 'fr-CA' ? 'Exposition évitée cette semaine' : 'Exposure avoided this week' });
}

// getByText normalises whitespace, no-break spaces included, so figures are matched with plain spaces.
describe('My exposure: exposure avoided this week', () => {
  it('gives the files not shown and the viewing time spared, labelled as an estimate with its basis', async () => {
    // 420 files at a median of 11.65 s: 81 min 33 s, said to the minute.
    const region = await avoidedRegion(sampleMyExposure());
    expect(within(region).getByText(`420 files not shown, about 1 h 22 min of viewing spared (estimate)`)).toBeTruthy();
    expect(within(region).getByText('Known files: 400 · Identical copies: 12 · Near copies: 8')).toBeTruthy();
    expect(within(region).getByText(`Estimate: 420 files × your median of 12 s per item viewed (230 items in the last 12 weeks).`)).toBeTruthy();
    expect(within(region).getByText(/never which case they came from/)).toBeTruthy();
  });

  it('says it in Canadian French', async () => {
    const region = await avoidedRegion(sampleMyExposure(), 'fr-CA');
    expect(within(region).getByText(`420 fichiers non affichés, environ 1 h 22 min de visionnement évité (estimation)`)).toBeTruthy();
    expect(within(region).getByText('Fichiers connus : 400 · Copies identiques : 12 · Copies proches : 8')).toBeTruthy();
    expect(within(region).getByText(/^Estimation : 420 fichiers × votre médiane de 12\ss par élément visionné \(230 éléments/u)).toBeTruthy();
  });

  it('gives no time without viewing history, and says why', async () => {
    const none = emptyMyExposure();
    const region = await avoidedRegion({ ...none, avoided: { ...none.avoided, knownCount: 4, duplicateCount: 2, nearCopyCount: 0, files: 6 } });
    expect(within(region).getByText('6 files not shown')).toBeTruthy();
    expect(within(region).getByText(/^No time estimate yet/)).toBeTruthy();
    expect(region.textContent).not.toMatch(/about/);
  });

  it('says one file and one viewed item in the singular, in both languages', async () => {
    const none = emptyMyExposure();
    const one: MyExposure = {
      ...none,
      avoided: { knownCount: 0, duplicateCount: 1, nearCopyCount: 0, files: 1, medianViewMs: 12_000, viewedItems: 1, estimateMs: 12_000 },
    };
    const english = await avoidedRegion(one);
    expect(within(english).getByText('1 file not shown, about 12 s of viewing spared (estimate)')).toBeTruthy();
    expect(within(english).getByText('Estimate: 1 file × your median of 12 s per item viewed (1 item in the last 12 weeks).')).toBeTruthy();
    cleanup();
    const french = await avoidedRegion(one, 'fr-CA');
    expect(within(french).getByText('1 fichier non affiché, environ 12 s de visionnement évité (estimation)')).toBeTruthy();
    expect(within(french).getByText(/^Estimation : 1 fichier × votre médiane de 12\ss par élément visionné \(1 élément au cours/u)).toBeTruthy();
  });

  it('says so when nothing was spared, even before any exposure is recorded', async () => {
    const region = await avoidedRegion(emptyMyExposure(), 'fr-CA');
    expect(within(region).getByText("Aucun fichier ne vous a été épargné cette semaine pour l'instant.")).toBeTruthy();
  });
});
