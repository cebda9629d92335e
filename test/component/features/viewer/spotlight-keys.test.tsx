import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil } from '../../fakes/fake-veil';
import { chooseInHeaderMenu, headerMenuButton } from '../../header-menu';
import { renderApp } from '../../render-app';

async function openViewer() {
  const fake = createFakeVeil();
  await renderApp(fake);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('gridcell', { name: /^photo-000000\.jpg/ }));
  const viewer = await screen.findByRole('region', { name: 'Viewer' });
  return { user, viewer };
}

const revealLayers = () => document.querySelectorAll<HTMLImageElement>('img[src*="blur=off"]');

/** The spotlight's clip-path once its layer has loaded. */
function clipPath(): string | undefined {
  const [layer] = revealLayers();
  if (layer) fireEvent.load(layer);
  return layer?.style.clipPath;
}

describe('Spotlight keys', () => {
  it('holds the spotlight with R while focus is outside the viewer, on a control that does not type', async () => {
    await openViewer();
    const hideAll = screen.getByRole('button', { name: 'Hide all media' });
    act(() => hideAll.focus());
    fireEvent.keyDown(hideAll, { key: 'r' });
    expect(clipPath()).toBe('circle(120.0px at 500.0px 400.0px)');
    fireEvent.keyUp(hideAll, { key: 'r' });
    expect(revealLayers()).toHaveLength(0);
  });

  it('never reveals from a text field', async () => {
    await openViewer();
    const field = document.body.appendChild(document.createElement('input'));
    act(() => field.focus());
    fireEvent.keyDown(field, { key: 'r' });
    expect(revealLayers()).toHaveLength(0);
    field.remove();
  });

  it('moves the held circle with Shift + arrow keys, 5 % of the shorter side a press, kept on the picture, without changing item', async () => {
    const { viewer } = await openViewer();
    fireEvent.keyDown(viewer, { key: 'r' });
    fireEvent.keyDown(viewer, { key: 'ArrowRight', shiftKey: true });
    expect(clipPath()).toBe('circle(120.0px at 540.0px 400.0px)');
    fireEvent.keyDown(viewer, { key: 'ArrowUp', shiftKey: true });
    expect(clipPath()).toBe('circle(120.0px at 540.0px 360.0px)');
    for (let press = 0; press < 30; press += 1) fireEvent.keyDown(viewer, { key: 'ArrowRight', shiftKey: true });
    expect(clipPath()).toBe('circle(120.0px at 1000.0px 360.0px)');
    expect(within(viewer).getByRole('heading', { name: 'photo-000000.jpg' })).toBeTruthy();
    fireEvent.keyUp(viewer, { key: 'r' });
    expect(revealLayers()).toHaveLength(0);
    // The circle comes back where the keyboard left it.
    fireEvent.keyDown(viewer, { key: 'r' });
    expect(clipPath()).toBe('circle(120.0px at 1000.0px 360.0px)');
  });

  it('ends a held spotlight on moving to the next item, and holds one there on that item, from the centre again', async () => {
    const { viewer } = await openViewer();
    fireEvent.keyDown(viewer, { key: 'r' });
    fireEvent.keyDown(viewer, { key: 'ArrowRight', shiftKey: true });
    expect(clipPath()).toBe('circle(120.0px at 540.0px 400.0px)');
    fireEvent.keyDown(viewer, { key: 'ArrowRight' });
    expect(await within(viewer).findByRole('heading', { name: 'photo-000001.jpg' })).toBeTruthy();
    expect(revealLayers()).toHaveLength(0);
    fireEvent.keyUp(viewer, { key: 'r' });
    // The next item's stage answers the keys at once: its elements are read at each key, not kept from the first item.
    fireEvent.keyDown(viewer, { key: 'r' });
    expect(clipPath()).toBe('circle(120.0px at 500.0px 400.0px)');
    fireEvent.keyDown(viewer, { key: 'ArrowDown', shiftKey: true });
    expect(clipPath()).toBe('circle(120.0px at 500.0px 440.0px)');
    fireEvent.keyUp(viewer, { key: 'r' });
    expect(revealLayers()).toHaveLength(0);
  });

  it("ends a held spotlight when the item's filter style changes under it, and a new press holds one on the new picture", async () => {
    const { viewer } = await openViewer();
    fireEvent.keyDown(viewer, { key: 'r' });
    expect(revealLayers()).toHaveLength(1);
    // A reveal is one deliberate press on the picture shown: another picture (chosen with the mouse, R still down) starts veiled.
    fireEvent.change(within(viewer).getByRole('combobox', { name: 'Filter style for this item' }), { target: { value: 'silhouette' } });
    expect(document.querySelector('img.veiled-layer')?.getAttribute('src')).toContain('style=silhouette');
    expect(revealLayers()).toHaveLength(0);
    fireEvent.keyUp(viewer, { key: 'r' });
    fireEvent.keyDown(viewer, { key: 'r' });
    expect(clipPath()).toBe('circle(120.0px at 500.0px 400.0px)');
    fireEvent.keyUp(viewer, { key: 'r' });
    expect(revealLayers()).toHaveLength(0);
  });

  it('ends a held spotlight when the header menu opens over the viewer, and starts none while it is open', async () => {
    const { viewer, user } = await openViewer();
    fireEvent.keyDown(viewer, { key: 'r' });
    expect(revealLayers()).toHaveLength(1);
    await user.click(headerMenuButton());
    expect(revealLayers()).toHaveLength(0);
    const firstItem = screen.getByRole('button', { name: 'Open case' });
    expect(document.activeElement).toBe(firstItem);
    fireEvent.keyDown(firstItem, { key: 'r' });
    expect(revealLayers()).toHaveLength(0);
  });

  it('ends a held spotlight when a dialog opens', async () => {
    const { viewer, user } = await openViewer();
    fireEvent.keyDown(viewer, { key: 'r' });
    expect(revealLayers()).toHaveLength(1);
    await user.click(within(viewer).getByRole('button', { name: /^Add note/ }));
    await screen.findByRole('dialog');
    expect(revealLayers()).toHaveLength(0);
  });

  it('ends a held spotlight when all media is hidden, and Resume does not bring it back', async () => {
    const { viewer, user } = await openViewer();
    fireEvent.keyDown(viewer, { key: 'r' });
    expect(revealLayers()).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(revealLayers()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(revealLayers()).toHaveLength(0);
  });

  it('never reveals while a dialog is open, wherever focus is', async () => {
    const { user } = await openViewer();
    await chooseInHeaderMenu(user, 'Settings');
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    fireEvent.keyDown(dialog, { key: 'r' });
    fireEvent.keyDown(document.body, { key: 'r' });
    expect(revealLayers()).toHaveLength(0);
  });
});
