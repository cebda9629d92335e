import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Storyboard, storyboardTimes } from '../../../../renderer/features/viewer/storyboard';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderWithProviders } from '../../render-app';

interface FakeContext {
  filter: string;
  drawnWithFilters: string[];
  drawImage: (...args: unknown[]) => void;
}

/** A 2D context that records which filter was active at each drawImage. */
function fakeContext(supportsFilter: boolean): FakeContext {
  let filter = 'none';
  const ctx: FakeContext = {
    get filter() {
      return filter;
    },
    set filter(value: string) {
      if (supportsFilter) filter = value;
    },
    drawnWithFilters: [],
    drawImage: () => ctx.drawnWithFilters.push(filter),
  };
  return ctx;
}

function setUp(supportsFilter = true) {
  const ctx = fakeContext(supportsFilter);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => ctx) as never);
  const source = document.createElement('video');
  Object.defineProperty(source, 'duration', { configurable: true, value: 90 });
  Object.defineProperty(source, 'videoWidth', { configurable: true, value: 1280 });
  Object.defineProperty(source, 'videoHeight', { configurable: true, value: 720 });
  const onSeek = vi.fn();
  const fake = createFakeVeil({ itemCount: 1 });
  renderWithProviders(
    <Storyboard
      url="veil-media://item/it-0000003/original?grey=1&blur=strong"
      itemId="it-0000003"
      greyscale
      blur="strong"
      onSeek={onSeek}
      createVideo={() => source}
    />,
    fake.client,
  );
  return { ctx, source, onSeek };
}

function runThroughFrames(source: HTMLVideoElement) {
  fireEvent(source, new Event('loadedmetadata'));
  for (let i = 0; i < 9; i += 1) fireEvent(source, new Event('seeked'));
}

describe('Storyboard', () => {
  it('spaces nine times evenly inside the video', () => {
    expect(storyboardTimes(90, 9)).toEqual([5, 15, 25, 35, 45, 55, 65, 75, 85]);
    expect(storyboardTimes(Number.NaN, 9)).toEqual([]);
  });

  it('uses a detached, muted frame source and sets the filter before every draw', () => {
    const { ctx, source } = setUp();
    expect(source.isConnected).toBe(false);
    expect(source.muted).toBe(true);
    expect(source.preload).toBe('auto');
    expect(source.getAttribute('src')).toBe('veil-media://item/it-0000003/original?grey=1&blur=strong');
    fireEvent(source, new Event('loadedmetadata'));
    expect(source.currentTime).toBe(5);
    runThroughFrames(source);
    // 160 × 90 canvas: strong blur is 2 % of the 160 px long edge.
    expect(ctx.drawnWithFilters).toEqual(Array(9).fill('grayscale(1) blur(3.2px)'));
    expect(screen.getByRole('region', { name: 'Storyboard' })).toBeTruthy();
  });

  it('draws nothing when the canvas cannot filter', () => {
    const { ctx, source } = setUp(false);
    runThroughFrames(source);
    expect(ctx.drawnWithFilters).toEqual([]);
  });

  it('seeks the main video when a frame is chosen', () => {
    const { source, onSeek } = setUp();
    fireEvent(source, new Event('loadedmetadata'));
    fireEvent.click(screen.getByRole('button', { name: 'Go to 0:25' }));
    expect(onSeek).toHaveBeenCalledWith(25);
  });
});
