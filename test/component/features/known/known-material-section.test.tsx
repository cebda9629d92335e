import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VeilRequestError } from '../../../../shared/contract-errors.js';
import type { HashSetSummary, ImportHashSetResult } from '../../../../shared/known/hash-set-contract.js';
import { openSettings } from '../settings/open-settings';

const SET: HashSetSummary = {
  setId: 1,
  name: 'VIC November',
  sourceFileName: 'vic.json',
  scheme: 'vic-us',
  format: 'vics-json',
  importedAtMs: Date.UTC(2026, 10, 30),
  recordCount: 1200,
  hashCounts: { md5: 1200, sha1: 1200, sha256: 0, pdq: 0 },
  enabled: true,
  badRecordCount: 3,
  badByReason: { 'hash-wrong-length': 2, 'media-id-duplicate': 1 },
};

describe('Settings → Known material', () => {
  it('imports a typed path only once a scheme is chosen, shows progress and the bad records, then lists the set to turn off or remove', async () => {
    const { fake, user, dialog } = await openSettings();
    const section = within(dialog).getByRole('region', { name: 'Known material' });
    await waitFor(() => expect(within(section).getByText('No hash set imported yet.')).toBeTruthy());

    await user.type(within(section).getByRole('textbox', { name: 'Hash set file (full path)' }), '/sets/vic.json');
    await user.type(within(section).getByRole('textbox', { name: 'Name of the set' }), 'VIC November');
    await user.click(within(section).getByRole('button', { name: 'Import hash set' }));
    // Never guessed: without a scheme nothing is asked of the back end.
    expect(within(section).getByRole('alert').textContent).toMatch(/choose the categories/);
    expect(fake.handlers.importHashSet).not.toHaveBeenCalled();

    let finish: (result: ImportHashSetResult) => void = () => undefined;
    fake.handlers.importHashSet.mockImplementation(() => new Promise<ImportHashSetResult>((resolve) => (finish = resolve)));
    await user.click(within(section).getByRole('radio', { name: 'Project VIC (US)' }));
    await user.click(within(section).getByRole('button', { name: 'Import hash set' }));
    expect(fake.handlers.importHashSet).toHaveBeenCalledWith({ filePath: '/sets/vic.json', name: 'VIC November', scheme: 'vic-us', hex64Kind: 'sha256' });
    fake.emit('hashSetImportProgress', { fileName: 'vic.json', bytesRead: 50, totalBytes: 100, records: 600, badRecords: 1 });
    await waitFor(() => expect(within(section).getByRole('status').textContent).toBe('Importing… 50 % read, 600 records, 1 bad'));
    expect(within(section).getByRole('button', { name: 'Cancel the import' })).toBeTruthy();

    fake.handlers.listHashSets.mockResolvedValue([SET]);
    finish({ outcome: 'imported', set: SET, badRecords: [{ place: 7, placeKind: 'record', reason: 'hash-wrong-length' }] });
    await waitFor(() => expect(within(section).getByRole('status').textContent).toBe('“VIC November” imported: 1200 records, 3 bad records left out.'));
    expect(within(within(section).getByRole('list', { name: 'Bad records left out' })).getByRole('listitem').textContent).toBe(
      'record 7: hash of the wrong length',
    );
    const sets = await within(section).findByRole('list', { name: 'Hash sets in the library' });
    expect(sets.textContent).toContain('hash of the wrong length (2), MediaID already used earlier in the file (1)');

    fake.handlers.setHashSetEnabled.mockResolvedValue([{ ...SET, enabled: false }]);
    await user.click(within(sets).getByRole('checkbox', { name: 'Match files against “VIC November”' }));
    expect(fake.handlers.setHashSetEnabled).toHaveBeenCalledWith({ setId: 1, enabled: false });
    await waitFor(() => expect(within(sets).getByRole('checkbox', { name: 'Match files against “VIC November”' })).toHaveProperty('checked', false));

    await user.click(within(sets).getByRole('button', { name: 'Remove “VIC November”' }));
    expect(fake.handlers.removeHashSet).not.toHaveBeenCalled();
    await user.click(within(sets).getByRole('button', { name: 'Yes, remove it' }));
    expect(fake.handlers.removeHashSet).toHaveBeenCalledWith({ setId: 1 });
    await waitFor(() => expect(within(section).getByText('No hash set imported yet.')).toBeTruthy());
  });

  it('says why a file was refused whole, in words', async () => {
    const { fake, user, dialog } = await openSettings();
    const section = within(dialog).getByRole('region', { name: 'Known material' });
    fake.handlers.importHashSet.mockRejectedValue(VeilRequestError.because({ code: 'hash-set-not-json', params: {} }));
    await user.type(within(section).getByRole('textbox', { name: 'Hash set file (full path)' }), '/sets/notes.json');
    await user.type(within(section).getByRole('textbox', { name: 'Name of the set' }), 'Notes');
    await user.click(within(section).getByRole('radio', { name: 'UK grading (A, B, C)' }));
    await user.click(within(section).getByRole('button', { name: 'Import hash set' }));
    await waitFor(() =>
      expect(within(section).getByRole('alert').textContent).toBe('The hash set was not imported: the file is not JSON, so it is not a VICS hash set.'),
    );
  });
});
