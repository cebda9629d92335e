/**
 * English strings of the case workspace (part 6) as the notes show them. Part of `en` (en.ts),
 * spread into its `notes` section.
 */
export const enWorkspaceNotes = {
  folderInCase:
    'The notes folder chosen in Settings ({{detail}}) is inside this case, and Veil never writes inside the evidence: notes are kept only until Veil closes. Choose a notes folder outside the case.',
  inUse:
    'Another Veil (process {{detail}}) is working on this case and is the only one that may write its notes: here they are kept only until Veil closes. Close the other Veil to save notes here.',
};
