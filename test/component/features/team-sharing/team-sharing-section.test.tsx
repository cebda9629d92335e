import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { VeilRequestError } from '../../../../shared/contract-errors.js';
import { reasonOf } from '../../../../shared/reasons/reason.js';
import { DEFAULT_TEAM_SHARING, type Settings } from '../../../../shared/settings/settings.js';
import { WEEKLY_SUMMARY_FIELDS } from '../../../../shared/team-stats/weekly-summary.js';
import type { TeamSharingStatus } from '../../../../shared/team-sharing/team-sharing-contract.js';
import { fakePreview, NO_EXPORT_STATUS } from '../../fakes/fake-team';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { chooseInHeaderMenu } from '../../header-menu';

const FOLDER = '/mnt/team-share/veil';

async function openSharing({
  teamSharing = { ...DEFAULT_TEAM_SHARING, folder: FOLDER },
  status = NO_EXPORT_STATUS,
  language = 'en',
}: { teamSharing?: Settings['teamSharing']; status?: TeamSharingStatus; language?: 'en' | 'fr-CA' } = {}) {
  const fake = createFakeVeil({ settings: { language, teamSharing }, teamSharing: status });
  const user = userEvent.setup();
  await renderApp(fake, { systemLanguage: language === 'fr-CA' ? 'fr-CA' : 'en-CA' });
  const french = language === 'fr-CA';
  await chooseInHeaderMenu(user, french ? 'Paramètres' : 'Settings');
  const dialog = screen.getByRole('dialog', { name: french ? 'Paramètres' : 'Settings' });
  const section = within(dialog).getByRole('group', { name: french ? "Statistiques d'équipe" : 'Team statistics' });
  // The status line has arrived: consent depends on it.
  await waitFor(() => expect(within(section).getByRole('status').textContent).not.toMatch(/Reading|Lecture/));
  return { fake, user, dialog, section };
}

function previewFile(preview: HTMLElement): string | null {
  return within(preview).getByLabelText('Contents of the file', { selector: 'pre' }).textContent;
}

