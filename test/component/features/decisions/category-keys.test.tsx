import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { VeilRequestError } from '../../../../shared/contract-errors';
import { createFakeVeil, fakeItem, fakeItemId, type FakeVeilOptions } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

async function openViewer(options: FakeVeilOptions = {}) {
  const fake = createFakeVeil({ itemCount: 20, ...options });
  await renderApp(fake);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ }));
  const viewer = await screen.findByRole('region', { name: 'Viewer' });
  return { fake, user, viewer };
}

const announcement = () => screen.getByTestId('decision-announcement');

describe('categorising with the keyboard and the Category buttons', () => {
  it('number keys categorise the open item: the button shows pressed, the header counts it, the live region says so', async () => {
    const { fake, user, viewer } = await openViewer();
    const group = within(viewer).getByRole('group', { name: 'Category' });
    // Each button is named by its category (its code is what shows).
    const names = ['0, Non-pertinent', '1, CAM', '2, Child exploitive / age difficult', '3, CGI / animation', '4, Comparison', 'Uncategorised'];
    expect(within(group).getAllByRole('button')).toEqual(names.map((name) => within(group).getByRole('button', { name })));
    expect(await screen.findByText('0 of 20 reviewed')).toBeTruthy();

    await user.keyboard('1');
    await waitFor(() => expect(announcement().textContent).toBe('Category 1, CAM'));
    expect(fake.handlers.categoriseItem).toHaveBeenCalledWith({ caseId: fake.state.summary.caseId, itemId: fakeItemId(0), category: '1' });
    expect(within(group).getByRole('button', { name: '1, CAM' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('1 of 20 reviewed')).toBeTruthy();

    await user.keyboard('9');
    expect(fake.handlers.categoriseItem).toHaveBeenCalledTimes(1);
    // The figures come from one request per case and then from events: a render must never ask again.
    expect(fake.handlers.getReview).toHaveBeenCalledTimes(1);
  });

  it('says how many copies a stack decision covered, and Ctrl+Z / Ctrl+Y undo and redo it', async () => {
    const { user } = await openViewer({ copiesOf: (itemId) => (itemId === fakeItemId(0) ? 14 : 0) });
    await screen.findByText('0 of 20 reviewed');
    await user.keyboard('1');
    await waitFor(() => expect(announcement().textContent).toBe('Category 1, CAM — applied to 14 copies'));

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(announcement().textContent).toBe('Undone: now Uncategorised'));
    expect(screen.getByText('0 of 20 reviewed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Uncategorised' }).getAttribute('aria-pressed')).toBe('true');

    await user.keyboard('{Control>}y{/Control}');
    await waitFor(() => expect(announcement().textContent).toBe('Redone: 1, CAM'));
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(announcement().textContent).toBe('Nothing to redo'));
  });

  it('categorises the focused grid item, and leaves a key typed in a text field alone', async () => {
    const fake = createFakeVeil({ itemCount: 20 });
    await renderApp(fake);
    const user = userEvent.setup();
    const cell = await screen.findByRole('gridcell', { name: /photo-000001\.jpg/ });
    cell.focus();
    await user.keyboard('2');
    await waitFor(() => expect(fake.handlers.categoriseItem).toHaveBeenCalledWith({ caseId: fake.state.summary.caseId, itemId: fakeItemId(1), category: '2' }));
    await waitFor(() => expect(announcement().textContent).toBe('Category 2, Child exploitive / age difficult'));

    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    await user.keyboard('3');
    expect(fake.handlers.categoriseItem).toHaveBeenCalledTimes(1);
    field.remove();
  });

  it('decides nothing while the header menu is open or media is hidden: a digit, N or Ctrl+Z typed then reaches no picture', async () => {
    const { fake, user } = await openViewer();
    await screen.findByText('0 of 20 reviewed');
    // The header menu lies over the open item: a digit typed in it is not a decision on the picture under it.
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    await user.keyboard('2');
    expect(fake.handlers.categoriseItem).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'More actions' }));

    await user.keyboard('{Escape}');
    await screen.findByText('Media hidden');
    await user.keyboard('1n{Control>}z{/Control}');
    expect(fake.handlers.categoriseItem).not.toHaveBeenCalled();
    expect(fake.handlers.nextToReview).not.toHaveBeenCalled();
    expect(fake.handlers.undoDecision).not.toHaveBeenCalled();
  });

  it('asks why before a known item’s hash-set category changes, by button or key; Cancel and Escape change nothing, Escape hides media', async () => {
    const known = (index: number) =>
      index === 0
        ? {
            ...fakeItem(0),
            match: { type: 'known' as const, setId: 1, setName: 'Unit set', scheme: 'vic-us' as const, category: '1', matchedBy: 'md5' as const },
          }
        : fakeItem(index);
    const fake = createFakeVeil({ itemCount: 3, items: known });
    const decide = fake.handlers.categoriseItem;
    const answer = vi.mocked(decide).getMockImplementation();
    if (answer === undefined) throw new Error('the fake decides nothing');
    // The back end's rule: the set's category changes only with a reason.
    vi.mocked(decide).mockImplementation(async (args) => {
      if (args.itemId === fakeItemId(0) && args.reason === undefined) throw VeilRequestError.because({ code: 'reason-required', params: {} });
      return answer(args);
    });
    vi.mocked(fake.handlers.getItemReview).mockImplementation(async ({ itemId }) => ({
      category: itemId === fakeItemId(0) ? '1' : null,
      history: [],
      authorisations: [],
    }));
    await renderApp(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Known (1)' }));
    await user.click(await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    const group = within(viewer).getByRole('group', { name: 'Category' });
    expect(await within(group).findByText('Category from its hash set: changing it asks for a reason.')).toBeTruthy();

    const button = within(group).getByRole('button', { name: '0, Non-pertinent' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Change a category from a hash set' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);

    // Escape cancels as well, and still hides all media at once.
    await user.keyboard('0');
    await screen.findByRole('dialog', { name: 'Change a category from a hash set' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Media hidden' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Media hidden' })).toBeNull());

    within(viewer).getByRole('button', { name: '0, Non-pertinent' }).focus();
    await user.keyboard('0');
    const asked = await screen.findByRole('dialog', { name: 'Change a category from a hash set' });
    await user.type(within(asked).getByRole('textbox', { name: 'Reason' }), 'Adult, age confirmed by ID');
    await user.click(within(asked).getByRole('button', { name: 'Change category' }));
    await waitFor(() => expect(announcement().textContent).toBe('Category 0, Non-pertinent'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(vi.mocked(decide).mock.calls.map(([args]) => args.reason)).toEqual([undefined, undefined, undefined, 'Adult, age confirmed by ID']);
  });

  it('names the buttons and the progress in French', async () => {
    const fake = createFakeVeil({ itemCount: 20, settings: { language: 'fr-CA' } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ }));
    const group = await screen.findByRole('group', { name: 'Catégorie' });
    expect(within(group).getByRole('button', { name: "1, Matériel d'abus pédosexuel" })).toBeTruthy();
    expect(await screen.findByText('0 sur 20 examinés')).toBeTruthy();
  });
});
