import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { displayedLongEdgePx, UNMEASURED_LONG_EDGE_PX } from '../../../../renderer/features/viewer/video-stage';
import type { MediaItem } from '../../../../shared/case/media-item';
import { createFakeVeil, fakeItem } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

async function openVideo(settings = {}, items?: (index: number) => MediaItem) {
  const fake = createFakeVeil({ settings, items });
  await renderApp(fake);
  const user = userEvent.setup();
  // Records the element's CSS filter at the moment its src is set.
  const filtersAtSrc: string[] = [];
  const setAttribute = Element.prototype.setAttribute;
  vi.spyOn(Element.prototype, 'setAttribute').mockImplementation(function record(this: Element, name: string, value: string) {
    if (this instanceof HTMLVideoElement && name === 'src') filtersAtSrc.push(`${value} → ${this.style.filter}`);
    setAttribute.call(this, name, value);
  });
  await user.click(await screen.findByRole('gridcell', { name: /^clip-000003\.mp4, / }));
  const viewer = await screen.findByRole('region', { name: /^(Viewer|Visionneuse)$/ });
  const video = viewer.querySelector('video')!;
  return { fake, user, viewer, video, filtersAtSrc };
}

/** Gives the jsdom <video> the state Chromium's would have (jsdom loads nothing). */
function setElementState(video: HTMLVideoElement, state: { readyState: number; currentTimeSec: number; durationSec: number; seekableEndSec: number }) {
  Object.defineProperty(video, 'readyState', { configurable: true, value: state.readyState });
  Object.defineProperty(video, 'duration', { configurable: true, value: state.durationSec });
  Object.defineProperty(video, 'currentTime', { configurable: true, writable: true, value: state.currentTimeSec });
  Object.defineProperty(video, 'seekable', { configurable: true, value: { length: 1, start: () => 0, end: () => state.seekableEndSec } });
}

