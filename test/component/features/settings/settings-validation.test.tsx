import { fireEvent, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { messageOf, openSettings } from './open-settings';

describe('Settings: each field says beside it what is wrong', () => {
  it('shows the message next to the field, marks it invalid and focuses it, and sends nothing', async () => {
    const { fake, user, dialog } = await openSettings();
    const duration = within(dialog).getByRole('spinbutton', { name: 'Reveal duration (seconds)' });
    expect([duration.getAttribute('min'), duration.getAttribute('max')]).toEqual(['2', '60']);
    await user.clear(duration);
    await user.type(duration, '99');
    await user.click(within(dialog).getByRole('button', { name: 'Save viewing settings' }));

    expect(duration.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(duration)).toBe('“Reveal duration (seconds)” must be at most 60.');
    expect(duration.parentElement?.textContent).toContain('must be at most 60.');
    expect(document.activeElement).toBe(duration);
    expect(fake.handlers.updateSettings).not.toHaveBeenCalled();

    // Fixed as typed: the message goes and Save goes through.
    await user.clear(duration);
    await user.type(duration, '30');
    expect(duration.getAttribute('aria-invalid')).toBeNull();
    expect(messageOf(duration)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Save viewing settings' }));
    await waitFor(() => expect(fake.state.settings.revealDurationSec).toBe(30));
  });

  it('focuses the first bad field of the section, and says in French which bound it broke, with no English', async () => {
    const { fake, user, dialog } = await openSettings({ language: 'fr-CA' });
    const idle = within(dialog).getByRole('spinbutton', { name: 'Arrêter le décompte après (minutes sans activité)' });
    const duration = within(dialog).getByRole('spinbutton', { name: 'Durée de la révélation (secondes)' });
    await user.clear(idle);
    await user.type(idle, '2.5');
    await user.clear(duration);
    await user.type(duration, '1');
    await user.click(within(dialog).getByRole('button', { name: "Enregistrer l'affichage" }));

    expect(document.activeElement).toBe(duration);
    expect(messageOf(duration)).toBe("«\u00a0Durée de la révélation (secondes)\u00a0» doit être d'au moins 2.");
    expect(messageOf(idle)).toBe('«\u00a0Arrêter le décompte après (minutes sans activité)\u00a0» doit être un nombre entier.');
    expect(dialog.textContent).not.toMatch(/revealDurationSec|Too small|expected|must|updateSettings/);
    expect(fake.handlers.updateSettings).not.toHaveBeenCalled();
  });

  it.each([
    ['Stop counting after (minutes without activity)', '0', '“Stop counting after (minutes without activity)” must be at least 1.'],
    ['Keep exposure history (days)', '20', '“Keep exposure history (days)” must be at least 30.'],
    ['Keep exposure history (days)', '', '“Keep exposure history (days)” must be a whole number.'],
  ])('says when %s = "%s" is left', async (name, value, message) => {
    const { user, dialog } = await openSettings();
    const field = within(dialog).getByRole('spinbutton', { name });
    await user.clear(field);
    if (value) await user.type(field, value);
    expect(messageOf(field)).toBeNull();
    // Back to the field before: leaving forward may land on Save, which shows every message itself.
    await user.tab({ shift: true });
    expect(messageOf(field)).toBe(message);
  });

  it('names a break setting by its label and a rule between two of them in words', async () => {
    const { fake, user, dialog } = await openSettings();
    const breaks = within(dialog).getByRole('group', { name: 'Breaks' });
    const micro = within(breaks).getByRole('spinbutton', { name: 'Micro-break every (minutes of exposure)' });
    await user.clear(micro);
    await user.type(micro, '90');
    await user.click(within(dialog).getByRole('button', { name: 'Save break settings' }));
    expect(document.activeElement).toBe(micro);
    expect(messageOf(micro)).toBe('Micro-breaks must come more often than rest breaks.');
    expect(fake.handlers.updateSettings).not.toHaveBeenCalled();
  });

  it('puts a daily cap above the weekly one beside the daily cap', async () => {
    const { fake, user, dialog } = await openSettings();
    const day = within(dialog).getByRole('spinbutton', { name: 'Audio time per day (minutes)' });
    expect(day.getAttribute('max')).toBe('1440');
    await user.type(day, '120');
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Audio time per week (minutes)' }), '60');
    await user.click(within(dialog).getByRole('button', { name: 'Save limits' }));
    expect(document.activeElement).toBe(day);
    expect(messageOf(day)).toContain('The daily cap on audio time (120 min) is larger than the weekly cap (60 min)');
    expect(fake.state.settings.limits.caps.audio).toEqual({ dayMin: null, weekMin: null });
  });

  it('labels working hours From and To on each day, takes 24-hour times, and names a bad one in French', async () => {
    const { fake, user, dialog } = await openSettings({ language: 'fr-CA' });
    const hours = within(dialog).getByRole('group', { name: 'Heures de travail' });
    const monday = within(hours).getByRole('group', { name: 'Lundi' });
    const from = within(monday).getByRole('textbox', { name: 'De' });
    const to = within(monday).getByRole('textbox', { name: 'À' });
    expect([from, to].map((field) => (field as HTMLInputElement).value)).toEqual(['08:00', '16:00']);
    fireEvent.change(to, { target: { value: '25:00' } });
    // Written the French way, with room for it in the field.
    expect(from.getAttribute('maxlength')).toBe('7');
    fireEvent.change(from, { target: { value: '07 h 30' } });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer les pauses' }));
    expect(document.activeElement).toBe(to);
    expect(messageOf(to)).toBe('«\u00a0Lundi, fin\u00a0» doit être une heure de 00:00 à 23:59, par exemple 08:30.');
    expect(fake.handlers.updateSettings).not.toHaveBeenCalled();

    fireEvent.change(to, { target: { value: '18:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer les pauses' }));
    await waitFor(() => expect(fake.state.settings.breaks.workingHours?.mon).toEqual({ start: '07:30', end: '18:00' }));
  });

  it('says a phrase is too long, per line, in the break section', async () => {
    const { user, dialog } = await openSettings();
    const phrases = within(dialog).getByRole('textbox', { name: 'Phrases in English' });
    fireEvent.change(phrases, { target: { value: `Short.\n${'x'.repeat(201)}` } });
    await user.click(within(dialog).getByRole('button', { name: 'Save break settings' }));
    expect(document.activeElement).toBe(phrases);
    expect(messageOf(phrases)).toBe('Each line of “Phrases in English” allows at most 200 characters.');
  });
});
