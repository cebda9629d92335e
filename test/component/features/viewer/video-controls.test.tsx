import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { VisibilityReport } from '../../../../shared/exposure/visibility-report.js';
import { clampPlaybackRate, clampTimeSec, stepPlaybackRate } from '../../../../renderer/features/viewer/playback-rate';
import { DEFAULT_FRAME_DURATION_SEC, frameStepTargetSec } from '../../../../renderer/features/viewer/use-frame-clock';
import { VideoControls } from '../../../../renderer/features/viewer/video-controls';
import type { UiLanguage } from '../../../../renderer/i18n/i18n';
import { createFakeVeil, fakeItemId, type FakeVeil } from '../../fakes/fake-veil';
import { renderApp, renderWithProviders } from '../../render-app';

/** A <video> of `durationSec` with the controls around it, outside the app: the keys and buttons alone. */
function setUp({ durationSec = 90, language = 'en', frameDurationSec }: { durationSec?: number; language?: UiLanguage; frameDurationSec?: number } = {}) {
  const video = document.createElement('video');
  video.muted = true;
  Object.defineProperty(video, 'duration', { configurable: true, value: durationSec });
  const picture = document.createElement('div');
  picture.tabIndex = 0;
  picture.append(video);
  document.body.append(picture);
  const onToggleMute = vi.fn();
  const onTogglePlay = () => {
    if (video.paused) void video.play();
    else video.pause();
  };
  const fake = createFakeVeil({ itemCount: 1 });
  const view = renderWithProviders(
    <VideoControls
      video={video}
      picture={picture}
      playing={false}
      muted
      timeSec={0}
      durationSec={durationSec}
      onTogglePlay={onTogglePlay}
      onToggleMute={onToggleMute}
      frameDurationSec={frameDurationSec}
    />,
    fake.client,
    language,
  );
  const press = (key: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(picture, { key, ...init });
  return { video, picture, press, onToggleMute, view };
}

/** Runs `body` with Chromium's requestVideoFrameCallback stood in for: `present` calls the next callback as a presented frame. */
function withFrameCallbacks(
  body: (frames: { callbacks: VideoFrameRequestCallback[]; present: (mediaTime: number, presentedFrames: number) => void }) => void,
): void {
  const callbacks: VideoFrameRequestCallback[] = [];
  Object.defineProperty(HTMLVideoElement.prototype, 'requestVideoFrameCallback', {
    configurable: true,
    value: (callback: VideoFrameRequestCallback) => callbacks.push(callback),
  });
  Object.defineProperty(HTMLVideoElement.prototype, 'cancelVideoFrameCallback', { configurable: true, value: () => undefined });
  const present = (mediaTime: number, presentedFrames: number) => {
    const callback = callbacks.shift();
    if (!callback) throw new Error('no frame callback registered');
    callback(0, { mediaTime, presentedFrames, presentationTime: 0, expectedDisplayTime: 0, width: 1, height: 1 });
  };
  try {
    body({ callbacks, present });
  } finally {
    Reflect.deleteProperty(HTMLVideoElement.prototype, 'requestVideoFrameCallback');
    Reflect.deleteProperty(HTMLVideoElement.prototype, 'cancelVideoFrameCallback');
  }
}

describe('Video controls: the rules', () => {
  it('keeps speeds within 0.25× to 4× and positions within the video', () => {
    expect(stepPlaybackRate(1, 1)).toBe(1.25);
    expect(stepPlaybackRate(4, 1)).toBe(4);
    expect(stepPlaybackRate(0.25, -1)).toBe(0.25);
    expect(stepPlaybackRate(1.1, -1)).toBe(1);
    expect(clampPlaybackRate(16)).toBe(4);
    expect(clampPlaybackRate(0)).toBe(0.25);
    expect(clampPlaybackRate(Number.NaN)).toBe(1);
    expect(clampTimeSec(-3, 90)).toBe(0);
    expect(clampTimeSec(95, 90)).toBe(90);
    expect(clampTimeSec(95, Number.NaN)).toBe(95);
  });

  it('steps to the middle of the next or previous frame when the frame on screen is known, else by one frame length', () => {
    const clock = { frameDurationSec: 0.04, mediaTimeSec: 1 };
    expect(frameStepTargetSec(1.01, clock, 1)).toBeCloseTo(1.06);
    expect(frameStepTargetSec(1.01, clock, -1)).toBeCloseTo(0.98);
    // The position is not in the frame the browser last presented: one frame length from the position.
    expect(frameStepTargetSec(2, clock, 1)).toBeCloseTo(2.04);
    expect(frameStepTargetSec(2, { frameDurationSec: DEFAULT_FRAME_DURATION_SEC, mediaTimeSec: null }, -1)).toBeCloseTo(2 - 1 / 30);
  });
});

describe('Video controls: keys', () => {
  it('jumps 5 s with the arrows and 30 s with Shift or the Page keys, never before 0 or past the end', () => {
    const { video, press } = setUp();
    press('ArrowLeft');
    expect(video.currentTime).toBe(0);
    press('ArrowRight');
    expect(video.currentTime).toBe(5);
    press('ArrowRight', { shiftKey: true });
    expect(video.currentTime).toBe(35);
    press('PageUp');
    expect(video.currentTime).toBe(65);
    press('PageUp');
    expect(video.currentTime).toBe(90);
    press('ArrowRight');
    expect(video.currentTime).toBe(90);
    press('ArrowLeft', { shiftKey: true });
    expect(video.currentTime).toBe(60);
    press('Home');
    expect(video.currentTime).toBe(0);
    press('End');
    expect(video.currentTime).toBe(90);
    press('PageDown');
    expect(video.currentTime).toBe(60);
  });

  it('leaves keys with Ctrl, Alt or Meta, and keys it does not use, to the rest of the app', () => {
    const { video, press } = setUp();
    expect(press('ArrowRight', { ctrlKey: true })).toBe(true);
    expect(press('ArrowRight', { altKey: true })).toBe(true);
    expect(press('Backspace')).toBe(true);
    expect(press('n')).toBe(true);
    expect(press('1')).toBe(true);
    expect(video.currentTime).toBe(0);
    // A key it uses is taken (default prevented).
    expect(press('ArrowRight')).toBe(false);
  });

  it('changes speed with [ and ] (or < and >) from 0.25× to 4×, shows it and says it politely', () => {
    const { video, press } = setUp();
    expect(screen.getByText('1×')).toBeTruthy();
    press(']');
    expect(video.playbackRate).toBe(1.25);
    expect(screen.getByRole('status').textContent).toBe('Speed 1.25×');
    for (let i = 0; i < 10; i += 1) press('>');
    expect(video.playbackRate).toBe(4);
    expect(screen.getByText('4×')).toBeTruthy();
    for (let i = 0; i < 12; i += 1) press('[');
    expect(video.playbackRate).toBe(0.25);
    expect(screen.getByText('0.25×')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Speed 0.25×');
    fireEvent.click(screen.getByRole('button', { name: 'Faster' }));
    expect(video.playbackRate).toBe(0.5);
    fireEvent.click(screen.getByRole('button', { name: 'Slower' }));
    fireEvent.click(screen.getByRole('button', { name: 'Slower' }));
    expect(video.playbackRate).toBe(0.25);
  });

  it('steps one frame with , and . only while paused (1/30 s where the browser cannot tell the frame)', () => {
    const { video, press } = setUp();
    press('.');
    expect(video.currentTime).toBeCloseTo(1 / 30);
    press('.');
    expect(video.currentTime).toBeCloseTo(2 / 30);
    press(',');
    expect(video.currentTime).toBeCloseTo(1 / 30);
    press(',');
    press(',');
    expect(video.currentTime).toBe(0);
    press('k');
    expect(video.paused).toBe(false);
    press('.');
    expect(video.currentTime).toBe(0);
    expect(screen.getByRole('status').textContent).toBe('Pause the video to step one frame at a time.');
    press(' ');
    expect(video.paused).toBe(true);
  });

  it('uses the frame length the browser shows while playing (requestVideoFrameCallback)', () => {
    withFrameCallbacks(({ callbacks, present }) => {
      const { video, press, view } = setUp();
      press('k');
      present(0, 1);
      present(0.04, 2); // 25 frames a second
      present(0.12, 3); // a dropped frame is longer, never shorter
      press('k');
      video.currentTime = 1.01;
      present(1, 4); // the frame shown after the seek starts at 1.00
      press('.');
      expect(video.currentTime).toBeCloseTo(1.06);
      expect(callbacks).toHaveLength(1);
      view.unmount();
    });
  });

  it('steps by the known frame length of the veiled derivative, even when a loaded machine presents every third frame', () => {
    withFrameCallbacks(({ present }) => {
      const { video, press, view } = setUp({ frameDurationSec: 1 / 12 });
      press('k');
      present(0, 1);
      present(0.25, 2); // Chromium dropped two frames before presenting: the gap is three frames long
      present(0.5, 3);
      press('k');
      video.currentTime = 0;
      press('.');
      expect(video.currentTime).toBeCloseTo(1 / 12);
      view.unmount();
    });
  });

  it('mutes with M but never turns sound on from a key: only the Unmute button asks for it', () => {
    const { video, press, onToggleMute } = setUp();
    for (const key of ['m', 'M', 'k', 'K', ' ', 'ArrowRight', ']', '.', 'End', 'Home', 'u']) press(key);
    expect(video.muted).toBe(true);
    expect(onToggleMute).not.toHaveBeenCalled();
    video.muted = false;
    press('m');
    expect(video.muted).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    expect(onToggleMute).toHaveBeenCalledTimes(1);
  });
});

describe('Video controls: the timeline and the buttons', () => {
  it('is a slider with the time in words, moved by its own keys and by the pointer on its rail', () => {
    const { video, view } = setUp({ durationSec: 200 });
    const slider = screen.getByRole('slider', { name: 'Position' });
    expect(slider.getAttribute('aria-valuetext')).toBe('0:00 of 3:20');
    expect(slider.getAttribute('aria-valuemax')).toBe('200');
    fireEvent.keyDown(slider, { key: 'ArrowUp' });
    expect(video.currentTime).toBe(5);
    fireEvent.keyDown(slider, { key: 'PageUp' });
    expect(video.currentTime).toBe(35);
    fireEvent.keyDown(slider, { key: 'ArrowDown' });
    expect(video.currentTime).toBe(30);
    fireEvent.keyDown(slider, { key: 'End' });
    expect(video.currentTime).toBe(200);
    // The test box is 1000 px wide from x = 0: a press at 250 px is a quarter of the way.
    const rail = view.container.querySelector('.video-timeline-rail')!;
    fireEvent.pointerDown(rail, { clientX: 250, pointerId: 1 });
    expect(video.currentTime).toBe(50);
    fireEvent.pointerMove(rail, { clientX: 500, pointerId: 1 });
    expect(video.currentTime).toBe(100);
    fireEvent.pointerUp(rail, { pointerId: 1 });
    fireEvent.pointerMove(rail, { clientX: 750, pointerId: 1 });
    expect(video.currentTime).toBe(100);
  });

  it('names every button and moves the video from each', () => {
    const { video } = setUp();
    const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
    click('Forward 30 s');
    expect(video.currentTime).toBe(30);
    click('Forward 5 s');
    expect(video.currentTime).toBe(35);
    click('Back 5 s');
    expect(video.currentTime).toBe(30);
    click('Back 30 s');
    expect(video.currentTime).toBe(0);
    click('Next frame');
    expect(video.currentTime).toBeCloseTo(1 / 30);
    click('Previous frame');
    expect(video.currentTime).toBe(0);
    for (const button of screen.getAllByRole('button')) expect(button.textContent === '' && !button.getAttribute('aria-label')).toBe(false);
    click('Play');
    expect(video.paused).toBe(false);
  });

  it('speaks Canadian French: the speed with a decimal comma and the position with "sur"', () => {
    const { press } = setUp({ durationSec: 200, language: 'fr-CA' });
    expect(screen.getByRole('slider', { name: 'Position' }).getAttribute('aria-valuetext')).toBe('0:00 sur 3:20');
    act(() => {
      press('[');
      press('[');
    });
    expect(screen.getByText('0,5×')).toBeTruthy();
    press('[');
    expect(screen.getByRole('status').textContent).toBe('Vitesse 0,25×');
    expect(screen.getByRole('button', { name: 'Reculer de 30\u00a0s' })).toBeTruthy();
    expect(within(screen.getByRole('button', { name: 'Image suivante' })).getByText('Image ▸')).toBeTruthy();
    // Said for a step back too: not "avancer" (forward) alone.
    press('k');
    press(',');
    expect(screen.getByRole('status').textContent).toBe('Mettez la vidéo en pause pour la parcourir image par image.');
  });
});

async function openVideoInApp() {
  const fake = createFakeVeil();
  await renderApp(fake);
  fireEvent.click(await screen.findByRole('gridcell', { name: 'clip-000003.mp4, MP4 Video' }));
  const viewer = await screen.findByRole('region', { name: 'Viewer' });
  const video = viewer.querySelector('video')!;
  // Loaded as Chromium has it once the derivative is finished (jsdom loads nothing): 90 s, all of it seekable.
  Object.defineProperty(video, 'duration', { configurable: true, value: 90 });
  Object.defineProperty(video, 'readyState', { configurable: true, value: HTMLMediaElement.HAVE_ENOUGH_DATA });
  Object.defineProperty(video, 'seekable', { configurable: true, value: { length: 1, start: () => 0, end: () => 90 } });
  fireEvent(video, new Event('loadedmetadata'));
  fireEvent(video, new Event('loadeddata'));
  const picture = within(viewer).getByRole('group', { name: 'Video' });
  return { fake, viewer, video, picture };
}

function videoReports(fake: FakeVeil): VisibilityReport['video'][] {
  return fake.handlers.reportVisibility.mock.calls.map(([report]) => report.video);
}

describe('Video controls in the viewer', () => {
  it('takes ←/→ while the video has focus; elsewhere in the viewer they still change item', async () => {
    const { viewer, video, picture } = await openVideoInApp();
    expect(picture.tabIndex).toBe(0);
    fireEvent.keyDown(picture, { key: 'ArrowRight' });
    expect(video.currentTime).toBe(5);
    fireEvent.keyDown(within(viewer).getByRole('button', { name: 'Back 5 s' }), { key: 'ArrowRight', shiftKey: true });
    expect(video.currentTime).toBe(35);
    expect(within(viewer).getByRole('heading', { name: 'clip-000003.mp4' })).toBeTruthy();
    fireEvent.keyDown(viewer, { key: 'ArrowRight' });
    expect(await within(viewer).findByRole('heading', { name: 'photo-000004.jpg' })).toBeTruthy();
  });

  it('leaves the review keys, Ctrl+Z and the hide-all key to the app while the video has focus', async () => {
    const { fake, picture } = await openVideoInApp();
    await screen.findByText(/reviewed/);
    picture.focus();
    fireEvent.keyDown(picture, { key: '2' });
    await waitFor(() => expect(fake.handlers.categoriseItem).toHaveBeenCalledWith(expect.objectContaining({ itemId: fakeItemId(3), category: '2' })));
    fireEvent.keyDown(picture, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(fake.handlers.undoDecision).toHaveBeenCalledTimes(1));
    fireEvent.keyDown(picture, { key: 'Escape' });
    expect(await screen.findByText('Media hidden')).toBeTruthy();
  });

  it('leaves the exposure report to the element: speed, jumps and frame steps change neither playing nor audible', async () => {
    const { fake, picture } = await openVideoInApp();
    fireEvent.keyDown(picture, { key: 'k' });
    await waitFor(() => expect(videoReports(fake).at(-1)).toEqual({ playing: true, audible: false }));
    // No frame to step from while playing: the step buttons say so (aria-disabled keeps focus in the player).
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next frame' }).getAttribute('aria-disabled')).toBe('true'));
    const playingFrom = videoReports(fake).length - 1;
    for (const key of [']', ']', '>', 'ArrowRight', 'PageUp', 'ArrowLeft', 'Home', '[', '.', 'm']) fireEvent.keyDown(picture, { key });
    fireEvent.keyDown(picture, { key: ' ' });
    await waitFor(() => expect(videoReports(fake).at(-1)).toEqual({ playing: false, audible: false }));
    const pausedFrom = videoReports(fake).length - 1;
    expect(videoReports(fake).slice(playingFrom, pausedFrom)).toEqual(Array(pausedFrom - playingFrom).fill({ playing: true, audible: false }));
    for (const key of ['.', '.', ',', ']', 'End', 'Home']) fireEvent.keyDown(picture, { key });
    fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    await waitFor(() => expect(videoReports(fake).at(-1)).toMatchObject({ audible: true }));
    const unmutedAt = videoReports(fake).length - 1;
    expect(videoReports(fake).slice(pausedFrom, unmutedAt)).toEqual(Array(unmutedAt - pausedFrom).fill({ playing: false, audible: false }));
  });
});
