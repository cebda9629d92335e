/**
 * English strings of near-duplicate stacks: the near-match distance setting (Settings →
 * Known material) and the list of a stack's files in the viewer. Part of `en` (en.ts).
 */
export const enStacks = {
  stacks: {
    distanceLabel: 'Near-match distance (bits, 0–63)',
    distanceHelp:
      'How different two pictures may be and still count as near copies, for near matches to known material and for stacks of near duplicates in a case. Lower finds fewer, closer copies; 31 is the usual threshold.',
    distanceSave: 'Save the near-match distance',
    distanceSaved: 'Saved. The open case is matched and stacked again.',
    doneNearCopies_one: '{{formatted}} near copy, listed in its stack',
    doneNearCopies_many: '{{formatted}} near copies, listed in their stacks',
    doneNearCopies_other: '{{formatted}} near copies, listed in their stacks',
    nearCopiesCount_one: '{{formatted}} near copy',
    nearCopiesCount_many: '{{formatted}} near copies',
    nearCopiesCount_other: '{{formatted}} near copies',
    membersHeading_one: 'This stack holds {{formatted}} file:',
    membersHeading_many: 'This stack holds {{formatted}} files:',
    membersHeading_other: 'This stack holds {{formatted}} files:',
    shown: 'shown for the stack',
    exactCopy: 'exact copy',
    nearCopy: 'near copy (distance {{distance}})',
    known: 'known, not shown',
    memberLine: '{{path}} — {{relation}}',
    showThumbnails: 'Show veiled thumbnails of the near copies',
    hideThumbnails: 'Hide the thumbnails',
    thumbnailAlt: 'Veiled thumbnail of {{path}}',
    loadFailed: "The stack's files could not be listed: {{message}}",
  },
};

export type StacksMessages = typeof enStacks;
