import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VeilRequestError } from '../../../../shared/contract-errors.js';
import { reasonOf } from '../../../../shared/reasons/reason.js';
import type { TeamStatsResult } from '../../../../shared/team-sharing/team-sharing-contract.js';
import { fakeTeamStats } from '../../fakes/fake-team';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderApp } from '../../render-app';
import { chooseInHeaderMenu, headerMenuButton } from '../../header-menu';

const nb = (text: string) => text.replace(/ /g, '\u00a0');
const EXPORTS = '/mnt/team-share/veil';

async function openTeamStats({ teamStats, language = 'en' }: { teamStats?: TeamStatsResult; language?: 'en' | 'fr-CA' } = {}) {
  const fake = createFakeVeil({ settings: { language }, ...(teamStats ? { teamStats } : {}) });
  const user = userEvent.setup();
  await renderApp(fake, { systemLanguage: language === 'fr-CA' ? 'fr-CA' : 'en-CA' });
  await screen.findByRole('gridcell', { name: /^photo-000000\.jpg/ });
  const title = language === 'fr-CA' ? "Statistiques d'équipe" : 'Team statistics';
  await chooseInHeaderMenu(user, title);
  return { fake, user, dialog: screen.getByRole('dialog', { name: title }) };
}

async function show(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, labels = { folder: 'Folder of weekly summaries', show: 'Show' }) {
  await user.type(within(dialog).getByRole('textbox', { name: labels.folder }), EXPORTS);
  await user.click(within(dialog).getByRole('button', { name: labels.show }));
}

