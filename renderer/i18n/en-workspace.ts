/**
 * English strings of the case workspace (part 6) as the notes show them. Part of `en` (en.ts),
 * spread into its `notes` section.
 */
export const enWorkspaceNotes = {
  inUse:
    'Another Veil (process {{detail}}) is working on this case and is the only one that may write its notes: here they are kept only until Veil closes. Close the other Veil to save notes here.',
};
