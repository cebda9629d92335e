import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeVeil } from '../fakes/fake-veil';
import { wellbeingView, limitsView, workingBreaks } from '../fakes/fake-wellbeing';
import { headerMenuButton } from '../header-menu';
import { renderApp } from '../render-app';

function afterHoursNote(): HTMLElement | null {
  return screen.queryAllByRole('status').find((element) => element.classList.contains('after-hours-notice')) ?? null;
}

describe('Header menu', () => {
  it('keeps Hide all media in the header and the secondary actions behind one disclosure button', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('button', { name: 'Hide all media' })).toBeTruthy();
    expect(within(header).queryByRole('button', { name: 'Settings' })).toBeNull();
    expect(within(header).queryByRole('combobox', { name: 'Language' })).toBeNull();
    const button = headerMenuButton();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(panel?.hidden).toBe(true);
    expect(within(panel ?? document.body).queryByRole('button', { name: 'Hide all media', hidden: true })).toBeNull();
  });

  it('opens from the keyboard, moves with the arrows, and Escape inside it still hides all media', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    const user = userEvent.setup();
    headerMenuButton().focus();
    await user.keyboard('{Enter}');
    expect(headerMenuButton().getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open case' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export review' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'My exposure' }));
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Settings' }));

    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { name: 'Media hidden' })).toBeTruthy();
    expect(headerMenuButton().getAttribute('aria-expanded')).toBe('false');
    // As everywhere, Resume has focus; it gives it back to the menu's button, not to a hidden item.
    const resume = screen.getByRole('button', { name: 'Resume' });
    expect(document.activeElement).toBe(resume);
    await user.click(resume);
    expect(document.activeElement).toBe(headerMenuButton());
  });

  it('closes when a pointer goes down outside it, and gives focus back to its button after a dialog from it', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    const user = userEvent.setup();
    await user.click(headerMenuButton());
    await user.click(screen.getByRole('heading', { level: 1 }));
    expect(headerMenuButton().getAttribute('aria-expanded')).toBe('false');

    await user.click(headerMenuButton());
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(document.activeElement).toBe(headerMenuButton());
  });

  it('is named in Canadian French', async () => {
    const fake = createFakeVeil({ settings: { language: 'fr-CA' } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    const user = userEvent.setup();
    expect(headerMenuButton().textContent).toBe('Plus');
    await user.click(headerMenuButton());
    for (const name of ["Ouvrir un dossier d'enquête", 'Mon exposition', "Statistiques d'équipe", 'Paramètres']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('combobox', { name: 'Langue' })).toBeTruthy();
  });
});

describe('After-hours note', () => {
  it('can be put away until the next day, and comes back then', async () => {
    const fake = createFakeVeil();
    await renderApp(fake);
    const user = userEvent.setup();
    const afterHours = (dayKey: string) => wellbeingView({ breaks: workingBreaks({ afterHours: true }), limits: { ...limitsView(), dayKey } });
    act(() => fake.setWellbeing(afterHours('2025-03-03')));
    const note = afterHoursNote();
    expect(note?.textContent).toContain('outside your working hours');
    await user.click(within(note ?? document.body).getByRole('button', { name: 'Hide until tomorrow' }));
    expect(afterHoursNote()).toBeNull();

    // Later the same day, still after hours: it stays away.
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ afterHours: false }) })));
    act(() => fake.setWellbeing(afterHours('2025-03-03')));
    expect(afterHoursNote()).toBeNull();

    act(() => fake.setWellbeing(afterHours('2025-03-04')));
    expect(afterHoursNote()?.textContent).toContain('outside your working hours');
  });

  it('is put away in Canadian French', async () => {
    const fake = createFakeVeil({ settings: { language: 'fr-CA' } });
    await renderApp(fake, { systemLanguage: 'fr-CA' });
    act(() => fake.setWellbeing(wellbeingView({ breaks: workingBreaks({ afterHours: true }) })));
    expect(within(afterHoursNote() ?? document.body).getByRole('button', { name: "Masquer jusqu'à demain" })).toBeTruthy();
  });
});
