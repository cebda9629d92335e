import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/settings.js';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { chooseInHeaderMenu } from '../../header-menu';

const UNIT_SCHEME = { name: 'Unit 7', categories: [{ key: '1', description: 'Severe' }] };

describe('Settings → Category schemes', () => {
  it('lists a refused file’s bad entries, exports and removes an imported scheme', async () => {
    const fake = createFakeVeil({
      itemCount: 3,
      settings: { ...DEFAULT_SETTINGS, limitsWizardDone: true, review: { ...DEFAULT_SETTINGS.review, customSchemes: [UNIT_SCHEME] } },
    });
    await renderApp(fake);
    const user = userEvent.setup();
    await chooseInHeaderMenu(user, 'Settings');
    const section = screen.getByRole('region', { name: 'Category schemes' });
    await user.type(within(section).getByLabelText('Scheme file (full path)'), '/shares/unit/bad.json');
    await user.click(within(section).getByRole('button', { name: 'Import scheme' }));
    expect(await within(section).findByText('categories.0.key is not a single digit 0 to 9')).toBeTruthy();

    await user.type(within(section).getByLabelText('Export to (full path of a new file)'), '/shares/unit/unit7.json');
    await user.click(within(section).getByRole('button', { name: 'Export “Unit 7”' }));
    await waitFor(() => expect(fake.handlers.exportCategoryScheme).toHaveBeenCalledWith({ name: 'Unit 7', filePath: '/shares/unit/unit7.json' }));
    expect(await within(section).findByText('Exported “Unit 7”.')).toBeTruthy();
    // A file already there is never written over, and the section says so.
    vi.mocked(fake.handlers.exportCategoryScheme).mockResolvedValueOnce({ outcome: 'refused', problems: [{ place: '', code: 'exists' }] });
    await user.click(within(section).getByRole('button', { name: 'Export “Unit 7”' }));
    expect(await within(section).findByText('the file is already there: Veil never writes over a file')).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Remove “Unit 7”' }));
    await waitFor(() => expect(fake.handlers.updateSettings).toHaveBeenCalledWith({ review: { ...DEFAULT_SETTINGS.review, customSchemes: [] } }));
    expect(await within(section).findByText('No scheme imported.')).toBeTruthy();
  });
});
