import type { Messages } from './en';

/** Strings of the case workspace in Canadian French (see en-workspace.ts). */
export const frCAWorkspaceNotes: Pick<Messages['notes'], 'inUse' | 'folderInCase'> = {
  folderInCase:
    "Le dossier de notes choisi dans les paramètres ({{detail}}) est à l'intérieur de ce dossier d'enquête, et Veil n'écrit jamais dans la preuve : les notes sont conservées seulement jusqu'à la fermeture de Veil. Choisissez un dossier de notes en dehors du dossier d'enquête.",
  inUse:
    "Un autre Veil (processus {{detail}}) travaille sur ce dossier et est le seul à pouvoir en écrire les notes\u00a0: ici, elles sont conservées seulement jusqu'à la fermeture de Veil. Fermez l'autre Veil pour enregistrer les notes ici.",
};
