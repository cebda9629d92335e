import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseNotesFileSchema, notesFileOf, withNote, type Note } from '../../../../shared/notes/case-notes.js';

describe('withNote', () => {
  it("adds, replaces and removes one item's note, trimmed, leaving the others", () => {
    let notes: Note[] = withNote([], 'b.jpg', '  second  ', 2);
    notes = withNote(notes, 'a.jpg', 'first', 1);
    expect(notes).toEqual([
      { relativePath: 'a.jpg', text: 'first', updatedAtMs: 1 },
      { relativePath: 'b.jpg', text: 'second', updatedAtMs: 2 },
    ]);
    notes = withNote(notes, 'a.jpg', 'changed', 3);
    expect(notes.map((note) => note.text)).toEqual(['changed', 'second']);
    expect(withNote([], 'c.jpg', 'x', 1_795_940_095_806.211)[0]?.updatedAtMs).toBe(1_795_940_095_806);
    expect(withNote(notes, 'a.jpg', ' \n ', 4)).toEqual([{ relativePath: 'b.jpg', text: 'second', updatedAtMs: 2 }]);
  });

  it('keeps one note per path whatever the order of edits, and the file always validates', () => {
    const edit = fc.record({ path: fc.constantFrom('a.jpg', '__proto__', 'constructor', 'x/y.png'), text: fc.string({ maxLength: 40 }) });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        let notes: Note[] = [];
        edits.forEach(({ path, text }, index) => {
          notes = withNote(notes, path, text, index);
        });
        const paths = notes.map((note) => note.relativePath);
        expect(new Set(paths).size).toBe(paths.length);
        for (const path of new Set(edits.map((e) => e.path))) {
          const last = [...edits].reverse().find((e) => e.path === path);
          expect(notes.find((note) => note.relativePath === path)?.text ?? '').toBe(last?.text.trim() ?? '');
        }
        expect(CaseNotesFileSchema.safeParse(JSON.parse(JSON.stringify(notesFileOf(notes)))).success).toBe(true);
      }),
    );
  });
});

describe('the notes file format', () => {
  it('refuses another format, a newer version, an empty note and unknown fields', () => {
    const good = notesFileOf([{ relativePath: 'a.jpg', text: 'x', updatedAtMs: 1 }]);
    expect(CaseNotesFileSchema.safeParse(good).success).toBe(true);
    expect(CaseNotesFileSchema.safeParse({ ...good, format: 'other' }).success).toBe(false);
    expect(CaseNotesFileSchema.safeParse({ ...good, version: 2 }).success).toBe(false);
    expect(CaseNotesFileSchema.safeParse({ ...good, notes: [{ relativePath: 'a.jpg', text: '', updatedAtMs: 1 }] }).success).toBe(false);
    expect(CaseNotesFileSchema.safeParse({ ...good, owner: 'someone' }).success).toBe(false);
  });
});