describe('Viewer, videos', () => {
  it('filters the video from its first frame: the CSS filter is set before src', async () => {
    const { video, filtersAtSrc } = await openVideo();
    // The src is set once the element is attached (the position a previous player left is known then), by which time
    // the frame is measured (1000 px long edge: strong blur is 2 % of it). The veiled derivative made in the worker,
    // never the original, before any reveal.
    expect(filtersAtSrc).toEqual(['veil-media://item/it-0000003/veiled?grey=1&blur=strong → grayscale(1) blur(20.0px)']);
    // Once measured (1000 px long edge), strong blur is 2 % of it.
    expect(video.style.filter).toBe('grayscale(1) blur(20.0px)');
  });

  it.each(['illustration', 'silhouette'] as const)(
    'shows the %s derivative as the worker drew it: grey, with no CSS blur smearing the style',
    async (style) => {
      const { video, filtersAtSrc } = await openVideo({ defaultProfile: { greyscale: true, blur: 'strong', style } });
      expect(filtersAtSrc).toEqual([`veil-media://item/it-0000003/veiled?grey=1&blur=strong&style=${style} → grayscale(1)`]);
      expect(video.style.filter).toBe('grayscale(1)');
    },
  );

  it('sizes the blur to the picture as displayed once the video knows its own size', async () => {
    const { video } = await openVideo();
    Object.defineProperty(video, 'videoWidth', { configurable: true, value: 360 });
    Object.defineProperty(video, 'videoHeight', { configurable: true, value: 640 });
    fireEvent(video, new Event('loadedmetadata'));
    // A portrait 360 × 640 video in the 1000 × 800 frame shows 450 × 800: strong = 2 % of 800.
    expect(video.style.filter).toBe('grayscale(1) blur(16.0px)');
    expect(displayedLongEdgePx({ widthPx: 0, heightPx: 0 }, null)).toBe(UNMEASURED_LONG_EDGE_PX);
    expect(displayedLongEdgePx({ widthPx: 1000, heightPx: 800 }, null)).toBe(1000);
  });

  it('never autoplays, is muted (property and attribute), has no native controls and stays hidden until loaded', async () => {
    const { video } = await openVideo();
    expect(video.hasAttribute('autoplay')).toBe(false);
    expect(video.autoplay).toBe(false);
    expect(video.muted).toBe(true);
    expect(video.hasAttribute('muted')).toBe(true);
    expect(video.hasAttribute('controls')).toBe(false);
    expect(video.getAttribute('preload')).toBe('metadata');
    expect(video.hasAttribute('playsinline')).toBe(true);
    expect(video.paused).toBe(true);
    expect(video.style.visibility).toBe('hidden');
    fireEvent(video, new Event('loadeddata'));
    expect(video.style.visibility).toBe('visible');
  });

  it('plays, pauses, mutes and unmutes only through its own named buttons', async () => {
    const { viewer, video, user } = await openVideo();
    await user.click(within(viewer).getByRole('button', { name: 'Play' }));
    expect(video.paused).toBe(false);
    await user.click(within(viewer).getByRole('button', { name: 'Pause' }));
    expect(video.paused).toBe(true);
    await user.click(within(viewer).getByRole('button', { name: 'Unmute' }));
    expect(video.muted).toBe(false);
    await user.click(within(viewer).getByRole('button', { name: 'Mute' }));
    expect(video.muted).toBe(true);
  });

  it('Reveal plays the original at the same position, blur lifted (greyscale stays), for revealDurationSec', async () => {
    const { viewer, video } = await openVideo({ revealDurationSec: 5 });
    video.currentTime = 1.5;
    vi.useFakeTimers();
    fireEvent.click(within(viewer).getByRole('button', { name: 'Reveal' }));
    const original = viewer.querySelector('video')!;
    expect(original.getAttribute('src')).toBe('veil-media://item/it-0000003/original?grey=1&blur=strong');
    expect(original.style.filter).toBe('grayscale(1)');
    fireEvent(original, new Event('loadedmetadata'));
    expect(original.currentTime).toBe(1.5);
    original.currentTime = 2.5;
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    const veiled = viewer.querySelector('video')!;
    // The original's player let go of its src: a <video> out of the page would go on asking for the original's bytes.
    expect(original.hasAttribute('src')).toBe(false);
    // The derivative that starts where the original was (one from its start would not reach 2.5 s before it was made).
    expect(veiled.getAttribute('src')).toBe('veil-media://item/it-0000003/veiled?grey=1&blur=strong&from=2.5');
    expect(veiled.style.filter).toBe('grayscale(1) blur(20.0px)');
    // That derivative's own timestamps start at 2.5 s (Chromium's currentTime follows them; e2e veiled-video.test.ts):
    // the player does not seek in it, which it could not do in a stream.
    fireEvent(veiled, new Event('loadedmetadata'));
    expect(veiled.getAttribute('src')).toMatch(/&from=2\.5$/);
  });

  it('keeps a move made while the derivative loads, and a jump then starts from where the player is going', async () => {
    const { viewer, video } = await openVideo();
    const picture = within(viewer).getByRole('group', { name: 'Video' });
    const slider = within(viewer).getByRole('slider', { name: 'Position' });
    // The derivative still being made: a stream Chromium cannot seek in (seekable [0, 0]).
    setElementState(video, { readyState: HTMLMediaElement.HAVE_ENOUGH_DATA, currentTimeSec: 0, durationSec: 70, seekableEndSec: 0 });
    fireEvent(video, new Event('loadedmetadata'));
    fireEvent(video, new Event('loadeddata'));
    fireEvent.keyDown(picture, { key: 'ArrowRight', shiftKey: true });
    expect(video.getAttribute('src')).toMatch(/&from=30$/);
    // The element is emptied while the derivative from 30 s loads. Chromium would clamp a position set now to the
    // stream's [0, 0] once loaded (e2e video-controls.test.ts failed so), and 5 s on from its 0 would be 5 s.
    setElementState(video, { readyState: HTMLMediaElement.HAVE_NOTHING, currentTimeSec: 0, durationSec: Number.NaN, seekableEndSec: 0 });
    fireEvent.keyDown(picture, { key: 'ArrowRight' });
    expect(slider.getAttribute('aria-valuetext')).toBe('0:35 of 1:10');
    expect(video.currentTime).toBe(0);
    setElementState(video, { readyState: HTMLMediaElement.HAVE_METADATA, currentTimeSec: 30, durationSec: 70, seekableEndSec: 0 });
    fireEvent(video, new Event('loadedmetadata'));
    expect(video.getAttribute('src')).toMatch(/&from=35$/);
    // Once that one has loaded where it was asked to start, the player stays there.
    setElementState(video, { readyState: HTMLMediaElement.HAVE_METADATA, currentTimeSec: 35, durationSec: 70, seekableEndSec: 0 });
    fireEvent(video, new Event('loadedmetadata'));
    fireEvent(video, new Event('loadeddata'));
    expect(video.getAttribute('src')).toMatch(/&from=35$/);
    expect(slider.getAttribute('aria-valuetext')).toBe('0:35 of 1:10');
    // Finished, the derivative from 35 s is served with ranges and Chromium calls it seekable from 0: it still holds
    // nothing before 35 s, so Home asks for the one from the start (e2e: a seek there stayed at 35 s).
    setElementState(video, { readyState: HTMLMediaElement.HAVE_ENOUGH_DATA, currentTimeSec: 35, durationSec: 70, seekableEndSec: 70 });
    fireEvent.keyDown(picture, { key: 'Home' });
    expect(video.getAttribute('src')).toBe('veil-media://item/it-0000003/veiled?grey=1&blur=strong');
  });

  it('has a storyboard of nine frames as canvases, and no second video in the page', async () => {
    const { viewer } = await openVideo();
    const storyboard = within(viewer).getByRole('region', { name: 'Storyboard' });
    expect(storyboard.querySelectorAll('canvas')).toHaveLength(9);
    expect(within(storyboard).getAllByRole('button')).toHaveLength(9);
    expect(document.querySelectorAll('video')).toHaveLength(1);
  });

  it.each([
    ['en', 'Preparing the veiled video…'],
    ['fr-CA', 'Préparation de la vidéo voilée…'],
  ] as const)('in %s, says the veiled video is being prepared until its first frame can play', async (language, words) => {
    const { viewer, video } = await openVideo({ language });
    fireEvent(video, new Event('loadstart'));
    // Not a black box and "0:00 of 0:00" for the seconds the worker takes to make the derivative: said, and announced.
    const preparing = await within(viewer).findByText(words);
    expect(preparing.getAttribute('role')).toBe('status');
    fireEvent(video, new Event('loadeddata'));
    expect(within(viewer).queryByText(words)).toBeNull();
    expect(preparing.isConnected).toBe(true);
  });

  it('shows why the video cannot play in its place when the derivative fails', async () => {
    let damaged = false;
    const { viewer, video } = await openVideo({}, (index) =>
      index === 3 && damaged ? { ...fakeItem(3), error: { code: 'decode-failed', detail: 'moov atom not found' } } : fakeItem(index),
    );
    damaged = true;
    fireEvent(video, new Event('loadstart'));
    fireEvent(video, new Event('error'));
    expect(await within(viewer).findByText('The file is damaged or incomplete.')).toBeTruthy();
    expect(viewer.querySelector('video')).toBeNull();
    expect(within(viewer).queryByText('Preparing the veiled video…')).toBeNull();
  });
});
