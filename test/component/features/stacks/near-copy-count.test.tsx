import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app';
import { createReviewVeil } from '../review/review-fixture';

const counts = () => screen.getByRole('banner').querySelector('.case-counts')?.textContent;

describe('the case header counts near copies', () => {
  it('says how many items are near copies reviewed through their stack, so the figures add up to the files', async () => {
    // 14 files: 4 known + 2 identical copies + 3 near copies + 5 to review.
    const fake = createReviewVeil({ summary: { nearCopyCount: 3, toReviewCount: 5 } });
    await renderApp(fake);
    expect(counts()).toBe('14 items · 4 known · 2 duplicates · 3 near copies · 5 to review');
  });

  it('says it in French', async () => {
    const fake = createReviewVeil({ settings: { language: 'fr-CA' }, summary: { nearCopyCount: 1, toReviewCount: 7 } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    expect(counts()).toMatch(/14\séléments · 4\sconnus · 2\sdoublons · 1\scopie proche · 7\sà examiner/u);
  });
});
