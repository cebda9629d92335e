import type { VeilClient } from '../../../shared/client.js';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { Note, NotesStorage } from '../../../shared/notes/case-notes.js';

export type NotesLoad = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: unknown };

/**
 * The open case's notes, read once and kept up to date by this window's saves.
 * Components read it during render and re-render on `subscribe` (useSyncExternalStore),
 * like the item store.
 */
export class NotesStore {
  private readonly notes = new Map<string, Note>();
  /** Paths saved by this window: a slower first fetch must not bring back what they were before. */
  private readonly savedHere = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private storageState: NotesStorage | null = null;
  private loadState: NotesLoad = { status: 'loading' };

  constructor(
    private readonly client: VeilClient,
    readonly caseId: string,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  get load(): NotesLoad {
    return this.loadState;
  }

  /** Where notes are kept, once known. */
  get storage(): NotesStorage | null {
    return this.storageState;
  }

  /**
   * The note on an item, under whichever of its identical copies' paths it was written: the
   * copy shown can change as an import finds a normally named one (case-import.ts).
   */
  noteOn(item: Pick<MediaItem, 'relativePath' | 'duplicatePaths'>): Note | null {
    const path = this.pathWithNote(item);
    return path === null ? null : (this.notes.get(path) ?? null);
  }

  private pathWithNote(item: Pick<MediaItem, 'relativePath' | 'duplicatePaths'>): string | null {
    return [item.relativePath, ...item.duplicatePaths].find((path) => this.notes.has(path)) ?? null;
  }

  async fetch(): Promise<void> {
    try {
      const { notes, storage } = await this.client.call('getNotes', { caseId: this.caseId });
      for (const note of notes) if (!this.savedHere.has(note.relativePath)) this.notes.set(note.relativePath, note);
      this.storageState = storage;
      this.loadState = { status: 'ready' };
    } catch (error) {
      this.loadState = { status: 'failed', error };
    }
    this.changed();
  }

  /** Saves one item's note (empty removes it). Rejects when the back end could not take it; the caller keeps the text. */
  async save(item: Pick<MediaItem, 'id' | 'relativePath' | 'duplicatePaths'>, text: string): Promise<NotesStorage> {
    const { note, storage } = await this.client.call('saveNote', { caseId: this.caseId, itemId: item.id, text });
    // The back end writes to the path that already holds the item's note, if any (notes-for-open-case.ts).
    const path = note?.relativePath ?? this.pathWithNote(item) ?? item.relativePath;
    this.savedHere.add(path);
    if (note) this.notes.set(path, note);
    else this.notes.delete(path);
    this.storageState = storage;
    this.changed();
    return storage;
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
