import type { MediaItem } from '../../../shared/case/media-item.js';
import type { FilterProfile } from '../../../shared/media/filter-profile.js';
import type { MediaService } from './media-service.js';

/**
 * Thumbnails made ahead of the page per case: a large window's first screen (14 columns ×
 * 4 rows at 2560 px) with room to spare. Only the first items in grid order are made early;
 * the rest wait for the page to ask, so a case the user scrolls through at once is not
 * held up by pictures nobody looks at.
 */
export const FIRST_SCREEN_THUMBNAILS = 60;

export interface FirstScreenPrefetchDeps {
  media: Pick<MediaService, 'getStill'>;
  /** The profile the grid shows thumbnails through (settings' default), read when each item arrives. */
  profile: () => FilterProfile;
  count?: number;
  log?: (message: string) => void;
}

export interface FirstScreenPrefetch {
  /** New items of case `caseId`, in grid order, as the import lists them. */
  itemsListed(caseId: string, items: readonly MediaItem[]): void;
}

/**
 * Starts the first screen's thumbnails while the import is still running, before the page
 * asks for them: the page's own requests then join the jobs already running or find the
 * pictures in the cache. A failure is recorded as the page's request would record it.
 */
export function createFirstScreenPrefetch(deps: FirstScreenPrefetchDeps): FirstScreenPrefetch {
  const count = deps.count ?? FIRST_SCREEN_THUMBNAILS;
  const log = deps.log ?? ((message) => console.error(`[prefetch] ${message}`));
  let currentCaseId: string | null = null;
  let listed = 0;

  return {
    itemsListed(caseId, items) {
      if (caseId !== currentCaseId) {
        currentCaseId = caseId;
        listed = 0;
      }
      for (const item of items) {
        if (listed >= count) return;
        // The grid opens on "To review", where known items are not listed: they take no place on the first screen.
        if (item.match?.type === 'known') continue;
        listed += 1;
        if (item.kind !== 'image' || item.error !== null) continue;
        const { greyscale, blur, style } = deps.profile();
        deps.media.getStill({ itemId: item.id, kind: 'thumb', greyscale, blur, style }).catch((error: unknown) => {
          log(`a first-screen thumbnail failed: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
    },
  };
}
