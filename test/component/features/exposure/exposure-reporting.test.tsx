import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VisibilityReport } from '../../../../shared/exposure/visibility-report.js';
import { createFakeVeil, FAKE_CASE_ID, fakeItem, fakeItemId, type FakeVeil, type FakeVeilOptions } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

const VEILED = { greyscale: true, blur: 'strong', reveal: 'none' } as const;

function reports(fake: FakeVeil): VisibilityReport[] {
  return fake.handlers.reportVisibility.mock.calls.map(([report]) => report);
}

function lastReport(fake: FakeVeil): VisibilityReport | undefined {
  return reports(fake).at(-1);
}

/** Waits until the latest report matches, then checks that seq only ever went up. */
async function expectLastReport(fake: FakeVeil, expected: Partial<VisibilityReport>) {
  await waitFor(() => expect(lastReport(fake)).toMatchObject(expected));
  const seqs = reports(fake).map((report) => report.seq);
  for (let i = 1; i < seqs.length; i += 1) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
}

function loadThumbnails(grid: HTMLElement): number[] {
  const loaded: number[] = [];
  for (const img of grid.querySelectorAll<HTMLImageElement>('img.tile-img')) {
    fireEvent.load(img);
    loaded.push(Number(img.closest('[data-item-index]')?.getAttribute('data-item-index')));
  }
  return loaded.sort((a, b) => a - b);
}

async function openViewerOn(name: string, options: FakeVeilOptions = {}) {
  const fake = createFakeVeil(options);
  await renderApp(fake);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('gridcell', { name: new RegExp(`^${name.replace('.', '\\.')}`) }));
  const viewer = await screen.findByRole('region', { name: 'Viewer' });
  return { fake, user, viewer };
}

function setPageVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