/** A Blob's text, byte-order mark kept (jsdom's Blob has no text(), and readAsText drops the mark). */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(reader.result as ArrayBuffer)));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Every row of the table as the texts of its header and cells. */
function tableRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('the team statistics view', () => {
  // jsdom has no object URLs: the CSV test installs its own and these put things back.
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
  });

  it('shows the figures of 12 people per week and over the range, with exact durations', async () => {
    const { fake, user, dialog } = await openTeamStats();
    await show(user, dialog);
    expect(fake.handlers.loadTeamStats).toHaveBeenCalledWith({ folderPath: EXPORTS, minGroupSize: 5 });
    expect((await within(dialog).findByText(/file left out/)).textContent).toBe('No file left out. Minimum group size: 5.');

    const table = within(dialog).getByRole('table', { name: 'Team figures per week' });
    const rows = tableRows(table);
    expect(rows[0]).toEqual([
      'Week',
      'Contributors',
      'Exposure: median',
      'Exposure: 90th percentile',
      'Unfiltered: median',
      'Unfiltered: 90th percentile',
      'Reached a cap',
      'Break adherence',
      'Share after hours',
    ]);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toEqual([
      '2026-W44 Oct 26–Nov 1, 2026',
      '12',
      nb('12 h'),
      nb('13 h 45 min'),
      nb('45 min'),
      nb('1 h 15 min'),
      'Hidden — small count',
      '91%',
      '2%',
    ]);
    expect(rows[5]).toEqual([
      'All weeks 2026-W44 to 2026-W47',
      '48 person-weeks over 4 weeks',
      `${nb('11 h 45 min')} over 4 weeks`,
      `${nb('13 h 30 min')} over 4 weeks`,
      `${nb('45 min')} over 4 weeks`,
      `${nb('1 h 15 min')} over 4 weeks`,
      'Hidden — small count',
      '91% over 4 weeks',
      '2% over 4 weeks',
    ]);
    // Durations carry exact minutes for machines.
    const w44 = within(table).getByRole('row', { name: /^2026-W44/ });
    expect([...w44.querySelectorAll('time')].map((time) => time.getAttribute('dateTime'))).toEqual(['PT720M', 'PT825M', 'PT45M', 'PT75M']);
    // Column and row headers carry their scope.
    expect(
      within(table)
        .getAllByRole('columnheader')
        .every((th) => th.getAttribute('scope') === 'col'),
    ).toBe(true);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .every((th) => th.getAttribute('scope') === 'row'),
    ).toBe(true);

    // The charts draw once recharts has loaded; the table is their text alternative. The
    // first test to draw loads the chunk cold, which takes seconds on a busy machine.
    const exposure = within(dialog).getByRole('region', { name: 'Exposure per week' });
    const chart = await within(exposure).findByRole('img', { name: /^Line chart of the median and the 90th percentile/ }, { timeout: 20_000 });
    expect(chart.querySelector('svg')).not.toBeNull();
    expect(within(dialog).getByRole('region', { name: 'Break adherence per week' })).toBeTruthy();
    expect(dialog.textContent).toContain('It can be above 100% because a natural pause needs no due break.');

    // The folder and k are remembered for next time.
    expect(fake.state.settings.teamView).toEqual({ folder: EXPORTS, minGroupSize: 5 });
  });

  it('hides every figure of a 4-person team in words, never as 0 or blank', async () => {
    const { user, dialog } = await openTeamStats({ teamStats: fakeTeamStats(4) });
    await show(user, dialog);
    const table = await within(dialog).findByRole('table', { name: 'Team figures per week' });
    const cells = within(table)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toHaveLength(5 * 8);
    expect(new Set(cells)).toEqual(new Set(['Hidden — fewer than 5 people']));
    expect(table.querySelector('time')).toBeNull();
    expect(within(dialog).getAllByText("Nothing to draw: every week's figure is hidden.")).toHaveLength(2);
    expect(within(dialog).queryByRole('img')).toBeNull();
  });

  it('says why a high percentile is hidden, with k taken from the figures', async () => {
    const { user, dialog } = await openTeamStats({ teamStats: fakeTeamStats(8, 4, '2026-W47', 6) });
    await show(user, dialog);
    const table = await within(dialog).findByRole('table', { name: 'Team figures per week' });
    const w44 = tableRows(table)[1];
    expect(w44?.slice(1, 6)).toEqual(['8', nb('12 h 15 min'), 'Hidden — needs 12 people', nb('45 min'), 'Hidden — needs 12 people']);
    expect(within(dialog).getByText(/Minimum group size: 6\./)).toBeTruthy();
  });

  it('lists the files left out with why, never their contents', async () => {
    const teamStats: TeamStatsResult = {
      ...fakeTeamStats(12),
      rejected: [
        { fileName: 'broken.json', code: 'malformed-json', reason: reasonOf('json-cut-off', {}) },
        { fileName: 'evil.json', code: 'forbidden-key', reason: reasonOf('summary-forbidden-key', { key: '__proto__' }) },
        { fileName: 'old.json', code: 'wrong-version', reason: reasonOf('summary-wrong-version', { found: 2, supported: 1 }) },
      ],
    };
    const { user, dialog } = await openTeamStats({ teamStats });
    await show(user, dialog);
    expect((await within(dialog).findByText(/files left out/)).textContent).toBe('3 files left out. Minimum group size: 5.');
    const list = within(dialog).getByRole('list', { name: 'Files left out' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => [...item.children].map((part) => part.textContent))).toEqual([
      ['broken.json', 'It is not valid JSON.', 'The JSON ends too early (cut off, or still being copied).'],
      [
        'evil.json',
        'It contains a field that is never allowed.',
        'The file has a field named “__proto__”, which is never allowed (it could tamper with the program reading it).',
      ],
      ['old.json', 'It uses a version of the format this Veil does not read.', 'The summary has version 2; this Veil reads version 1 only.'],
    ]);
    // Names only: nothing in the view opens a file or a person.
    expect(within(list).queryByRole('link')).toBeNull();
    expect(within(list).queryByRole('button')).toBeNull();
  });

  it('refuses a minimum group size below 5, or odd weeks, before asking the back end', async () => {
    const { fake, user, dialog } = await openTeamStats();
    const size = within(dialog).getByRole('spinbutton', { name: 'Minimum group size' });
    expect(size).toHaveProperty('value', '5');
    expect(within(dialog).getByText('Figures about fewer people are hidden. It cannot go below 5.')).toBeTruthy();
    await user.clear(size);
    await user.type(size, '4');
    await user.type(within(dialog).getByRole('textbox', { name: 'From week' }), '2026-W60');
    await show(user, dialog);
    const alert = within(dialog).getByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['The minimum group size cannot be below 5.', '“From week” must be an ISO week that exists, such as 2026-W07.']);
    expect(size.getAttribute('aria-invalid')).toBe('true');
    expect(fake.handlers.loadTeamStats).not.toHaveBeenCalled();

    await user.clear(size);
    await user.type(size, '7');
    const from = within(dialog).getByRole('textbox', { name: 'From week' });
    await user.clear(from);
    await user.type(from, '2026-w47');
    await user.type(within(dialog).getByRole('textbox', { name: 'To week' }), '2026-W44');
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('“From week” must not be after “To week”.');
    expect(fake.handlers.loadTeamStats).not.toHaveBeenCalled();

    const to = within(dialog).getByRole('textbox', { name: 'To week' });
    await user.clear(to);
    await user.type(to, '2026-W48');
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(fake.handlers.loadTeamStats).toHaveBeenCalledWith({ folderPath: EXPORTS, minGroupSize: 7, fromWeek: '2026-W47', toWeek: '2026-W48' });
  });

  it('saves the shown table as a CSV file, hidden cells as words', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) blobs.push(object);
      return 'blob:veil/1';
    };
    URL.revokeObjectURL = () => undefined;
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { user, dialog } = await openTeamStats();
    await show(user, dialog);
    await user.click(await within(dialog).findByRole('button', { name: 'Export table as CSV' }));

    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('veil-team-stats-2026-W44-2026-W47.csv');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:veil/1');
    expect(clicked[0]?.isConnected).toBe(false);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    const lines = (await readBlob(blobs[0]!)).split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffWeek,Contributors,Exposure: median,Exposure: 90th percentile,Unfiltered: median,Unfiltered: 90th percentile,Reached a cap,Break adherence,Share after hours',
    );
    expect(lines[1]).toBe('"2026-W44 (Oct 26–Nov 1, 2026)",12,12 h,13 h 45 min,45 min,1 h 15 min,Hidden — small count,91%,2%');
    expect(lines[5]).toBe(
      'All weeks (2026-W44 to 2026-W47),48 person-weeks (over 4 weeks),11 h 45 min (over 4 weeks),13 h 30 min (over 4 weeks),45 min (over 4 weeks),1 h 15 min (over 4 weeks),Hidden — small count,91% (over 4 weeks),2% (over 4 weeks)',
    );
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('');
  });

  it('hides all media while open and shows it again on Close', async () => {
    const { user, dialog } = await openTeamStats();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Media hidden' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Media hidden' })).toBeNull();
    expect(document.activeElement).toBe(headerMenuButton());
    await waitFor(() => expect(screen.getByRole('grid').querySelector('img')).not.toBeNull());
  });

  it("shows the back end's refusal when the folder cannot be read", async () => {
    const { fake, user, dialog } = await openTeamStats();
    fake.handlers.loadTeamStats.mockRejectedValueOnce(VeilRequestError.because(reasonOf('exports-folder-missing', { path: EXPORTS })));
    await show(user, dialog);
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      `The summaries could not be read: the folder “${EXPORTS}” does not exist (or the network share is not connected).`,
    );
  });

  it('says in French why the folder cannot be read, with no English', async () => {
    const { fake, user, dialog } = await openTeamStats({ language: 'fr-CA' });
    fake.handlers.loadTeamStats.mockRejectedValueOnce(VeilRequestError.because(reasonOf('exports-folder-permission-denied', { path: EXPORTS })));
    await show(user, dialog, { folder: 'Dossier des résumés hebdomadaires', show: 'Afficher' });
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(`Les résumés n'ont pas pu être lus\u00a0: Veil n'a pas la permission de lire le dossier «\u00a0${EXPORTS}\u00a0».`);
  });

  it('lists the files left out with why in French', async () => {
    const teamStats: TeamStatsResult = {
      ...fakeTeamStats(12),
      rejected: [{ fileName: 'huge.json', code: 'too-large', reason: reasonOf('file-too-large', { sizeBytes: 2_500_000, limitBytes: 1_048_576 }) }],
    };
    const { user, dialog } = await openTeamStats({ teamStats, language: 'fr-CA' });
    await show(user, dialog, { folder: 'Dossier des résumés hebdomadaires', show: 'Afficher' });
    const list = await within(dialog).findByRole('list', { name: /écartés/ });
    const detail = list.querySelector('small')?.textContent ?? '';
    expect(detail).toBe(`2,5\u00a0Mo, au-delà de la limite de 1\u00a0Mo\u00a0; un résumé hebdomadaire fait moins de 1\u00a0ko.`);
  });

  it('reads naturally in Canadian French', async () => {
    const { user, dialog } = await openTeamStats({ teamStats: fakeTeamStats(12), language: 'fr-CA' });
    expect(within(dialog).getByRole('spinbutton', { name: 'Taille minimale du groupe' })).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: 'De la semaine' })).toBeTruthy();
    await show(user, dialog, { folder: 'Dossier des résumés hebdomadaires', show: 'Afficher' });
    expect((await within(dialog).findByText(/écarté/)).textContent).toBe('Aucun fichier écarté. Taille minimale du groupe\u00a0: 5.');
    const table = within(dialog).getByRole('table', { name: "Données de l'équipe par semaine" });
    const rows = tableRows(table);
    expect(rows[0]?.slice(0, 3)).toEqual(['Semaine', 'Participants', 'Exposition\u00a0: médiane']);
    // The locale's own spacing around the dash (ICU uses thin spaces there).
    expect(rows[1]?.[0]).toMatch(/^2026-W44 26 oct\.\s–\s1 nov\.\s2026$/u);
    expect(rows[1]?.slice(1)).toEqual(['12', nb('12 h'), nb('13 h 45 min'), nb('45 min'), nb('1 h 15 min'), 'Masqué — petit nombre', '91\u00a0%', '2\u00a0%']);
    expect(rows[5]?.[1]).toBe('48 semaines-personnes sur 4 semaines');
    expect(within(dialog).getByRole('button', { name: 'Exporter le tableau en CSV' })).toBeTruthy();
    expect(within(dialog).getByRole('region', { name: 'Exposition par semaine' })).toBeTruthy();
    expect(dialog.textContent).toContain('Il peut dépasser 100\u00a0%');
  });

  it('says "fewer than k people" in French too', async () => {
    const { user, dialog } = await openTeamStats({ teamStats: fakeTeamStats(4), language: 'fr-CA' });
    await show(user, dialog, { folder: 'Dossier des résumés hebdomadaires', show: 'Afficher' });
    const table = await within(dialog).findByRole('table');
    expect(
      new Set(
        within(table)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual(new Set(['Masqué — moins de 5 personnes']));
  });
});
