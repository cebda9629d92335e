import type { ShownFilter, VisibilityReport } from '../../../shared/exposure/visibility-report.js';
import type { FilterProfile } from '../../../shared/media/filter-profile.js';

/** The contract's cap on item ids per surface; the grid rarely shows more than ~60. */
export const MAX_ITEM_IDS_PER_SURFACE = 500;

/** One item painted on the viewer or the storyboard, with the filter it is shown through. */
export interface ShownItem {
  itemId: string;
  filter: ShownFilter;
}

/** The grid rows inside the scrolling viewport (not the overscan rows rendered around it). */
export interface GridView {
  /** Grid positions of the first and last tile in the visible rows, inclusive. */
  firstIndex: number;
  lastIndex: number;
  filter: ShownFilter;
}

export interface VideoState {
  playing: boolean;
  /** Not muted and volume above zero. */
  audible: boolean;
}

/**
 * Everything the renderer knows about what is on screen, gathered from the grid, the
 * viewer and the video. The report is derived from it by `buildVisibilityReport`.
 */
export interface ScreenState {
  caseId: string | null;
  /** document.visibilityState === 'visible'. */
  pageVisible: boolean;
  /** No MediaVisibility reason (Hide all media, My exposure, a break) holds. */
  mediaVisible: boolean;
  /** Null while the grid is not on screen (covered by the viewer, or not mounted). */
  gridView: GridView | null;
  /** Thumbnails whose picture has loaded and is mounted, by grid position. */
  paintedThumbnails: ReadonlyMap<number, string>;
  viewer: ShownItem | null;
  storyboard: ShownItem | null;
  video: VideoState | null;
}

export const INITIAL_SCREEN_STATE: ScreenState = {
  caseId: null,
  pageVisible: true,
  mediaVisible: true,
  gridView: null,
  paintedThumbnails: new Map(),
  viewer: null,
  storyboard: null,
  video: null,
};

export type VisibilityReportBody = Omit<VisibilityReport, 'seq'>;

/** A profile as exposure needs it; the style matters only in that a silhouette is always grey. */
type VeilForExposure = Pick<FilterProfile, 'greyscale' | 'blur'> & Partial<Pick<FilterProfile, 'style'>>;

/**
 * Whether the veiled picture is grey: a silhouette is drawn in two grey tones whatever the
 * profile says, but at blur 'off' every style shows the picture unfiltered, in colour unless greyscale is on.
 */
function veilIsGrey(profile: VeilForExposure): boolean {
  return profile.greyscale || (profile.style === 'silhouette' && profile.blur !== 'off');
}

/** The veil as the grid and the storyboard show it: the profile, no reveal. */
export function veiledFilter(profile: VeilForExposure): ShownFilter {
  return { greyscale: veilIsGrey(profile), blur: profile.blur, reveal: 'none' };
}

/**
 * The filter of the viewer's picture as the user sees it. During a reveal the unblurred
 * layer is painted, so the weakest blur on screen is 'off'. A spotlight keeps the veiled
 * picture around the circle, so it is grey only if both are; a whole reveal covers it.
 */
export function shownPictureFilter(profile: VeilForExposure, revealInColour: boolean, reveal: ShownFilter['reveal']): ShownFilter {
  if (reveal === 'none') return veiledFilter(profile);
  const revealGrey = !revealInColour;
  return { greyscale: reveal === 'whole' ? revealGrey : revealGrey && veilIsGrey(profile), blur: 'off', reveal };
}

function gridItemIds(view: GridView, painted: ReadonlyMap<number, string>): string[] {
  const ids: string[] = [];
  // Walk the visible positions (a few dozen), not the map: overscan tiles are left out.
  for (let index = view.firstIndex; index <= view.lastIndex && ids.length < MAX_ITEM_IDS_PER_SURFACE; index += 1) {
    const itemId = painted.get(index);
    if (itemId !== undefined) ids.push(itemId);
  }
  return ids;
}

/**
 * What the renderer reports for a screen state (without the sequence number), or null
 * when there is no case to report against. Surfaces list only painted pixels: loaded
 * thumbnails in the visible rows of an uncovered grid, the viewer's loaded picture or
 * first video frame, drawn storyboard frames; none at all while media is hidden.
 */
export function buildVisibilityReport(state: ScreenState): VisibilityReportBody | null {
  if (state.caseId === null) return null;
  const surfaces: VisibilityReport['surfaces'] = [];
  if (state.mediaVisible) {
    if (state.gridView) {
      const itemIds = gridItemIds(state.gridView, state.paintedThumbnails);
      if (itemIds.length > 0) surfaces.push({ surface: 'grid', itemIds, filter: state.gridView.filter });
    }
    if (state.viewer) surfaces.push({ surface: 'viewer', itemIds: [state.viewer.itemId], filter: state.viewer.filter });
    if (state.storyboard) {
      surfaces.push({ surface: 'storyboard', itemIds: [state.storyboard.itemId], filter: state.storyboard.filter });
    }
  }
  return {
    caseId: state.caseId,
    pageVisible: state.pageVisible,
    surfaces,
    video: state.mediaVisible ? state.video : null,
  };
}
