import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil } from '../fakes/fake-veil';
import { renderApp } from '../render-app';

const mediaElements = () => document.querySelectorAll('img, video, canvas');

describe('Hide all media', () => {
  it('Escape blanks every picture at once, shows "Media hidden" with focus on Resume, and Resume restores', async () => {
    const fake = createFakeVeil();
    const user = userEvent.setup();
    await renderApp(fake);
    const first = await screen.findByRole('gridcell', { name: 'photo-000000.jpg, JPEG image' });
    act(() => first.focus());
    await waitFor(() => expect(mediaElements().length).toBeGreaterThan(0));

    // fireEvent is synchronous: the DOM must be clean right after the key, with no waiting.
    fireEvent.keyDown(first, { key: 'Escape' });
    expect(mediaElements()).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Media hidden' })).toBeTruthy();
    const resume = screen.getByRole('button', { name: 'Resume' });
    expect(document.activeElement).toBe(resume);
    expect(fake.handlers.getSettings).toHaveBeenCalledTimes(1);

    await user.click(resume);
    expect(screen.queryByRole('heading', { name: 'Media hidden' })).toBeNull();
    await waitFor(() => expect(mediaElements().length).toBeGreaterThan(0));
    expect(document.activeElement).toBe(first);
  });

  it('hides a playing video and its storyboard from inside the viewer, pausing it', async () => {
    const fake = createFakeVeil();
    const user = userEvent.setup();
    await renderApp(fake);
    await user.click(await screen.findByRole('gridcell', { name: 'clip-000003.mp4, MP4 Video' }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    const video = viewer.querySelector('video')!;
    await user.click(within(viewer).getByRole('button', { name: 'Play' }));
    expect(video.paused).toBe(false);
    expect(viewer.querySelectorAll('canvas')).toHaveLength(9);

    await user.keyboard('{Escape}');
    expect(video.paused).toBe(true);
    expect(mediaElements()).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Media hidden' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Resume' }));
    const again = screen.getByRole('region', { name: 'Viewer' }).querySelector('video');
    expect(again).not.toBeNull();
    expect(again?.paused).toBe(true);
    expect(again?.muted).toBe(true);
  });

  it('pauses a playing video when the window is minimised or the tab hidden, so no sound plays uncounted', async () => {
    const fake = createFakeVeil();
    const user = userEvent.setup();
    await renderApp(fake);
    await user.click(await screen.findByRole('gridcell', { name: 'clip-000003.mp4, MP4 Video' }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    const video = viewer.querySelector('video')!;
    await user.click(within(viewer).getByRole('button', { name: 'Play' }));
    expect(video.paused).toBe(false);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      fireEvent(document, new Event('visibilitychange'));
      expect(video.paused).toBe(true);
    } finally {
      // Back to jsdom's own value: files share one document (isolate: false).
      Reflect.deleteProperty(document, 'visibilityState');
    }
  });

  it('ends a held spotlight and refuses new ones while hidden', async () => {
    const fake = createFakeVeil();
    const user = userEvent.setup();
    await renderApp(fake);
    await user.click(await screen.findByRole('gridcell', { name: 'photo-000000.jpg, JPEG image' }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    fireEvent.keyDown(viewer, { key: 'r' });
    expect(document.querySelectorAll('img[src*="blur=off"]')).toHaveLength(1);
    fireEvent.keyDown(viewer, { key: 'Escape' });
    expect(mediaElements()).toHaveLength(0);
    fireEvent.keyDown(document.body, { key: 'r' });
    expect(mediaElements()).toHaveLength(0);
  });

  it('the "Hide all media" button does the same', async () => {
    const fake = createFakeVeil();
    const user = userEvent.setup();
    await renderApp(fake);
    await screen.findByRole('gridcell', { name: 'photo-000000.jpg, JPEG image' });
    await user.click(screen.getByRole('button', { name: 'Hide all media' }));
    expect(mediaElements()).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Resume' })));
  });
});
