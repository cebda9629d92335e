import { INITIAL_SCREEN_STATE, type GridView, type ScreenState, type ShownItem, type VideoState } from './screen-state';

/** Who set a slot: only its owner's clear empties it, so a late unmount cannot wipe a newer entry. */
export type SlotOwner = object;

interface Owned<T> {
  owner: SlotOwner;
  value: T;
}

type OwnedSlots = {
  gridView: Owned<GridView> | null;
  viewer: Owned<ShownItem> | null;
  storyboard: Owned<ShownItem> | null;
  video: Owned<VideoState> | null;
};
export type SlotName = keyof OwnedSlots;

/**
 * The renderer's picture of what is on screen, written by the components that paint
 * media (each sets its slot while it shows something and clears it on unmount) and read
 * by the reporter. It is not React state: a thumbnail loading re-renders nothing, it
 * only tells the one listener, which coalesces changes into a report.
 */
export class ScreenStateStore {
  private caseId: string | null = INITIAL_SCREEN_STATE.caseId;
  private pageVisible = INITIAL_SCREEN_STATE.pageVisible;
  private mediaVisible = INITIAL_SCREEN_STATE.mediaVisible;
  private readonly thumbnails = new Map<number, string>();
  private readonly slots: OwnedSlots = { gridView: null, viewer: null, storyboard: null, video: null };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot(): ScreenState {
    return {
      caseId: this.caseId,
      pageVisible: this.pageVisible,
      mediaVisible: this.mediaVisible,
      gridView: this.slots.gridView?.value ?? null,
      paintedThumbnails: this.thumbnails,
      viewer: this.slots.viewer?.value ?? null,
      storyboard: this.slots.storyboard?.value ?? null,
      video: this.slots.video?.value ?? null,
    };
  }

  setCaseId(caseId: string | null): void {
    if (this.caseId === caseId) return;
    this.caseId = caseId;
    this.notify();
  }

  setPageVisible(pageVisible: boolean): void {
    if (this.pageVisible === pageVisible) return;
    this.pageVisible = pageVisible;
    this.notify();
  }

  setMediaVisible(mediaVisible: boolean): void {
    if (this.mediaVisible === mediaVisible) return;
    this.mediaVisible = mediaVisible;
    this.notify();
  }

  /** A thumbnail at grid position `index` has painted (loaded) `itemId`. */
  setThumbnailPainted(index: number, itemId: string): void {
    if (this.thumbnails.get(index) === itemId) return;
    this.thumbnails.set(index, itemId);
    this.notify();
  }

  /** The thumbnail at `index` no longer shows `itemId` (unmounted, or its picture changed). */
  clearThumbnail(index: number, itemId: string): void {
    if (this.thumbnails.get(index) !== itemId) return;
    this.thumbnails.delete(index);
    this.notify();
  }

  /** The viewer or the storyboard paints an item, through a filter. */
  setShownItem(surface: 'viewer' | 'storyboard', owner: SlotOwner, value: ShownItem): void {
    this.slots[surface] = { owner, value };
    this.notify();
  }

  /** The grid's visible rows and filter, while the grid is on screen. */
  setGridView(owner: SlotOwner, value: GridView): void {
    this.slots.gridView = { owner, value };
    this.notify();
  }

  /** The viewer's video, while one is open. */
  setVideo(owner: SlotOwner, value: VideoState): void {
    this.slots.video = { owner, value };
    this.notify();
  }

  /** Empties a slot, if `owner` is still the one that filled it. */
  clearSlot(slot: SlotName, owner: SlotOwner): void {
    if (this.slots[slot]?.owner !== owner) return;
    this.slots[slot] = null;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
