import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { storyboardTimes } from '../../../../shared/media/storyboard';
import { Storyboard } from '../../../../renderer/features/viewer/storyboard';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderWithProviders } from '../../render-app';

interface FakeContext {
  filter: string;
  draws: { filter: string; source: unknown[] }[];
  drawImage: (...args: unknown[]) => void;
}

/** A 2D context that records each drawImage: the filter active and the source rectangle. */
function fakeContext(): FakeContext {
  const ctx: FakeContext = {
    filter: 'none',
    draws: [],
    drawImage: (...args: unknown[]) => ctx.draws.push({ filter: ctx.filter, source: args.slice(1, 5) }),
  };
  return ctx;
}

const GRID_URL = 'veil-media://item/it-0000003/storyboard?grey=1&blur=strong';

function setUp(durationSec = 90) {
  const ctx = fakeContext();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => ctx) as never);
  // The worker's grid: 3 × 3 tiles of 320 × 180.
  const grid = document.createElement('img');
  Object.defineProperty(grid, 'naturalWidth', { configurable: true, value: 960 });
  Object.defineProperty(grid, 'naturalHeight', { configurable: true, value: 540 });
  const onSeek = vi.fn();
  const fake = createFakeVeil({ itemCount: 1 });
  renderWithProviders(
    <Storyboard url={GRID_URL} itemId="it-0000003" greyscale blur="strong" durationSec={durationSec} onSeek={onSeek} createImage={() => grid} />,
    fake.client,
  );
  return { ctx, grid, onSeek };
}

describe('Storyboard', () => {
  it('spaces nine times evenly inside the video', () => {
    expect(storyboardTimes(90, 9)).toEqual([5, 15, 25, 35, 45, 55, 65, 75, 85]);
    expect(storyboardTimes(Number.NaN, 9)).toEqual([]);
  });

  it('loads only the worker’s filtered grid, never the original, and shows each tile in its frame in time order', () => {
    const { ctx, grid } = setUp();
    expect(grid.isConnected).toBe(false);
    expect(grid.getAttribute('src')).toBe(GRID_URL);
    expect(ctx.draws).toEqual([]);
    fireEvent(grid, new Event('load'));
    // Already filtered in its pixels: copied as it is, tile by tile, left to right then down.
    expect(ctx.draws.map((draw) => draw.filter)).toEqual(Array(9).fill('none'));
    expect(ctx.draws.map((draw) => draw.source)).toEqual(Array.from({ length: 9 }, (_, i) => [(i % 3) * 320, Math.floor(i / 3) * 180, 320, 180]));
    expect(screen.getByRole('region', { name: 'Storyboard' })).toBeTruthy();
  });

  it('seeks the main video when a frame is chosen, once the duration is known', () => {
    const { onSeek } = setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Go to 0:25' }));
    expect(onSeek).toHaveBeenCalledWith(25);
  });

  it('offers no frame to seek to before the duration is known', () => {
    setUp(0);
    expect(screen.getAllByRole('button').every((button) => (button as HTMLButtonElement).disabled)).toBe(true);
  });
});
