import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyMyExposure, sampleMyExposure } from '../../fakes/fake-exposure';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { createReviewVeil } from '../review/review-fixture';

const avoidedLine = () => screen.getByRole('banner').querySelector('.case-avoided');

// The review case has 4 known items and 2 identical copies: 6 files Veil does not show.
describe('exposure avoided beside the case counts', () => {
  it('gives the files spared and the time they spare at the investigator’s own pace, as an estimate', async () => {
    // A median of 11.65 s per viewed item: 6 × 11.65 s ≈ 1 min.
    const fake = createReviewVeil({ myExposure: sampleMyExposure() });
    await renderApp(fake);
    await waitFor(() => expect(avoidedLine()?.textContent).toMatch(/^Files spared: 6, about 1\smin of viewing \(estimate\)/u));
    const help = 'Known files, identical copies and near copies that Veil will not show you: 4 known, 2 copies, 0 near copies.';
    expect(avoidedLine()?.getAttribute('title')).toContain(help);
    // Screen readers hear the explanation too, not only pointer users.
    expect(avoidedLine()?.textContent).toContain(help);
  });

  it('counts near copies as spared: they are reviewed once, through their stack’s representative', async () => {
    const fake = createReviewVeil({ summary: { nearCopyCount: 3 }, myExposure: emptyMyExposure() });
    await renderApp(fake);
    await waitFor(() => expect(avoidedLine()?.textContent).toMatch(/^Files spared: 9 \(no time estimate yet\)/u));
    expect(avoidedLine()?.getAttribute('title')).toContain('will not show you: 4 known, 2 copies, 3 near copies.');
  });

  it('says there is no estimate yet when no item has been viewed, rather than guessing', async () => {
    const fake = createReviewVeil({ myExposure: emptyMyExposure() });
    await renderApp(fake);
    await waitFor(() => expect(avoidedLine()?.textContent).toMatch(/^Files spared: 6 \(no time estimate yet\)/u));
    expect(fake.handlers.getMyExposure).toHaveBeenCalledTimes(1);
  });

  it('says it in Canadian French', async () => {
    const fake = createReviewVeil({ settings: { language: 'fr-CA' }, myExposure: sampleMyExposure() });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    await waitFor(() => expect(avoidedLine()?.textContent).toMatch(/^Fichiers épargnés\s: 6, environ 1\smin de visionnement \(estimé\)/u));
    expect(avoidedLine()?.textContent).toContain('4 connus, 2 copies');
  });

  it('says in French that there is no estimate yet', async () => {
    const fake = createReviewVeil({ settings: { language: 'fr-CA' }, myExposure: emptyMyExposure() });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    await waitFor(() => expect(avoidedLine()?.textContent).toMatch(/^Fichiers épargnés\s: 6 \(pas encore d'estimation\)/u));
  });

  it('with "Show known items" on, spares only the copies: the known items are on screen', async () => {
    const fake = createReviewVeil({ summary: { knownShown: true }, myExposure: sampleMyExposure() });
    await renderApp(fake);
    // 2 copies × 11.65 s: 23.3 s, said as 23 s.
    await waitFor(() => expect(avoidedLine()?.textContent).toMatch(/^Files spared: 2, about 23\ss of viewing \(estimate\)/u));
    expect(avoidedLine()?.getAttribute('title')).toContain('will not show you: 0 known, 2 copies, 0 near copies.');
  });

  it('says one file and one copy in the singular, in both languages', async () => {
    const english = createReviewVeil({ summary: { knownShown: true, duplicateCount: 1 }, myExposure: emptyMyExposure() });
    const { unmount } = await renderApp(english);
    await waitFor(() => expect(avoidedLine()?.textContent).toMatch(/^File spared: 1 \(no time estimate yet\)/u));
    expect(avoidedLine()?.getAttribute('title')).toContain('0 known, 1 copy, 0 near copies.');
    unmount();
    const french = createReviewVeil({ settings: { language: 'fr-CA' }, summary: { knownShown: true, duplicateCount: 1 }, myExposure: emptyMyExposure() });
    await renderApp(french, { systemLanguage: 'fr-CA' });
    await waitFor(() => expect(avoidedLine()?.textContent).toMatch(/^Fichier épargné\s: 1 \(pas encore/u));
    expect(avoidedLine()?.getAttribute('title')).toContain('0 connu, 1 copie, 0 copie proche.');
  });

  it('shows nothing, and reads nothing, for a case where nothing is spared', async () => {
    const fake = createFakeVeil({ myExposure: sampleMyExposure() });
    await renderApp(fake);
    await screen.findByRole('gridcell', { name: /^photo-000000\.jpg/ });
    expect(avoidedLine()).toBeNull();
    expect(fake.handlers.getMyExposure).not.toHaveBeenCalled();
  });
});
