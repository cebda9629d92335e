/**
 * English strings of the review queue: the grid's "Show" choice, the case's counts, and how
 * known and near-matched items are drawn. Part of `en` (en.ts).
 */
export const enReview = {
  review: {
    show: 'Show',
    view: {
      'to-review': 'To review',
      known: 'Known',
      near: 'Near matches',
      duplicates: 'Duplicates',
      all: 'All',
    },
    viewOption: '{{label}} ({{formatted}})',
    cellName: '{{match}}. {{name}}',
    empty: {
      'to-review': 'Nothing left to review: every item of this case is known.',
      known: 'No item of this case is known.',
      near: 'No item of this case is a near match.',
      duplicates: 'No item of this case has identical copies.',
      all: 'This case has no items.',
    },
    counts: {
      items_one: '{{formatted}} item',
      items_many: '{{formatted}} items',
      items_other: '{{formatted}} items',
      known_one: '{{formatted}} known',
      known_many: '{{formatted}} known',
      known_other: '{{formatted}} known',
      duplicates_one: '{{formatted}} duplicate',
      duplicates_many: '{{formatted}} duplicates',
      duplicates_other: '{{formatted}} duplicates',
      toReview_one: '{{formatted}} to review',
      toReview_many: '{{formatted}} to review',
      toReview_other: '{{formatted}} to review',
      nearSearch: 'looking for near matches: {{done}} of {{total}}',
    },
    doneKnown_one: '{{formatted}} known, not shown',
    doneKnown_many: '{{formatted}} known, not shown',
    doneKnown_other: '{{formatted}} known, not shown',
    known: 'Known — {{category}} — {{setName}}',
    near: 'Near match (distance {{distance}}) — {{category}} — {{setName}}',
    category: {
      numbered: 'category {{code}}, {{label}}',
      lettered: 'category {{code}}',
      none: 'no category',
    },
    showKnown: 'Show known items',
    hideKnown: 'Hide known items',
    showKnownHelp:
      'Known items match a known-material hash set, so Veil does not show them. If you choose to see them in this case, they are shown veiled like any item, and the time they are on screen counts as exposure.',
    knownShownHelp: 'Known items of this case are shown, veiled, and count as exposure. They are hidden again when the case is next opened.',
    showKnownFailed: 'Known items could not be shown or hidden: {{message}}',
  },
};

export type ReviewMessages = typeof enReview;
