import { act, fireEvent } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ExposureReportingProvider } from '../../../../renderer/features/exposure/exposure-reporting';
import { Storyboard } from '../../../../renderer/features/viewer/storyboard';
import { createFakeVeil, FAKE_CASE_ID } from '../../fakes/fake-veil';
import { renderWithProviders } from '../../render-app';

function setUp() {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => ({ drawImage: () => undefined })) as never);
  const grid = document.createElement('img');
  Object.defineProperty(grid, 'naturalWidth', { configurable: true, value: 960 });
  Object.defineProperty(grid, 'naturalHeight', { configurable: true, value: 540 });
  const fake = createFakeVeil({ itemCount: 10 });
  vi.useFakeTimers();
  renderWithProviders(
    <ExposureReportingProvider caseId={FAKE_CASE_ID}>
      <Storyboard
        url="veil-media://item/it-0000003/storyboard?grey=1&blur=medium"
        itemId="it-0000003"
        greyscale
        blur="medium"
        durationSec={90}
        onSeek={() => undefined}
        createImage={() => grid}
      />
    </ExposureReportingProvider>,
    fake.client,
  );
  return { fake, grid };
}

const lastSurfaces = (fake: ReturnType<typeof createFakeVeil>) => fake.handlers.reportVisibility.mock.calls.at(-1)?.[0].surfaces;

describe('Storyboard exposure', () => {
  it('reports the storyboard once its frames are drawn, not while the grid is loading', async () => {
    const { fake, grid } = setUp();
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(lastSurfaces(fake)).toEqual([]);
    fireEvent(grid, new Event('load'));
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(lastSurfaces(fake)).toEqual([{ surface: 'storyboard', itemIds: ['it-0000003'], filter: { greyscale: true, blur: 'medium', reveal: 'none' } }]);
  });

  it('reports nothing when the grid never loads (an error answer draws nothing)', async () => {
    const { fake, grid } = setUp();
    fireEvent(grid, new Event('error'));
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(lastSurfaces(fake)).toEqual([]);
  });
});