afterEach(() => {
  // Back to jsdom's own (visible) value.
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('Exposure reporting', () => {
  it('reports the loaded thumbnails in the visible rows of the grid, and none of the overscan rows', async () => {
    const fake = createFakeVeil();
    const { grid } = await renderApp(fake);
    await waitFor(() => expect(grid.querySelectorAll('img.tile-img').length).toBeGreaterThan(20));
    // Nothing is painted yet: placeholders only.
    await expectLastReport(fake, { caseId: FAKE_CASE_ID, pageVisible: true, surfaces: [], video: null });

    const loaded = loadThumbnails(grid);
    // 800 px of viewport show rows 0–3 (items 0–19); rows 4–6 are rendered for smooth scrolling but not in view.
    expect(loaded.some((index) => index >= 20)).toBe(true);
    const inView = loaded.filter((index) => index < 20).map(fakeItemId);
    expect(inView).not.toContain(fakeItemId(3)); // a video: an icon, never a picture
    await expectLastReport(fake, { surfaces: [{ surface: 'grid', itemIds: inView, filter: VEILED }] });
    // One report for the whole batch of loads, not one per tile.
    expect(reports(fake).length).toBeLessThanOrEqual(3);
  });

  it('follows the grid as it scrolls: only what has loaded in the new rows', async () => {
    const fake = createFakeVeil();
    const { grid } = await renderApp(fake);
    await waitFor(() => expect(grid.querySelectorAll('img.tile-img').length).toBeGreaterThan(20));
    loadThumbnails(grid);
    await waitFor(() => expect(lastReport(fake)?.surfaces[0]?.itemIds).toContain(fakeItemId(0)));

    act(() => grid.scrollTo({ top: 100 * 244 }));
    await waitFor(() => expect(grid.querySelector('[data-item-index="500"] img')).not.toBeNull());
    await expectLastReport(fake, { surfaces: [] });
    const [first] = [...grid.querySelectorAll<HTMLImageElement>('[data-item-index="500"] img')];
    fireEvent.load(first!);
    await expectLastReport(fake, { surfaces: [{ surface: 'grid', itemIds: [fakeItemId(500)], filter: VEILED }] });
  });

  it("reports the viewer's picture once loaded, with the default profile, and the grid no longer (it is covered)", async () => {
    const { fake, viewer } = await openViewerOn('photo-000000.jpg');
    await expectLastReport(fake, { surfaces: [] });
    fireEvent.load(within(viewer).getByRole('img', { name: 'photo-000000.jpg' }));
    await expectLastReport(fake, { surfaces: [{ surface: 'viewer', itemIds: [fakeItemId(0)], filter: VEILED }], video: null });
  });

  it("reports a held spotlight as 'spotlight' once its layer is ready, and the veil again on release", async () => {
    const { fake, viewer } = await openViewerOn('photo-000000.jpg');
    fireEvent.load(within(viewer).getByRole('img', { name: 'photo-000000.jpg' }));
    fireEvent.keyDown(viewer, { key: 'r' });
    const layer = viewer.querySelector<HTMLImageElement>('img.reveal-layer')!;
    // Loading underneath: not yet on screen, so still the veil.
    await expectLastReport(fake, { surfaces: [{ surface: 'viewer', itemIds: [fakeItemId(0)], filter: VEILED }] });
    fireEvent.load(layer);
    await expectLastReport(fake, {
      surfaces: [{ surface: 'viewer', itemIds: [fakeItemId(0)], filter: { greyscale: true, blur: 'off', reveal: 'spotlight' } }],
    });
    fireEvent.keyUp(viewer, { key: 'r' });
    await expectLastReport(fake, { surfaces: [{ surface: 'viewer', itemIds: [fakeItemId(0)], filter: VEILED }] });
  });

  it("reports Reveal as 'whole' (in colour when allowed) until its timer ends", async () => {
    const { fake, viewer } = await openViewerOn('photo-000000.jpg', { settings: { revealInColour: true, revealDurationSec: 5 } });
    fireEvent.load(within(viewer).getByRole('img', { name: 'photo-000000.jpg' }));
    await expectLastReport(fake, { surfaces: [{ surface: 'viewer', itemIds: [fakeItemId(0)], filter: VEILED }] });
    vi.useFakeTimers();
    fireEvent.click(within(viewer).getByRole('button', { name: 'Reveal' }));
    fireEvent.load(viewer.querySelector<HTMLImageElement>('img.reveal-layer')!);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(lastReport(fake)?.surfaces).toEqual([{ surface: 'viewer', itemIds: [fakeItemId(0)], filter: { greyscale: false, blur: 'off', reveal: 'whole' } }]);
    await act(() => vi.advanceTimersByTimeAsync(4_700));
    expect(lastReport(fake)?.surfaces[0]?.filter.reveal).toBe('whole');
    await act(() => vi.advanceTimersByTimeAsync(100));
    // The re-veil is committed at 5 s; its report follows within a frame.
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(lastReport(fake)?.surfaces).toEqual([{ surface: 'viewer', itemIds: [fakeItemId(0)], filter: VEILED }]);
  });

  it('reports empty surfaces the moment Escape hides all media, and the picture again on Resume', async () => {
    const { fake, viewer, user } = await openViewerOn('photo-000000.jpg');
    fireEvent.load(within(viewer).getByRole('img', { name: 'photo-000000.jpg' }));
    await expectLastReport(fake, { surfaces: [{ surface: 'viewer', itemIds: [fakeItemId(0)], filter: VEILED }] });
    await user.keyboard('{Escape}');
    await expectLastReport(fake, { surfaces: [], video: null });
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    // The picture must load again before it counts.
    expect(lastReport(fake)?.surfaces).toEqual([]);
    fireEvent.load(within(screen.getByRole('region', { name: 'Viewer' })).getByRole('img', { name: 'photo-000000.jpg' }));
    await expectLastReport(fake, { surfaces: [{ surface: 'viewer', itemIds: [fakeItemId(0)], filter: VEILED }] });
  });

  it('reports pageVisible false while the page is hidden (minimised, another tab)', async () => {
    const { fake, viewer } = await openViewerOn('photo-000000.jpg');
    fireEvent.load(within(viewer).getByRole('img', { name: 'photo-000000.jpg' }));
    await expectLastReport(fake, { pageVisible: true, surfaces: [{ surface: 'viewer', itemIds: [fakeItemId(0)], filter: VEILED }] });
    setPageVisibility('hidden');
    await expectLastReport(fake, { pageVisible: false });
    setPageVisibility('visible');
    await expectLastReport(fake, { pageVisible: true });
  });

  it('reports the video once its first frame shows, and whether it is playing and audible', async () => {
    const { fake, viewer, user } = await openViewerOn('clip-000003.mp4');
    const video = viewer.querySelector('video')!;
    await expectLastReport(fake, { surfaces: [], video: { playing: false, audible: false } });
    fireEvent(video, new Event('loadeddata'));
    await expectLastReport(fake, { surfaces: [{ surface: 'viewer', itemIds: [fakeItemId(3)], filter: VEILED }] });

    await user.click(within(viewer).getByRole('button', { name: 'Play' }));
    await expectLastReport(fake, { video: { playing: true, audible: false } });
    await user.click(within(viewer).getByRole('button', { name: 'Unmute' }));
    await expectLastReport(fake, { video: { playing: true, audible: true } });
    // Unmuted at zero volume cannot be heard.
    act(() => {
      video.volume = 0;
      fireEvent(video, new Event('volumechange'));
    });
    await expectLastReport(fake, { video: { playing: true, audible: false } });
  });

  it('stops reporting the video and the grid when the viewer closes', async () => {
    const { fake, viewer, user } = await openViewerOn('clip-000003.mp4', { items: fakeItem });
    fireEvent(viewer.querySelector('video')!, new Event('loadeddata'));
    await expectLastReport(fake, { surfaces: [{ surface: 'viewer', itemIds: [fakeItemId(3)], filter: VEILED }] });
    await user.click(within(viewer).getByRole('button', { name: 'Back to grid' }));
    await waitFor(() => expect(lastReport(fake)?.video).toBeNull());
    expect(lastReport(fake)?.surfaces.some((surface) => surface.surface === 'viewer')).toBe(false);
  });

  it('shows a quiet "Counting exposure" sign while the main side says it is counting', async () => {
    const { fake, viewer } = await openViewerOn('photo-000000.jpg');
    expect(screen.queryByText('Counting exposure')).toBeNull();
    fireEvent.load(within(viewer).getByRole('img', { name: 'photo-000000.jpg' }));
    expect(await screen.findByText('Counting exposure')).toBeTruthy();
    fake.handlers.reportVisibility.mockResolvedValue({ counting: false });
    setPageVisibility('hidden');
    await waitFor(() => expect(screen.queryByText('Counting exposure')).toBeNull());
  });
});
