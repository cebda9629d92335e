/**
 * English strings of the grid's multi-selection and of categorising it together, and of the
 * "open the next item after categorising" setting. Part of `en` (en.ts).
 */
export const enSelection = {
  selection: {
    hint: 'Ctrl+click or Space selects several items to categorise at once',
    count_one: '{{formatted}} selected',
    count_many: '{{formatted}} selected',
    count_other: '{{formatted}} selected',
    clear: 'Clear selection',
    overLimit: 'At most {{formatted}} items can be selected at once: nothing was added.',
    rangeFailed: 'The range could not be selected, nothing was added: {{message}}',
    appliedItems_one: 'Category {{category}} applied to {{formatted}} item',
    appliedItems_many: 'Category {{category}} applied to {{formatted}} items',
    appliedItems_other: 'Category {{category}} applied to {{formatted}} items',
    clearedItems_one: 'Uncategorised: {{formatted}} item',
    clearedItems_many: 'Uncategorised: {{formatted}} items',
    clearedItems_other: 'Uncategorised: {{formatted}} items',
    copies_one: '({{formatted}} copy)',
    copies_many: '({{formatted}} copies)',
    copies_other: '({{formatted}} copies)',
    skippedKnown_one: "{{formatted}} known item skipped: it keeps its hash set's category.",
    skippedKnown_many: "{{formatted}} known items skipped: they keep their hash sets' categories.",
    skippedKnown_other: "{{formatted}} known items skipped: they keep their hash sets' categories.",
    undone_one: 'Undone: the decision on {{formatted}} item',
    undone_many: 'Undone: the decision on {{formatted}} items',
    undone_other: 'Undone: the decision on {{formatted}} items',
    redone_one: 'Redone: the decision on {{formatted}} item',
    redone_many: 'Redone: the decision on {{formatted}} items',
    redone_other: 'Redone: the decision on {{formatted}} items',
    openNextSetting: 'Open the next item to review after categorising',
    openNextHelp: 'In the viewer, a category key or button then moves on by itself, as N does. "Uncategorised" stays on the item.',
  },
};

export type SelectionMessages = typeof enSelection;
