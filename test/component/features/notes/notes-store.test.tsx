import { describe, expect, it } from 'vitest';
import { NotesStore } from '../../../../renderer/features/notes/notes-store';
import { createFakeVeil, FAKE_CASE_ID, fakeItem } from '../../fakes/fake-veil';

describe('NotesStore', () => {
  it('keeps a note saved while the first load was still on its way', async () => {
    const old = { relativePath: fakeItem(0).relativePath, text: 'old text', updatedAtMs: 1 };
    const fake = createFakeVeil({ notes: [old] });
    let answer: () => void = () => undefined;
    fake.handlers.getNotes.mockImplementationOnce(() => new Promise((resolve) => (answer = () => resolve({ storage: fake.state.notesStorage, notes: [old] }))));
    const store = new NotesStore(fake.client, FAKE_CASE_ID);
    const loading = store.fetch();
    await store.save(fakeItem(0), 'new text');
    answer();
    await loading;
    expect(store.noteOn(fakeItem(0))?.text).toBe('new text');
  });

  it('finds a note written on a hidden copy after the import chose the normally named copy to show', async () => {
    const item = { ...fakeItem(0), relativePath: 'photos/x.jpg', duplicatePaths: ['.cache/x.jpg'] };
    const fake = createFakeVeil({ notes: [{ relativePath: '.cache/x.jpg', text: 'seen on the hidden copy', updatedAtMs: 1 }] });
    const store = new NotesStore(fake.client, FAKE_CASE_ID);
    await store.fetch();
    expect(store.noteOn(item)?.text).toBe('seen on the hidden copy');
    expect(store.noteOn({ ...item, duplicatePaths: [] })).toBeNull();
  });
});
