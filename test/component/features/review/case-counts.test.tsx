import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app';
import { createReviewVeil } from './review-fixture';

const header = () => screen.getByRole('banner');

describe('the case header counts', () => {
  it('counts media files, known items, copies and items to review', async () => {
    const fake = createReviewVeil();
    await renderApp(fake);
    expect(header().textContent).toContain('14 items · 4 known · 2 duplicates · 8 to review');
  });

  it('uses singular forms and number grouping in English', async () => {
    const fake = createReviewVeil({ summary: { itemCount: 1233, duplicateCount: 1, knownCount: 1, toReviewCount: 1232 } });
    await renderApp(fake);
    expect(header().textContent).toContain('1,234 items · 1 known · 1 duplicate · 1,232 to review');
  });

  it('says them in French, with French plurals and grouping', async () => {
    const fake = createReviewVeil({ settings: { language: 'fr-CA' } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    expect(header().textContent).toMatch(/14\séléments · 4\sconnus · 2\sdoublons · 8\sà examiner/u);
  });

  it('says them in French in the singular', async () => {
    const fake = createReviewVeil({ settings: { language: 'fr-CA' }, summary: { itemCount: 1233, duplicateCount: 1, knownCount: 1, toReviewCount: 1232 } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    expect(header().textContent).toMatch(/1\s234\séléments · 1\sconnu · 1\sdoublon · 1\s232\sà examiner/u);
  });

  it('says how far the search for near matches has come until it has gone through every picture', async () => {
    const fake = createReviewVeil({ summary: { pdqProgress: { doneCount: 1200, totalCount: 4000 } } });
    await renderApp(fake);
    expect(header().textContent).toContain('8 to review · looking for near matches: 1,200 of 4,000');
  });

  it('says nothing of the search once it has gone through every picture', async () => {
    const done = createReviewVeil({ settings: { language: 'fr-CA' }, summary: { pdqProgress: { doneCount: 4000, totalCount: 4000 } } });
    await renderApp(done, { systemLanguage: 'fr-CA' });
    expect(header().querySelector('.case-counts')?.textContent).toMatch(/8\sà examiner$/u);
  });

  it('keeps the import outcome under the header', async () => {
    const fake = createReviewVeil();
    await renderApp(fake);
    expect(
      screen.getByText(/Import complete: 12 files found: 8 shown, 4 known, not shown, 2 identical copies, listed on their tiles\./, {
        selector: '.import-outcome',
      }),
    ).toBeTruthy();
  });
});
