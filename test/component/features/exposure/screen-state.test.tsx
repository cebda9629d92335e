import { describe, expect, it } from 'vitest';
import { VisibilityReportSchema } from '../../../../shared/exposure/visibility-report.js';
import {
  buildVisibilityReport,
  INITIAL_SCREEN_STATE,
  MAX_ITEM_IDS_PER_SURFACE,
  shownPictureFilter,
  type ScreenState,
} from '../../../../renderer/features/exposure/screen-state';
import { fakeItemId } from '../../fakes/fake-veil';

const GREY_STRONG = { greyscale: true, blur: 'strong', reveal: 'none' } as const;

function state(partial: Partial<ScreenState>): ScreenState {
  return { ...INITIAL_SCREEN_STATE, caseId: 'case-fake-0001', ...partial };
}

function painted(indexes: number[]): Map<number, string> {
  return new Map(indexes.map((index) => [index, fakeItemId(index)]));
}

describe('buildVisibilityReport', () => {
  it('lists only loaded thumbnails inside the visible rows, in grid order', () => {
    const report = buildVisibilityReport(
      state({ gridView: { firstIndex: 0, lastIndex: 19, filter: GREY_STRONG }, paintedThumbnails: painted([25, 4, 0, 1, 19, 20]) }),
    );
    expect(report?.surfaces).toEqual([{ surface: 'grid', itemIds: [fakeItemId(0), fakeItemId(1), fakeItemId(4), fakeItemId(19)], filter: GREY_STRONG }]);
    expect(VisibilityReportSchema.safeParse({ ...report, seq: 1 }).success).toBe(true);
  });

  it('reports no grid surface when nothing in view has loaded, or the grid is covered', () => {
    expect(buildVisibilityReport(state({ gridView: { firstIndex: 0, lastIndex: 19, filter: GREY_STRONG } }))?.surfaces).toEqual([]);
    expect(buildVisibilityReport(state({ gridView: null, paintedThumbnails: painted([0, 1]) }))?.surfaces).toEqual([]);
  });

  it('caps a surface at the contract limit of item ids', () => {
    const report = buildVisibilityReport(
      state({ gridView: { firstIndex: 0, lastIndex: 999, filter: GREY_STRONG }, paintedThumbnails: painted([...Array(1000).keys()]) }),
    );
    expect(report?.surfaces[0]?.itemIds).toHaveLength(MAX_ITEM_IDS_PER_SURFACE);
  });

  it('lists the viewer and the storyboard with their own filters', () => {
    const viewerFilter = shownPictureFilter({ greyscale: true, blur: 'strong' }, false, 'whole');
    const report = buildVisibilityReport(
      state({
        viewer: { itemId: fakeItemId(3), filter: viewerFilter },
        storyboard: { itemId: fakeItemId(3), filter: GREY_STRONG },
        video: { playing: true, audible: false },
      }),
    );
    expect(report).toEqual({
      caseId: 'case-fake-0001',
      pageVisible: true,
      surfaces: [
        { surface: 'viewer', itemIds: [fakeItemId(3)], filter: { greyscale: true, blur: 'off', reveal: 'whole' } },
        { surface: 'storyboard', itemIds: [fakeItemId(3)], filter: GREY_STRONG },
      ],
      video: { playing: true, audible: false },
    });
  });

  it('reports nothing on screen while media is hidden, but still says whether the page is visible', () => {
    const report = buildVisibilityReport(
      state({
        mediaVisible: false,
        pageVisible: false,
        gridView: { firstIndex: 0, lastIndex: 4, filter: GREY_STRONG },
        paintedThumbnails: painted([0]),
        viewer: { itemId: fakeItemId(0), filter: GREY_STRONG },
        video: { playing: false, audible: false },
      }),
    );
    expect(report).toEqual({ caseId: 'case-fake-0001', pageVisible: false, surfaces: [], video: null });
  });

  it('has nothing to report before a case is known', () => {
    expect(buildVisibilityReport(INITIAL_SCREEN_STATE)).toBeNull();
  });
});

describe('shownPictureFilter', () => {
  const veil = { greyscale: true, blur: 'strong' } as const;

  it('is the profile itself while nothing is revealed', () => {
    expect(shownPictureFilter(veil, true, 'none')).toEqual(GREY_STRONG);
  });

  it('is unblurred during reveals, in colour only when revealInColour is on', () => {
    expect(shownPictureFilter(veil, false, 'spotlight')).toEqual({ greyscale: true, blur: 'off', reveal: 'spotlight' });
    expect(shownPictureFilter(veil, true, 'spotlight')).toEqual({ greyscale: false, blur: 'off', reveal: 'spotlight' });
    expect(shownPictureFilter(veil, true, 'whole')).toEqual({ greyscale: false, blur: 'off', reveal: 'whole' });
  });

  it('keeps colour around a spotlight when the profile itself is in colour', () => {
    expect(shownPictureFilter({ greyscale: false, blur: 'medium' }, false, 'spotlight')).toEqual({
      greyscale: false,
      blur: 'off',
      reveal: 'spotlight',
    });
    expect(shownPictureFilter({ greyscale: false, blur: 'medium' }, false, 'whole')).toEqual({ greyscale: true, blur: 'off', reveal: 'whole' });
  });

  it('counts a silhouette as grey, except at blur off, where every style shows the picture unfiltered and in colour', () => {
    expect(shownPictureFilter({ greyscale: false, blur: 'light', style: 'silhouette' }, true, 'none')).toEqual({
      greyscale: true,
      blur: 'light',
      reveal: 'none',
    });
    expect(shownPictureFilter({ greyscale: false, blur: 'off', style: 'silhouette' }, true, 'none')).toEqual({ greyscale: false, blur: 'off', reveal: 'none' });
    expect(shownPictureFilter({ greyscale: false, blur: 'off', style: 'illustration' }, true, 'none')).toEqual({
      greyscale: false,
      blur: 'off',
      reveal: 'none',
    });
    expect(shownPictureFilter({ greyscale: false, blur: 'off', style: 'silhouette' }, false, 'spotlight')).toEqual({
      greyscale: false,
      blur: 'off',
      reveal: 'spotlight',
    });
    expect(shownPictureFilter({ greyscale: false, blur: 'strong', style: 'silhouette' }, false, 'spotlight')).toEqual({
      greyscale: true,
      blur: 'off',
      reveal: 'spotlight',
    });
  });
});
