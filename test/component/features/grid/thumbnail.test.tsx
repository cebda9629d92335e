import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Thumbnail, THUMB_REQUEST_DELAY_MS } from '../../../../renderer/features/grid/thumbnail';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderWithProviders } from '../../render-app';

describe('Thumbnail', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks for its picture only once the tile has stayed on screen, so a fast scroll requests nothing', () => {
    const { client } = createFakeVeil();
    const view = renderWithProviders(<Thumbnail url="veil-media://item/x/thumb?grey=1&blur=strong" index={0} itemId="it-0000000" onFailed={() => undefined} />, client);
    act(() => {
      vi.advanceTimersByTime(THUMB_REQUEST_DELAY_MS - 1);
    });
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.querySelector('.tile-placeholder')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(view.container.querySelector('img')?.getAttribute('src')).toBe('veil-media://item/x/thumb?grey=1&blur=strong');
  });
});
