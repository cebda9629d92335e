import { useEffect, useState } from 'react';
import type { ShownFilter, Surface } from '../../../shared/exposure/visibility-report.js';
import type { BlurLevel } from '../../../shared/media/filter-profile.js';
import { useScreenStateStore } from './exposure-reporting';

/** A stable identity per component instance, so only its own unmount clears its slot. */
function useOwner(): object {
  const [owner] = useState(() => ({}));
  return owner;
}

/**
 * Tells the reporter that the viewer or the storyboard paints `itemId` through `filter`
 * (pass null while nothing is painted). Cleared on unmount. Primitive arguments keep
 * the effect from re-running on every render.
 */
export function useReportShownItem(surface: Exclude<Surface, 'grid'>, itemId: string | null, filter: ShownFilter): void {
  const store = useScreenStateStore();
  const owner = useOwner();
  const { greyscale, blur, reveal } = filter;
  useEffect(() => {
    if (!store || itemId === null) return undefined;
    store.setShownItem(surface, owner, { itemId, filter: { greyscale, blur, reveal } });
    return () => store.clearSlot(surface, owner);
  }, [store, owner, surface, itemId, greyscale, blur, reveal]);
}

/** A grid thumbnail's picture has loaded (painted) or not; cleared on unmount. */
export function useReportThumbnail(index: number, itemId: string, painted: boolean): void {
  const store = useScreenStateStore();
  useEffect(() => {
    if (!store || !painted) return undefined;
    store.setThumbnailPainted(index, itemId);
    return () => store.clearThumbnail(index, itemId);
  }, [store, index, itemId, painted]);
}

/**
 * The grid positions in the visible rows and the grid's filter; `onScreen` false while
 * the grid is covered (the viewer is over it) or has no visible rows.
 */
export function useReportGridView(onScreen: boolean, firstIndex: number, lastIndex: number, greyscale: boolean, blur: BlurLevel): void {
  const store = useScreenStateStore();
  const owner = useOwner();
  useEffect(() => {
    if (!store || !onScreen) return undefined;
    store.setGridView(owner, { firstIndex, lastIndex, filter: { greyscale, blur, reveal: 'none' } });
    return () => store.clearSlot('gridView', owner);
  }, [store, owner, onScreen, firstIndex, lastIndex, greyscale, blur]);
}

/** The viewer's video: mounted (else null), playing, and whether it can be heard. */
export function useReportVideo(mounted: boolean, playing: boolean, audible: boolean): void {
  const store = useScreenStateStore();
  const owner = useOwner();
  useEffect(() => {
    if (!store || !mounted) return undefined;
    store.setVideo(owner, { playing, audible });
    return () => store.clearSlot('video', owner);
  }, [store, owner, mounted, playing, audible]);
}
