import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { openSettings } from '../settings/open-settings';

describe('filter styles', () => {
  it('Settings saves the default style, and the grid asks for that style', async () => {
    const { fake, user, dialog } = await openSettings();
    const style = within(dialog).getByRole('combobox', { name: 'Filter style' });
    expect(style).toHaveProperty('value', 'blur');
    expect(
      within(style)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Blur', 'Illustration', 'Silhouette']);
    await user.selectOptions(style, 'Illustration');
    await user.click(within(dialog).getByRole('button', { name: 'Save viewing settings' }));
    await waitFor(() => expect(fake.handlers.updateSettings).toHaveBeenCalled());
    expect(fake.handlers.updateSettings.mock.calls[0]?.[0]).toMatchObject({ defaultProfile: { greyscale: true, blur: 'strong', style: 'illustration' } });
    await waitFor(() => expect(screen.getByRole('grid').querySelector('img')?.getAttribute('src')).toMatch(/thumb\?grey=1&blur=strong&style=illustration$/));
  });

  it('the viewer changes the style of one item only; the next item starts from the default', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('gridcell', { name: /photo-000000\.jpg/ }));
    const viewer = await screen.findByRole('region', { name: 'Viewer' });
    const picture = () =>
      within(viewer)
        .getByRole('img', { name: /photo-00000\d\.jpg/ })
        .getAttribute('src');
    expect(picture()).toBe('veil-media://item/it-0000000/view?grey=1&blur=strong');
    await user.selectOptions(within(viewer).getByRole('combobox', { name: 'Filter style for this item' }), 'Silhouette');
    expect(picture()).toBe('veil-media://item/it-0000000/view?grey=1&blur=strong&style=silhouette');
    // Reveals are the original picture, whatever the style.
    expect(document.querySelectorAll('img[src*="blur=off"]')).toHaveLength(0);
    act(() => viewer.focus());
    await user.keyboard('{ArrowRight}');
    expect(within(viewer).getByRole('heading', { name: 'photo-000001.jpg' })).toBeTruthy();
    expect(within(viewer).getByRole('combobox', { name: 'Filter style for this item' })).toHaveProperty('value', 'blur');
    expect(picture()).toBe('veil-media://item/it-0000001/view?grey=1&blur=strong');
  });
});
