import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil, type FakeVeil } from '../../fakes/fake-veil';
import { sampleMyExposure } from '../../fakes/fake-exposure';
import { renderApp } from '../../render-app';
import { chooseInHeaderMenu, headerMenuButton } from '../../header-menu';

const nb = (text: string) => text.replace(/ /g, '\u00a0');

async function openMyExposure(fake: FakeVeil, { language = 'en' }: { language?: 'en' | 'fr-CA' } = {}) {
  const user = userEvent.setup();
  await renderApp(fake, { systemLanguage: language === 'fr-CA' ? 'fr-CA' : 'en-CA' });
  await screen.findByRole('gridcell', { name: /^photo-000000\.jpg/ });
  await chooseInHeaderMenu(user, language === 'fr-CA' ? 'Mon exposition' : 'My exposure');
  const dialog = screen.getByRole('dialog', { name: language === 'fr-CA' ? 'Mon exposition' : 'My exposure' });
  return { user, dialog };
}

/** The value after a term in the Today list. */
function figure(region: HTMLElement, term: string): HTMLElement {
  const dt = within(region).getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement) || dd.tagName !== 'DD') throw new Error(`no value after ${term}`);
  return dd;
}

function tableRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('My exposure', () => {
  it("shows today's figures, with exact durations for machines", async () => {
    const fake = createFakeVeil({ myExposure: sampleMyExposure(), settings: { language: 'en' } });
    const { dialog } = await openMyExposure(fake);
    const today = await within(dialog).findByRole('region', { name: 'Today' });
    expect(figure(today, 'Exposure time').textContent).toBe(nb('1 h 25 min'));
    expect(figure(today, 'Exposure time').querySelector('time')?.getAttribute('datetime')).toBe('PT5100S');
    expect(figure(today, 'Unfiltered time').textContent).toBe(nb('4 min 10 s'));
    expect(figure(today, 'Audio time').textContent).toBe(nb('12 min'));
    expect(figure(today, 'Reveals').textContent).toBe('7');
    expect(figure(today, 'Longest continuous stretch').textContent).toBe(nb('40 min'));
    expect(figure(today, 'Thumbnails only').textContent).toBe(nb('18 min 30 s'));
  });

  it('draws this week and the last 12 weeks as charts, with tables holding the same figures', async () => {
    const fake = createFakeVeil({ myExposure: sampleMyExposure(), settings: { language: 'en' } });
    const { dialog, user } = await openMyExposure(fake);
    const week = await within(dialog).findByRole('region', { name: 'This week' });
    expect(within(week).getByText('Total: 2 h')).toBeTruthy();
    expect(within(week).getByText('Weeks start on Sunday')).toBeTruthy();

    // The charting library is loaded on first use.
    const chart = await within(week).findByRole('img', { name: /^Bar chart of exposure per day this week/ });
    expect(chart.querySelector('svg')).not.toBeNull();
    // One axis label per day, the same days as the table (jsdom cannot measure text, so words may wrap into tspans).
    const ticks = [...chart.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((tick) =>
      [...tick.querySelectorAll('tspan')].map((span) => span.textContent).join(' '),
    );
    expect(ticks).toEqual(['Sun 2', 'Mon 3', 'Tue 4', 'Wed 5']);
    // Bars for the days with exposure: filtered, unfiltered (hatched) and audio (dotted) series.
    const bars = [...chart.querySelectorAll('.recharts-bar-rectangle path')];
    expect(bars.length).toBeGreaterThan(0);
    // Unfiltered and audio bars are patterned, not told apart by colour alone.
    expect(bars.filter((bar) => bar.getAttribute('fill')?.startsWith('url(#')).length).toBeGreaterThan(0);
    // The duration axis steps by round durations (1 h 25 min is the tallest bar: 30 min steps).
    const yTicks = [...chart.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((tick) => tick.textContent);
    expect(yTicks).toEqual(expect.arrayContaining([nb('30 min'), nb('1 h 30 min')]));

    const table = within(week).getByRole('table', { name: 'This week, per day' });
    expect(tableRows(table)).toEqual([
      ['Day', 'Exposure time', 'Filtered time', 'Unfiltered time', 'Audio time'],
      ['Sunday, March 2', nb('0 s'), nb('0 s'), nb('0 s'), nb('0 s')],
      ['Monday, March 3', nb('30 min'), nb('25 min'), nb('5 min'), nb('0 s')],
      ['Tuesday, March 4', nb('5 min 10 s'), nb('5 min 10 s'), nb('0 s'), nb('0 s')],
      ['Wednesday, March 5', nb('1 h 25 min'), nb('1 h 20 min'), nb('4 min 10 s'), nb('12 min')],
    ]);
    // Kept for screen readers until asked for on screen.
    expect(table.className).toContain('visually-hidden');
    const toggle = within(week).getByRole('button', { name: 'Show this week as a table' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(table.className).not.toContain('visually-hidden');

    const weeks = within(dialog).getByRole('region', { name: 'Last 12 weeks' });
    expect(await within(weeks).findByRole('img', { name: /^Bar chart of exposure per week over the last 12 weeks/ })).toBeTruthy();
    const weeksTable = within(weeks).getByRole('table', { name: 'Last 12 weeks, per week' });
    const rows = tableRows(weeksTable);
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual(['Week', 'Exposure time', 'Filtered time', 'Unfiltered time', 'Audio time', 'Breaks taken', 'Limits reached']);
    expect(rows[1]).toEqual(['December 15–21, 2024', nb('0 s'), nb('0 s'), nb('0 s'), nb('0 s'), '0', '0']);
    expect(rows[2]).toEqual(['December 22–28, 2024', nb('15 min'), nb('14 min'), nb('1 min'), nb('2 min'), '1', '1']);
    expect(rows[3]).toEqual(['December 29, 2024–January 4, 2025', nb('25 min'), nb('23 min'), nb('2 min'), nb('2 min'), '2', '0']);
    expect(rows[12]).toEqual(['March 2–8, 2025', nb('2 h'), nb('1 h 51 min'), nb('9 min 10 s'), nb('12 min'), '6', '1']);
  });

  it('shows breaks and limits for today and this week', async () => {
    const fake = createFakeVeil({ myExposure: sampleMyExposure(), settings: { language: 'en' } });
    const { dialog } = await openMyExposure(fake);
    const today = within(await within(dialog).findByRole('region', { name: 'Today' })).getByRole('group', { name: 'Breaks and limits' });
    const shown = (group: HTMLElement) =>
      within(group)
        .getAllByRole('term')
        .map((dt) => [dt.textContent, figure(group, dt.textContent ?? '').textContent]);
    expect(shown(today)).toEqual([
      ['Breaks taken', '3'],
      ['Natural breaks', '1'],
      ['Postponed', '2'],
      ['Skipped', '1'],
      ['Ended early', '0'],
      ['Strict-mode overrides', '1'],
      ['After-hours stretches', '0'],
      ['Limit warnings', '2'],
      ['Limits reached', '1'],
      ['Limit overrides', '1'],
    ]);
    const week = within(within(dialog).getByRole('region', { name: 'This week' })).getByRole('group', { name: 'Breaks and limits' });
    expect(shown(week)).toEqual([
      ['Breaks taken', '6'],
      ['Natural breaks', '2'],
      ['Postponed', '3'],
      ['Skipped', '1'],
      ['Ended early', '1'],
      ['Strict-mode overrides', '1'],
      ['After-hours stretches', '1'],
      ['Limit warnings', '3'],
      ['Limits reached', '1'],
      ['Limit overrides', '1'],
    ]);
    // The per-day table keeps to durations; the counts are in the group above it.
    expect(tableRows(within(dialog).getByRole('table', { name: 'This week, per day' }))[0]).toHaveLength(5);
  });

  it('reads naturally in Canadian French', async () => {
    const fake = createFakeVeil({ myExposure: sampleMyExposure(), settings: { language: 'fr-CA' } });
    const { dialog } = await openMyExposure(fake, { language: 'fr-CA' });
    const today = await within(dialog).findByRole('region', { name: "Aujourd'hui" });
    expect(figure(today, "Temps d'exposition").textContent).toBe(nb('1 h 25 min'));
    expect(figure(today, 'Temps non filtré').textContent).toBe(nb('4 min 10 s'));
    expect(figure(today, 'Temps audio').textContent).toBe(nb('12 min'));
    expect(figure(today, 'Révélations').textContent).toBe('7');
    expect(figure(today, 'Plus longue période continue').textContent).toBe(nb('40 min'));
    expect(figure(today, 'Vignettes seulement').textContent).toBe(nb('18 min 30 s'));

    const week = within(dialog).getByRole('region', { name: 'Cette semaine' });
    const table = within(week).getByRole('table', { name: 'Cette semaine, par jour' });
    expect(tableRows(table)[2]).toEqual(['lundi 3 mars', nb('30 min'), nb('25 min'), nb('5 min'), nb('0 s')]);
    expect(within(week).getByRole('button', { name: 'Afficher cette semaine sous forme de tableau' })).toBeTruthy();
    const weeks = within(dialog).getByRole('region', { name: '12 dernières semaines' });
    expect(tableRows(within(weeks).getByRole('table'))[0]?.slice(5)).toEqual(['Pauses prises', 'Limites atteintes']);
    expect(tableRows(within(weeks).getByRole('table'))[12]?.[0]).toBe('2–8 mars 2025');

    const todayBreaks = within(today).getByRole('group', { name: 'Pauses et limites' });
    expect(figure(todayBreaks, 'Pauses prises').textContent).toBe('3');
    expect(figure(todayBreaks, 'Pauses naturelles').textContent).toBe('1');
    expect(figure(todayBreaks, 'Reportées').textContent).toBe('2');
    expect(figure(todayBreaks, 'Ignorées').textContent).toBe('1');
    expect(figure(todayBreaks, 'Terminées plus tôt').textContent).toBe('0');
    expect(figure(todayBreaks, 'Dérogations au mode strict').textContent).toBe('1');
    expect(figure(todayBreaks, 'Périodes hors des heures de travail').textContent).toBe('0');
    expect(figure(todayBreaks, 'Avertissements de limite').textContent).toBe('2');
    expect(figure(todayBreaks, 'Limites atteintes').textContent).toBe('1');
    expect(figure(todayBreaks, 'Prolongations de limite').textContent).toBe('1');
    const weekBreaks = within(week).getByRole('group', { name: 'Pauses et limites' });
    expect(figure(weekBreaks, 'Pauses prises').textContent).toBe('6');
    expect(figure(weekBreaks, 'Périodes hors des heures de travail').textContent).toBe('1');
    expect(within(dialog).getByRole('button', { name: 'Fermer' })).toBeTruthy();
  });

  it('says so when nothing has been recorded yet, in both languages', async () => {
    const fake = createFakeVeil({ settings: { language: 'en' } });
    const { dialog } = await openMyExposure(fake);
    expect(await within(dialog).findByText('No exposure recorded yet.')).toBeTruthy();
    expect(within(dialog).queryByRole('table')).toBeNull();

    const french = createFakeVeil({ settings: { language: 'fr-CA' } });
    document.body.innerHTML = '';
    const { dialog: frDialog } = await openMyExposure(french, { language: 'fr-CA' });
    expect(await within(frDialog).findByText("Aucune exposition enregistrée pour l'instant.")).toBeTruthy();
  });

  it('hides all media while open, so nothing shows or counts behind it, and fetches afresh each time', async () => {
    const fake = createFakeVeil({ myExposure: sampleMyExposure(), settings: { language: 'en' } });
    const { dialog, user } = await openMyExposure(fake);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Media hidden' })).toBeTruthy();
    await waitFor(() => expect(fake.handlers.reportVisibility.mock.calls.at(-1)?.[0].surfaces).toEqual([]));
    await within(dialog).findByRole('region', { name: 'Today' });

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Media hidden' })).toBeNull();
    expect(document.activeElement).toBe(headerMenuButton());
    await waitFor(() => expect(screen.getByRole('grid').querySelector('img')).not.toBeNull());

    fake.state.myExposure = { ...sampleMyExposure(), today: { ...sampleMyExposure().today, reveals: 8 } };
    await chooseInHeaderMenu(user, 'My exposure');
    const again = screen.getByRole('dialog', { name: 'My exposure' });
    const today = await within(again).findByRole('region', { name: 'Today' });
    expect(figure(today, 'Reveals').textContent).toBe('8');
    expect(fake.handlers.getMyExposure).toHaveBeenCalledTimes(2);
  });

  it('explains a failure and can try again', async () => {
    const fake = createFakeVeil({ myExposure: sampleMyExposure(), settings: { language: 'en' } });
    fake.handlers.getMyExposure.mockRejectedValueOnce(new Error('ledger busy'));
    const { dialog, user } = await openMyExposure(fake);
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Your figures could not be loaded: Veil ran into an internal error.');
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(await within(dialog).findByRole('region', { name: 'Today' })).toBeTruthy();
  });

  it('says which day its weeks start on, as the main side chose it, in both languages', async () => {
    const monday = { ...sampleMyExposure(), weekStartsOn: 1 };
    const { dialog } = await openMyExposure(createFakeVeil({ myExposure: monday, settings: { language: 'en' } }));
    const week = await within(dialog).findByRole('region', { name: 'This week' });
    expect(within(week).getByText('Weeks start on Monday')).toBeTruthy();
  });

  it('says which day its weeks start on in Canadian French', async () => {
    const { dialog } = await openMyExposure(createFakeVeil({ myExposure: sampleMyExposure(), settings: { language: 'fr-CA' } }), { language: 'fr-CA' });
    expect(await within(dialog).findByText('Les semaines commencent le dimanche')).toBeTruthy();
  });
});
