import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeVeil, fakeItem, type FakeVeilOptions } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';

async function openViewerOn(name: string, options: FakeVeilOptions = {}) {
  const fake = createFakeVeil(options);
  await renderApp(fake);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('gridcell', { name: new RegExp(`${name.replace('.', '\\.')}`) }));
  const viewer = await screen.findByRole('region', { name: 'Viewer' });
  return { fake, user, viewer };
}

const unblurred = () => document.querySelectorAll<HTMLImageElement>('img[src*="blur=off"]');
const stageOf = (viewer: HTMLElement) => viewer.querySelector<HTMLElement>('.image-stage')!;

describe('Viewer, images', () => {
  it('shows the filtered view derivative and requests no unblurred picture before a reveal', async () => {
    const { viewer } = await openViewerOn('photo-000000.jpg');
    const veiled = within(viewer).getByRole('img', { name: 'photo-000000.jpg' });
    expect(veiled.getAttribute('src')).toBe('veil-media://item/it-0000000/view?grey=1&blur=strong');
    expect(veiled.className).not.toContain('is-loaded');
    fireEvent.load(veiled);
    expect(veiled.className).toContain('is-loaded');
    expect(unblurred()).toHaveLength(0);
  });

  it('shows a spotlight only while R is held, clipped to a circle, and only once loaded', async () => {
    const { viewer } = await openViewerOn('photo-000000.jpg');
    fireEvent.keyDown(viewer, { key: 'r' });
    const [layer] = unblurred();
    expect(layer?.getAttribute('src')).toBe('veil-media://item/it-0000000/view?grey=1&blur=off');
    // Still underneath and invisible until it has loaded.
    expect(layer?.className).not.toContain('is-ready');
    fireEvent.load(layer!);
    expect(layer?.className).toContain('is-ready');
    // 15 % of the 800 px shorter side, centred while the pointer has not moved.
    expect(layer?.style.clipPath).toBe('circle(120.0px at 500.0px 400.0px)');

    fireEvent.pointerMove(stageOf(viewer), { clientX: 100, clientY: 50 });
    expect(unblurred()[0]?.style.clipPath).toBe('circle(120.0px at 100.0px 50.0px)');
    fireEvent.keyDown(viewer, { key: 'r', repeat: true });
    expect(unblurred()).toHaveLength(1);

    fireEvent.keyUp(viewer, { key: 'r' });
    expect(unblurred()).toHaveLength(0);
  });

  it('ends a held spotlight when the window loses focus', async () => {
    const { viewer } = await openViewerOn('photo-000000.jpg');
    fireEvent.keyDown(viewer, { key: 'r' });
    expect(unblurred()).toHaveLength(1);
    fireEvent.blur(window);
    expect(unblurred()).toHaveLength(0);
  });

  it('never reveals on an ordinary press; Shift + press holds the spotlight until release', async () => {
    const { viewer } = await openViewerOn('photo-000000.jpg');
    const stage = stageOf(viewer);
    fireEvent.pointerDown(stage, { button: 0, clientX: 10, clientY: 20 });
    expect(unblurred()).toHaveLength(0);
    fireEvent.pointerUp(stage);

    fireEvent.pointerDown(stage, { button: 0, shiftKey: true, clientX: 10, clientY: 20 });
    expect(unblurred()).toHaveLength(1);
    fireEvent.pointerUp(stage);
    expect(unblurred()).toHaveLength(0);
  });

  it('Reveal shows the whole unblurred picture and re-veils itself after revealDurationSec', async () => {
    const { viewer } = await openViewerOn('photo-000000.jpg', { settings: { revealDurationSec: 10 } });
    vi.useFakeTimers();
    fireEvent.click(within(viewer).getByRole('button', { name: 'Reveal' }));
    const [layer] = unblurred();
    expect(layer?.getAttribute('src')).toBe('veil-media://item/it-0000000/view?grey=1&blur=off');
    expect(layer?.style.clipPath).toBe('');
    expect(layer?.className).not.toContain('is-ready');
    fireEvent.load(layer!);
    expect(layer?.className).toContain('is-ready');
    expect(within(viewer).getByRole('timer').textContent).toBe('Veils again in 10 s');

    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(within(viewer).getByRole('timer').textContent).toBe('Veils again in 7 s');
    act(() => {
      vi.advanceTimersByTime(6_999);
    });
    expect(unblurred()).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(unblurred()).toHaveLength(0);
    expect(within(viewer).queryByRole('timer')).toBeNull();
    expect(within(viewer).getByRole('button', { name: 'Reveal' })).toBeTruthy();
  });

  it('can end a reveal early', async () => {
    const { viewer, user } = await openViewerOn('photo-000000.jpg');
    await user.click(within(viewer).getByRole('button', { name: 'Reveal' }));
    expect(unblurred()).toHaveLength(1);
    await user.click(within(viewer).getByRole('button', { name: 'End reveal' }));
    expect(unblurred()).toHaveLength(0);
  });

  it('brings back the veil, not the revealed item, when media is resumed after Escape', async () => {
    const { viewer, user } = await openViewerOn('photo-000000.jpg');
    await user.click(within(viewer).getByRole('button', { name: 'Reveal' }));
    expect(unblurred()).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(unblurred()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(unblurred()).toHaveLength(0);
    expect(within(screen.getByRole('region', { name: 'Viewer' })).getByRole('button', { name: 'Reveal' })).toBeTruthy();
  });

  it('keeps colour off in reveals unless the settings allow it', async () => {
    const { viewer, user } = await openViewerOn('photo-000000.jpg', { settings: { revealInColour: true } });
    await user.click(within(viewer).getByRole('button', { name: 'Reveal' }));
    expect(unblurred()[0]?.getAttribute('src')).toBe('veil-media://item/it-0000000/view?grey=0&blur=off');
  });

  it('steps through items with the arrow keys and starts each one veiled', async () => {
    const { viewer, user } = await openViewerOn('photo-000000.jpg');
    await user.click(within(viewer).getByRole('button', { name: 'Reveal' }));
    act(() => viewer.focus());
    await user.keyboard('{ArrowRight}');
    expect(within(viewer).getByRole('heading', { name: 'photo-000001.jpg' })).toBeTruthy();
    expect(unblurred()).toHaveLength(0);
    expect(within(viewer).getByText(/2 of 100,000/)).toBeTruthy();
    await user.keyboard('{ArrowLeft}');
    expect(within(viewer).getByRole('heading', { name: 'photo-000000.jpg' })).toBeTruthy();
  });

  it('shows the reason instead of a picture for an item that failed', async () => {
    const { viewer } = await openViewerOn('photo-000002.jpg', {
      items: (index) => ({ ...fakeItem(index), error: index === 2 ? { code: 'decode-failed', detail: 'bad Huffman code' } : null }),
    });
    expect(within(viewer).getByText('The file is damaged or incomplete.')).toBeTruthy();
    expect(within(viewer).getByText('bad Huffman code')).toBeTruthy();
    expect(within(viewer).getByRole('button', { name: 'Reveal' })).toHaveProperty('disabled', true);
    expect(viewer.querySelector('img')).toBeNull();
  });
});

describe('Viewer, where the file is', () => {
  it("shows the item's folder and every path of its identical copies", async () => {
    const { viewer, user } = await openViewerOn('photo-000001.jpg', {
      items: (index) =>
        index === 1 ? { ...fakeItem(1), duplicatePaths: ['.trash/photo-000001.jpg', 'copy/photo-000001.jpg'], stackSize: 3 } : fakeItem(index),
    });
    expect(within(viewer).getByText('Folder: evidence')).toBeTruthy();
    expect(within(viewer).getByText('The same file is also at 2 other paths:')).toBeTruthy();
    expect(
      within(viewer)
        .getAllByRole('listitem')
        .map((entry) => entry.textContent),
    ).toEqual(['.trash/photo-000001.jpg', 'copy/photo-000001.jpg']);
    await user.click(within(viewer).getByRole('button', { name: 'Previous item' }));
    expect(await within(viewer).findByRole('heading', { name: 'photo-000000.jpg' })).toBeTruthy();
    expect(within(viewer).queryByText(/also at/)).toBeNull();
  });
});
