import { act, fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Thumbnail, THUMB_REQUEST_DELAY_MS } from '../../../../renderer/features/grid/thumbnail';
import { RELEASE_BATCH_MS, ThumbnailReleaser } from '../../../../renderer/features/grid/thumbnail-release';
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
    const view = renderWithProviders(
      <Thumbnail url="veil-media://item/x/thumb?grey=1&blur=strong" index={0} itemId="it-0000000" onFailed={() => undefined} />,
      client,
    );
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

  it('asks at once when mounted while the grid is still (the first screen)', () => {
    const { client } = createFakeVeil();
    const view = renderWithProviders(
      <Thumbnail url="veil-media://item/x/thumb" index={0} itemId="it-0000000" onFailed={() => undefined} requestDelayMs={0} />,
      client,
    );
    expect(view.container.querySelector('img')?.getAttribute('src')).toBe('veil-media://item/x/thumb');
  });

  it('releases its item over the contract when it leaves the screen before its picture came, not after', () => {
    const fake = createFakeVeil();
    const releaser = new ThumbnailReleaser((itemIds) => fake.client.call('releaseThumbnails', { itemIds }));
    const pending = renderWithProviders(
      <Thumbnail url="u1" index={0} itemId="it-0000001" onFailed={() => undefined} requestDelayMs={0} releaser={releaser} />,
      fake.client,
    );
    const shown = renderWithProviders(
      <Thumbnail url="u2" index={1} itemId="it-0000002" onFailed={() => undefined} requestDelayMs={0} releaser={releaser} />,
      fake.client,
    );
    fireEvent.load(shown.container.querySelector('img')!);
    pending.unmount();
    shown.unmount();
    act(() => {
      vi.advanceTimersByTime(RELEASE_BATCH_MS);
    });
    expect(fake.handlers.releaseThumbnails).toHaveBeenCalledTimes(1);
    expect(fake.handlers.releaseThumbnails).toHaveBeenCalledWith({ itemIds: ['it-0000001'] });
  });

  it('does not release an item whose tile came back meanwhile, and asks again once if the release caught its request', () => {
    const fake = createFakeVeil();
    const releaser = new ThumbnailReleaser((itemIds) => fake.client.call('releaseThumbnails', { itemIds }));
    const onFailed = vi.fn();
    renderWithProviders(
      <Thumbnail url="u1" index={0} itemId="it-0000001" onFailed={() => undefined} requestDelayMs={0} releaser={releaser} />,
      fake.client,
    ).unmount();
    act(() => {
      vi.advanceTimersByTime(RELEASE_BATCH_MS);
    });
    expect(fake.handlers.releaseThumbnails).toHaveBeenCalledWith({ itemIds: ['it-0000001'] });

    const back = renderWithProviders(
      <Thumbnail url="u1" index={0} itemId="it-0000001" onFailed={onFailed} requestDelayMs={0} releaser={releaser} />,
      fake.client,
    );
    const first = back.container.querySelector('img')!;
    fireEvent.error(first);
    expect(onFailed).not.toHaveBeenCalled();
    const second = back.container.querySelector('img')!;
    expect(second).not.toBe(first);
    fireEvent.error(second);
    expect(onFailed).toHaveBeenCalledTimes(1);

    const again = renderWithProviders(
      <Thumbnail url="u3" index={2} itemId="it-0000003" onFailed={() => undefined} requestDelayMs={0} releaser={releaser} />,
      fake.client,
    );
    again.unmount();
    renderWithProviders(<Thumbnail url="u3" index={2} itemId="it-0000003" onFailed={() => undefined} requestDelayMs={0} releaser={releaser} />, fake.client);
    act(() => {
      vi.advanceTimersByTime(RELEASE_BATCH_MS);
    });
    expect(fake.handlers.releaseThumbnails).toHaveBeenCalledTimes(1);
  });
});
