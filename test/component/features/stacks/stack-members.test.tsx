import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../../shared/case/media-item.js';
import { ItemLocation } from '../../../../renderer/features/viewer/item-location';
import { createFakeVeil, FAKE_CASE_ID, fakeItem } from '../../fakes/fake-veil';
import { renderWithProviders } from '../../render-app';

/** A stack of four items (one known) and two identical copies: six files, shown by `shown`. */
function stackOf(): { shown: MediaItem; members: { item: MediaItem; distanceBits: number }[] } {
  const base = (index: number, relativePath: string, extra: Partial<MediaItem> = {}): MediaItem => ({
    ...fakeItem(index),
    relativePath,
    name: relativePath.split('/').pop()!,
    stackId: fakeItem(0).id,
    stackSize: 6,
    ...extra,
  });
  const shown = base(0, 'holiday/beach.jpg', { duplicatePaths: ['backup/beach.jpg'] });
  const near = base(1, 'holiday/beach-small.jpg', { duplicatePaths: ['.thumbs/beach-small.jpg'] });
  const nearer = base(2, 'phone/IMG_0001.jpg');
  const known = base(3, 'phone/IMG_0002.jpg', {
    match: { type: 'known', setId: 1, setName: 'Unit set', scheme: 'vic-us', category: '1', matchedBy: 'md5' },
  });
  return {
    shown,
    members: [
      { item: shown, distanceBits: 0 },
      { item: near, distanceBits: 12 },
      { item: nearer, distanceBits: 4 },
      { item: known, distanceBits: 20 },
    ],
  };
}

describe("a stack's files in the viewer", () => {
  it('lists every file of the stack as text, with how each relates, and shows veiled thumbnails of near copies only when asked', async () => {
    const fake = createFakeVeil();
    const { shown, members } = stackOf();
    fake.handlers.listStackMembers.mockResolvedValue(members);
    renderWithProviders(<ItemLocation item={shown} caseId={FAKE_CASE_ID} knownShown={false} />, fake.client);

    const list = await screen.findByRole('list', { name: 'This stack holds 6 files:' });
    expect(fake.handlers.listStackMembers).toHaveBeenCalledWith({ caseId: FAKE_CASE_ID, itemId: shown.id });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toEqual([
      'holiday/beach.jpg — shown for the stack',
      'backup/beach.jpg — exact copy',
      'holiday/beach-small.jpg — near copy (distance 12)',
      '.thumbs/beach-small.jpg — exact copy',
      'phone/IMG_0001.jpg — near copy (distance 4)',
      'phone/IMG_0002.jpg — known, not shown',
    ]);
    expect(document.querySelector('img')).toBeNull();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Show veiled thumbnails of the near copies' }));
    const pictures = screen.getAllByRole('img');
    // The known file is never pictured unless the investigator chose to see known items; the open item is already on screen.
    expect(pictures.map((picture) => picture.getAttribute('alt'))).toEqual([
      'Veiled thumbnail of holiday/beach-small.jpg',
      'Veiled thumbnail of phone/IMG_0001.jpg',
    ]);
    // Grey and the strongest blur, whatever the investigator's own profile.
    expect(pictures.map((picture) => picture.getAttribute('src'))).toEqual([
      fake.client.mediaUrl({ itemId: members[1]!.item.id, kind: 'thumb', greyscale: true, blur: 'strong' }),
      fake.client.mediaUrl({ itemId: members[2]!.item.id, kind: 'thumb', greyscale: true, blur: 'strong' }),
    ]);
    expect(pictures[0]!.getAttribute('src')).toContain('grey=1&blur=strong');
    expect(screen.getByRole('button', { name: 'Hide the thumbnails' })).toHaveProperty('ariaExpanded', 'true');
  });

  it('lists the stack again when another of its files comes to represent it, though the stack holds as many files', async () => {
    const fake = createFakeVeil();
    const { shown, members } = stackOf();
    fake.handlers.listStackMembers.mockResolvedValue(members);
    let showItem: (item: MediaItem) => void = () => undefined;
    function Viewed() {
      const [item, setItem] = useState(shown);
      showItem = setItem;
      return <ItemLocation item={item} caseId={FAKE_CASE_ID} knownShown={false} />;
    }
    renderWithProviders(<Viewed />, fake.client);
    const list = await screen.findByRole('list', { name: 'This stack holds 6 files:' });
    expect(within(list).getAllByRole('listitem')[0]?.textContent).toBe('holiday/beach.jpg — shown for the stack');

    // A larger picture's size was learnt: it represents the stack now, the stack's size unchanged.
    const [first, second, nearer, known] = members;
    fake.handlers.listStackMembers.mockResolvedValue([{ item: nearer!.item, distanceBits: 0 }, { ...first!, distanceBits: 4 }, second!, known!]);
    act(() => showItem({ ...shown, stackId: nearer!.item.id }));
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'This stack holds 6 files:' })).getAllByRole('listitem')[0]?.textContent).toBe(
        'phone/IMG_0001.jpg — shown for the stack',
      ),
    );
    expect(screen.getByText('holiday/beach.jpg — near copy (distance 4)')).toBeTruthy();
  });

  it('says it in Canadian French', async () => {
    const fake = createFakeVeil();
    const { shown, members } = stackOf();
    fake.handlers.listStackMembers.mockResolvedValue(members);
    renderWithProviders(<ItemLocation item={shown} caseId={FAKE_CASE_ID} knownShown={false} />, fake.client, 'fr-CA');

    const list = await screen.findByRole('list', { name: /^Cette pile contient 6\sfichiers\s:$/u });
    const lines = within(list)
      .getAllByRole('listitem')
      .map((line) => line.textContent);
    expect(lines[0]).toBe('holiday/beach.jpg — affiché pour la pile');
    expect(lines[1]).toBe('backup/beach.jpg — copie identique');
    expect(lines[2]).toBe('holiday/beach-small.jpg — copie proche (distance 12)');
    expect(lines[5]).toBe('phone/IMG_0002.jpg — connu, non affiché');
    expect(screen.getByRole('button', { name: 'Afficher les vignettes voilées des copies proches' })).toBeTruthy();
  });

  it('keeps the plain list of identical copies for an item with no near copies, asking nothing of the back end', async () => {
    const fake = createFakeVeil();
    const item = { ...fakeItem(0), duplicatePaths: ['backup/a.jpg'], stackSize: 2 };
    renderWithProviders(<ItemLocation item={item} caseId={FAKE_CASE_ID} knownShown={false} />, fake.client);
    expect(screen.getByRole('list', { name: 'The same file is also at 1 other path:' }).textContent).toBe('backup/a.jpg');
    await waitFor(() => expect(fake.handlers.listStackMembers).not.toHaveBeenCalled());
  });
});
