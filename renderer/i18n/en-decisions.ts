/**
 * English strings of review decisions: the Category buttons, progress in the header, what a
 * decision, undo or redo announces, and decisions not saved yet. Part of `en` (en.ts).
 */
export const enDecisions = {
  decisions: {
    group: 'Category',
    uncategorised: 'Uncategorised',
    /** A category with a name: "1, CAM"; the code alone for UK grades. */
    named: '{{code}}, {{label}}',
    ukNotIndecent: 'Not indecent',
    progress: '{{reviewed}} of {{total}} reviewed',
    unsaved_one: '{{formatted}} decision not saved yet: Veil keeps trying',
    unsaved_many: '{{formatted}} decisions not saved yet: Veil keeps trying',
    unsaved_other: '{{formatted}} decisions not saved yet: Veil keeps trying',
    nextToReview: 'Next to review',
    allReviewed: 'Every item of this case has a category.',
    applied: 'Category {{category}}',
    appliedCopies_one: 'Category {{category}} — applied to {{formatted}} copy',
    appliedCopies_many: 'Category {{category}} — applied to {{formatted}} copies',
    appliedCopies_other: 'Category {{category}} — applied to {{formatted}} copies',
    cleared: 'Uncategorised',
    undone: 'Undone: now {{category}}',
    redone: 'Redone: {{category}}',
    nothingToUndo: 'Nothing to undo',
    nothingToRedo: 'Nothing to redo',
    failed: 'The decision could not be made: {{message}}',
    keysHint: 'Number keys: category. N: next to review. Ctrl+Z: undo. Ctrl+Y: redo.',
  },
};

export type DecisionsMessages = typeof enDecisions;
