import { act, fireEvent } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ExposureReportingProvider } from '../../../../renderer/features/exposure/exposure-reporting';
import { Storyboard } from '../../../../renderer/features/viewer/storyboard';
import { createFakeVeil, FAKE_CASE_ID } from '../../fakes/fake-veil';
import { renderWithProviders } from '../../render-app';

function setUp(supportsFilter: boolean) {
  let filter = 'none';
  const ctx = {
    get filter() {
      return filter;
    },
    set filter(value: string) {
      if (supportsFilter) filter = value;
    },
    drawImage: () => undefined,
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => ctx) as never);
  const source = document.createElement('video');
  Object.defineProperty(source, 'duration', { configurable: true, value: 90 });
  const fake = createFakeVeil({ itemCount: 10 });
  vi.useFakeTimers();
  renderWithProviders(
    <ExposureReportingProvider caseId={FAKE_CASE_ID}>
      <Storyboard
        url="veil-media://item/it-0000003/original?grey=1&blur=medium"
        itemId="it-0000003"
        greyscale
        blur="medium"
        onSeek={() => undefined}
        createVideo={() => source}
      />
    </ExposureReportingProvider>,
    fake.client,
  );
  return { fake, source };
}

const lastSurfaces = (fake: ReturnType<typeof createFakeVeil>) => fake.handlers.reportVisibility.mock.calls.at(-1)?.[0].surfaces;

describe('Storyboard exposure', () => {
  it('reports the storyboard once a filtered frame has been drawn', async () => {
    const { fake, source } = setUp(true);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(lastSurfaces(fake)).toEqual([]);
    fireEvent(source, new Event('loadedmetadata'));
    fireEvent(source, new Event('seeked'));
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(lastSurfaces(fake)).toEqual([{ surface: 'storyboard', itemIds: ['it-0000003'], filter: { greyscale: true, blur: 'medium', reveal: 'none' } }]);
  });

  it('reports nothing when the canvas could not filter and so drew nothing', async () => {
    const { fake, source } = setUp(false);
    fireEvent(source, new Event('loadedmetadata'));
    for (let i = 0; i < 9; i += 1) fireEvent(source, new Event('seeked'));
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(lastSurfaces(fake)).toEqual([]);
  });
});
