/**
 * English strings of overruling a hash set's category with a typed reason, and of the History
 * lines that go with it (reasons, referral authorisations). Part of `en` (en.ts).
 */
export const enOverrule = {
  overrule: {
    title: 'Change a category from a hash set',
    intro: 'This file’s category came from a hash set. To change it to {{category}}, say why: the reason is kept in the file’s history.',
    label: 'Reason',
    help: '{{min}} to {{max}} characters, plain text.',
    tooShort: 'Give a reason of at least {{min}} characters.',
    tooLong: 'The reason is too long: at most {{max}} characters.',
    notPlain: 'The reason must be plain text (no control characters).',
    cancel: 'Cancel',
    confirm: 'Change category',
    busy: 'Changing…',
    failed: 'The category was not changed: {{message}}',
    escape: 'Esc cancels and hides all media',
    keptFromSet: 'Category from its hash set: changing it asks for a reason.',
  },
  historyExtra: {
    reason: 'Reason: {{reason}}',
    authorised: 'Authorisation to open: {{reference}} of {{date}} · {{user}} · {{time}}',
  },
};

export type OverruleMessages = typeof enOverrule;
