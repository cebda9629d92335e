import type { EnForms } from './en-forms';

const NB = '\u00a0';

/** Canadian French words of form fields and of the sections of Settings, typed against the English ones (en-forms.ts). */
export const frCAForms: EnForms = {
  fieldErrors: {
    tooSmall: `«${NB}{{label}}${NB}» doit être d'au moins {{min}}.`,
    tooLarge: `«${NB}{{label}}${NB}» doit être d'au plus {{max}}.`,
    notWhole: `«${NB}{{label}}${NB}» doit être un nombre entier.`,
    required: `«${NB}{{label}}${NB}» doit être rempli.`,
    tooShort: `«${NB}{{label}}${NB}» demande au moins {{min}}${NB}caractères.`,
    tooLong: `«${NB}{{label}}${NB}» accepte au plus {{max}}${NB}caractères.`,
    lineTooLong: `Chaque ligne de «${NB}{{label}}${NB}» accepte au plus {{max}}${NB}caractères.`,
    tooMany: `«${NB}{{label}}${NB}» accepte au plus {{max}}${NB}valeurs.`,
    time: `«${NB}{{label}}${NB}» doit être une heure de 00:00 à 23:59, par exemple 08:30.`,
    invalid: `«${NB}{{label}}${NB}» a une valeur que Veil ne peut pas utiliser.`,
    count: `{{length}} sur {{max}}${NB}caractères`,
    unplaced: `Une valeur que Veil ne peut pas utiliser n'est pas affichée ici${NB}: {{message}}`,
  },
  settingsSections: {
    nav: 'Sections des paramètres',
    viewing: 'Affichage',
    breaks: 'Pauses',
    limits: 'Limites',
    notes: 'Notes',
    sharing: 'Partage',
    language: 'Langue',
    review: 'Révision',
    saveViewing: "Enregistrer l'affichage",
    saveBreaks: 'Enregistrer les pauses',
    saveLimits: 'Enregistrer les limites',
    saveNotes: 'Enregistrer le dossier des notes',
    saveSharing: 'Enregistrer le partage',
    saveLanguage: 'Enregistrer la langue',
    saved: 'Enregistré.',
    close: 'Fermer',
    hoursFrom: 'De',
    hoursTo: 'À',
    hoursPlaceholder: 'HH:MM',
    hoursFormat: `Heures sur 24${NB}h, HH:MM.`,
  },
};
