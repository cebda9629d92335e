import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeVeil, fakeItemId } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

const AT_MS = Date.UTC(2026, 11, 7, 14, 5);

describe('an item’s history in the viewer', () => {
  it('lists each decision with its category, source, account, a 24-hour time and any reason, with the file’s authorisations, and reads it again after a decision', async () => {
    const fake = createFakeVeil({ itemCount: 5 });
    vi.mocked(fake.handlers.getItemReview).mockImplementation(async ({ itemId }) => ({
      category: '1',
      history:
        itemId === fakeItemId(0)
          ? [
              { actionId: 1, itemPath: 'a.jpg', category: '1', source: 'hash-set' as const, cause: 'decision' as const, userName: 'jtremblay', atMs: AT_MS },
              { actionId: 2, itemPath: 'a.jpg', category: null, source: 'investigator' as const, cause: 'undo' as const, userName: 'mroy', atMs: AT_MS },
              {
                actionId: 3,
                itemPath: 'a.jpg',
                category: '0',
                source: 'investigator' as const,
                cause: 'decision' as const,
                userName: 'mroy',
                atMs: AT_MS + 120_000,
                reason: 'Adult, confirmed by ID',
              },
            ]
          : [],
      authorisations: itemId === fakeItemId(0) ? [{ reference: 'W-2026-0042', dateIso: '2026-12-01', userName: 'mroy', atMs: AT_MS + 60_000 }] : [],
    }));
    await renderApp(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    await user.click(within(viewer).getByText('History'));
    const lines = await within(viewer).findAllByRole('listitem');
    const hour = (atMs: number) => new Intl.DateTimeFormat('en-CA', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(atMs);
    expect(lines.map((line) => line.textContent)).toEqual([
      expect.stringMatching(new RegExp(`^1, CAM · hash set · jtremblay · .*${hour(AT_MS)}$`)),
      expect.stringMatching(new RegExp(`^Uncategorised · investigator · mroy · .*${hour(AT_MS)} \\(undone\\)$`)),
      // The authorisation sits where it happened, between the decisions.
      expect.stringMatching(new RegExp(`^Authorisation to open: W-2026-0042 of 2026-12-01 · mroy · .*${hour(AT_MS + 60_000)}$`)),
      expect.stringMatching(new RegExp(`^0, Non-pertinent · investigator · mroy · .*${hour(AT_MS + 120_000)}Reason: Adult, confirmed by ID$`)),
    ]);
    const reads = vi.mocked(fake.handlers.getItemReview).mock.calls.length;
    await user.keyboard('2');
    await waitFor(() => expect(vi.mocked(fake.handlers.getItemReview).mock.calls.length).toBeGreaterThan(reads));
  });
  it("open while moving on, says it is reading the next item's record until its answer comes, never the last item's", async () => {
    const fake = createFakeVeil({ itemCount: 5 });
    let answerNext = () => {};
    const nextAnswered = new Promise<void>((resolve) => (answerNext = resolve));
    vi.mocked(fake.handlers.getItemReview).mockImplementation(async ({ itemId }) => {
      if (itemId === fakeItemId(1)) await nextAnswered;
      const decision = { actionId: 1, itemPath: `${itemId}.jpg`, source: 'investigator' as const, cause: 'decision' as const, userName: 'mroy', atMs: AT_MS };
      return { category: '1', history: [{ ...decision, category: itemId === fakeItemId(0) ? ('1' as const) : ('3' as const) }], authorisations: [] };
    });
    await renderApp(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    await user.click(within(viewer).getByText('History'));
    expect((await within(viewer).findByRole('listitem')).textContent).toMatch(/^1, CAM · /);

    await user.keyboard('{ArrowRight}');
    await within(viewer).findByRole('heading', { name: 'photo-000001.jpg' });
    expect(within(viewer).queryByRole('listitem')).toBeNull();
    expect(within(viewer).getByRole('status').textContent).toBe('Reading the history…');
    answerNext();
    expect((await within(viewer).findByRole('listitem')).textContent).toMatch(/^3, CGI \/ animation · /);
  });
});
