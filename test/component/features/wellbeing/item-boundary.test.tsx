import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

async function openItem(name: string) {
  const fake = createFakeVeil();
  await renderApp(fake);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('gridcell', { name: new RegExp(`^${name.replace('.', '\\.')}`) }));
  const viewer = await screen.findByRole('region', { name: 'Viewer' });
  return { fake, user, viewer };
}

describe('Item boundaries', () => {
  it('are reported when the viewer closes and when it moves to another item, not while an item stays open', async () => {
    const { fake, user, viewer } = await openItem('photo-000000.jpg');
    expect(fake.handlers.reportItemBoundary).not.toHaveBeenCalled();

    await user.click(within(viewer).getByRole('button', { name: 'Next item' }));
    await waitFor(() => expect(fake.handlers.reportItemBoundary).toHaveBeenCalledTimes(1));
    expect(within(viewer).getByRole('heading', { name: 'photo-000001.jpg' })).toBeTruthy();

    await user.click(within(viewer).getByRole('button', { name: 'Back to grid' }));
    await waitFor(() => expect(fake.handlers.reportItemBoundary).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('region', { name: 'Viewer' })).toBeNull();
  });

  it('is reported when the video pauses or ends', async () => {
    const { fake, user, viewer } = await openItem('clip-000003.mp4');
    const video = viewer.querySelector('video')!;
    await user.click(within(viewer).getByRole('button', { name: 'Play' }));
    expect(fake.handlers.reportItemBoundary).not.toHaveBeenCalled();
    await user.click(within(viewer).getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(fake.handlers.reportItemBoundary).toHaveBeenCalledTimes(1));

    act(() => {
      video.dispatchEvent(new Event('ended'));
    });
    await waitFor(() => expect(fake.handlers.reportItemBoundary).toHaveBeenCalledTimes(2));
  });
});