describe('Settings: sharing weekly summaries with the team', () => {
  it('says in plain words what is shared and what never is, and starts with sharing off', async () => {
    const { section } = await openSharing({ teamSharing: DEFAULT_TEAM_SHARING });
    expect(section.textContent).toContain('rounded to 15 minutes');
    expect(section.textContent).toContain("Never shared: your name, this computer's name, case data, times of day, or the reasons you typed for an override.");
    expect(section.textContent).toContain('groups of at least 5 people');
    expect(within(section).getByRole('checkbox', { name: 'Share weekly summaries with my team' })).toHaveProperty('checked', false);
    expect(within(section).getByRole('checkbox', { name: 'Export each finished week automatically' })).toHaveProperty('checked', true);
    expect(within(section).getByRole('status').textContent).toBe('No week has been exported yet.');
    // No picker in the browser host: the path is typed.
    expect(within(section).queryByRole('button', { name: 'Choose…' })).toBeNull();
  });

  it('shows the exact file the first time sharing is turned on; Cancel leaves it off', async () => {
    const { fake, user, dialog, section } = await openSharing();
    const box = within(section).getByRole('checkbox', { name: 'Share weekly summaries with my team' });
    await user.click(box);
    const preview = screen.getByRole('dialog', { name: 'What would be shared' });
    await waitFor(() => expect(previewFile(preview)).toBe(fakePreview().json));
    expect(box).toHaveProperty('checked', false);

    await user.click(within(preview).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'What would be shared' })).toBeNull();
    expect(box).toHaveProperty('checked', false);
    await user.click(within(dialog).getByRole('button', { name: 'Save sharing settings' }));
    await waitFor(() => expect(fake.handlers.updateSettings.mock.calls[0]?.[0].teamSharing).toEqual({ enabled: false, folder: FOLDER, automatic: true }));
    expect(fake.state.settings.teamSharing.enabled).toBe(false);
  });

  it('turns sharing on only after "Share summaries like this", saved with the folder', async () => {
    const { fake, user, dialog, section } = await openSharing();
    const box = within(section).getByRole('checkbox', { name: 'Share weekly summaries with my team' });
    await user.click(box);
    const preview = screen.getByRole('dialog', { name: 'What would be shared' });
    const confirm = within(preview).getByRole('button', { name: 'Share summaries like this' });
    // Consent needs the file on screen first.
    await waitFor(() => expect(confirm).toHaveProperty('disabled', false));
    await user.click(confirm);
    expect(screen.queryByRole('dialog', { name: 'What would be shared' })).toBeNull();
    expect(box).toHaveProperty('checked', true);
    expect(within(section).getByText('Sharing starts when you save these settings.')).toBeTruthy();
    expect(fake.handlers.updateSettings).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Save sharing settings' }));
    await waitFor(() => expect(fake.handlers.updateSettings.mock.calls[0]?.[0].teamSharing).toEqual({ enabled: true, folder: FOLDER, automatic: true }));
    expect(fake.state.settings.teamSharing).toEqual({ enabled: true, folder: FOLDER, automatic: true });
  });

  it('does not ask again once a week has been exported', async () => {
    const { user, section } = await openSharing({ status: { lastExportedWeek: '2026-W46', lastFailure: null } });
    expect(within(section).getByRole('status').textContent).toBe('Last week exported: 2026-W46 (Nov 9–15, 2026).');
    const box = within(section).getByRole('checkbox', { name: 'Share weekly summaries with my team' });
    await user.click(box);
    expect(screen.queryByRole('dialog', { name: 'What would be shared' })).toBeNull();
    expect(box).toHaveProperty('checked', true);
  });

  it('asks for the folder before sharing can be turned on', async () => {
    const { user, section } = await openSharing({ teamSharing: DEFAULT_TEAM_SHARING });
    const box = within(section).getByRole('checkbox', { name: 'Share weekly summaries with my team' });
    await user.click(box);
    expect(within(section).getByRole('alert').textContent).toBe('Choose the folder for the summaries first.');
    expect(screen.queryByRole('dialog', { name: 'What would be shared' })).toBeNull();
    expect(box).toHaveProperty('checked', false);

    await user.type(within(section).getByRole('textbox', { name: 'Folder for the summaries' }), FOLDER);
    expect(within(section).queryByRole('alert')).toBeNull();
    await user.click(box);
    expect(screen.getByRole('dialog', { name: 'What would be shared' })).toBeTruthy();
  });

  it('previews any finished week on demand: its file name, its exact text and what each field means', async () => {
    const { fake, user, section } = await openSharing();
    await user.click(within(section).getByRole('button', { name: 'Show what would be shared' }));
    const preview = screen.getByRole('dialog', { name: 'What would be shared' });
    await waitFor(() => expect(previewFile(preview)).toBe(fakePreview().json));
    expect(within(preview).getByText(fakePreview().fileName)).toBeTruthy();
    // Only a Close button: this is not the consent step.
    expect(within(preview).queryByRole('button', { name: 'Share summaries like this' })).toBeNull();

    const legend = within(preview).getByRole('region', { name: 'What each field means' });
    expect(
      within(legend)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(WEEKLY_SUMMARY_FIELDS);
    expect(within(legend).getByText('Minutes case media was on screen, rounded to 15.')).toBeTruthy();

    const week = within(preview).getByRole('combobox', { name: 'Week' });
    expect(within(preview).getByText(/^Summaries use ISO weeks: Monday to Sunday/).id).toBe(week.getAttribute('aria-describedby'));
    expect(
      within(week)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['2026-W47 (Nov 16–22, 2026)', '2026-W46 (Nov 9–15, 2026)', '2026-W45 (Nov 2–8, 2026)']);
    await user.selectOptions(week, '2026-W45');
    expect(fake.handlers.previewWeeklySummary).toHaveBeenLastCalledWith({ week: '2026-W45' });
    await waitFor(() => expect(previewFile(preview)).toBe(fakePreview('2026-W45').json));

    await user.click(within(preview).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'What would be shared' })).toBeNull();
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Show what would be shared' }));
  });

  it('keeps the shown file while another week loads or fails, ignores a slower answer for an earlier choice, and tries again', async () => {
    const { fake, user, section } = await openSharing();
    await user.click(within(section).getByRole('button', { name: 'Show what would be shared' }));
    const preview = screen.getByRole('dialog', { name: 'What would be shared' });
    await waitFor(() => expect(previewFile(preview)).toBe(fakePreview().json));

    let answerW46: () => void = () => undefined;
    let answerW45: () => void = () => undefined;
    fake.handlers.previewWeeklySummary
      .mockImplementationOnce(() => new Promise((resolve) => (answerW46 = () => resolve(fakePreview('2026-W46')))))
      .mockImplementationOnce(() => new Promise((resolve) => (answerW45 = () => resolve(fakePreview('2026-W45')))));
    const week = () => within(preview).getByRole('combobox', { name: 'Week' });
    await user.selectOptions(week(), '2026-W46');
    await user.selectOptions(week(), '2026-W45');
    expect(previewFile(preview)).toBe(fakePreview().json);
    expect(preview.querySelector('.sharing-preview-body')?.getAttribute('aria-busy')).toBe('true');
    answerW45();
    await waitFor(() => expect(previewFile(preview)).toBe(fakePreview('2026-W45').json));
    // The late answer for W46 comes back before the next request is even sent.
    answerW46();

    fake.handlers.previewWeeklySummary.mockRejectedValueOnce(new VeilRequestError('failed', 'The day journal could not be read.'));
    await user.selectOptions(week(), '2026-W44');
    // The back end's English log message never reaches the user; its reason does, in their language.
    expect((await within(preview).findByRole('alert')).textContent).toContain('The preview could not be made: Veil ran into an internal error.');
    // Neither the late W46 nor the failed W44 replaced the file on screen.
    expect(previewFile(preview)).toBe(fakePreview('2026-W45').json);
    await user.click(within(preview).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(previewFile(preview)).toBe(fakePreview('2026-W44').json));
    expect(within(preview).queryByRole('alert')).toBeNull();
  });

  it('exports last week by hand and tells a failure in words, naming the folder', async () => {
    const { fake, user, section } = await openSharing({ teamSharing: { enabled: true, folder: FOLDER, automatic: false } });
    const exportNow = within(section).getByRole('button', { name: 'Export last week now' });
    await user.click(exportNow);
    expect(await within(section).findByText(`Week 2026-W47 was exported as ${fakePreview().fileName}.`)).toBeTruthy();
    expect(within(section).getByText('Last week exported: 2026-W47 (Nov 16–22, 2026).')).toBeTruthy();

    const reason = reasonOf('export-folder-missing', { path: FOLDER });
    fake.handlers.exportWeeklySummary.mockImplementationOnce(async () => {
      fake.state.teamSharing = { lastExportedWeek: '2026-W47', lastFailure: { week: '2026-W47', code: 'folder-missing', detail: 'log line', reason } };
      throw VeilRequestError.because(reason);
    });
    await user.click(exportNow);
    const alert = await within(section).findByRole('alert');
    const words = `the folder “${FOLDER}” is not there (is the network share connected?); nothing was written.`;
    expect(alert.textContent).toBe(`The export did not go through: ${words}`);
    const statusLine = () =>
      within(section)
        .getAllByRole('status')
        .find((element) => element.classList.contains('sharing-status'));
    await waitFor(() => expect(statusLine()?.textContent).toContain(`The export of week 2026-W47 failed: ${words}`));
  });

  it('shows a refusal with no recorded failure by its reason', async () => {
    const { fake, user, section } = await openSharing({ teamSharing: { enabled: true, folder: FOLDER, automatic: true } });
    fake.handlers.exportWeeklySummary.mockRejectedValueOnce(VeilRequestError.because(reasonOf('sharing-off', {})));
    await user.click(within(section).getByRole('button', { name: 'Export last week now' }));
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'The export did not go through: team sharing is off: turn it on and choose a folder first.',
    );
  });

  it('keeps "Export last week now" off until sharing is on and saved', async () => {
    const { section } = await openSharing();
    const exportNow = within(section).getByRole('button', { name: 'Export last week now' });
    expect(exportNow).toHaveProperty('disabled', true);
    expect(exportNow.getAttribute('aria-describedby')).not.toBeNull();
    expect(within(section).getByText('Exporting by hand works once sharing is on and saved.')).toBeTruthy();
  });

  it('shows the last failure on opening, recorded before reasons existed, by its code', async () => {
    const detail = 'The export folder "/mnt/team-share/veil" is on a read-only drive or share; nothing was written.';
    const { section } = await openSharing({
      teamSharing: { enabled: true, folder: FOLDER, automatic: true },
      status: { lastExportedWeek: '2026-W45', lastFailure: { week: '2026-W46', code: 'read-only', detail } },
    });
    const status = within(section).getByRole('status');
    expect(status.textContent).toContain('Last week exported: 2026-W45 (Nov 2–8, 2026).');
    expect(status.textContent).toContain('The export of week 2026-W46 failed: the folder is on a read-only drive or share.');
    expect(status.textContent).not.toContain(detail);
  });

  it('reads naturally in Canadian French', async () => {
    const { fake, user, section } = await openSharing({ language: 'fr-CA' });
    expect(section.textContent).toContain('arrondis à 15\u00a0minutes');
    expect(within(section).getByRole('status').textContent).toBe("Aucune semaine n'a encore été exportée.");
    await user.click(within(section).getByRole('checkbox', { name: 'Partager des résumés hebdomadaires avec mon équipe' }));
    const preview = screen.getByRole('dialog', { name: 'Ce qui serait partagé' });
    await waitFor(() => expect(within(preview).getByLabelText('Contenu du fichier', { selector: 'pre' }).textContent).toBe(fakePreview().json));
    expect(within(preview).getByRole('combobox', { name: 'Semaine' })).toBeTruthy();
    expect(within(preview).getByRole('region', { name: 'Ce que signifie chaque champ' })).toBeTruthy();
    await user.click(within(preview).getByRole('button', { name: 'Partager des résumés comme celui-ci' }));
    expect(within(section).getByRole('checkbox', { name: 'Partager des résumés hebdomadaires avec mon équipe' })).toHaveProperty('checked', true);
    expect(within(section).getByRole('button', { name: 'Voir ce qui serait partagé' })).toBeTruthy();
    expect(fake.handlers.previewWeeklySummary).toHaveBeenCalled();
  });
});
