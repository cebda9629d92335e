/**
 * English strings of "exposure avoided": the line under the case's counts and the section
 * of My exposure. Part of `en` (en.ts). Counted strings have `_one`/`_many`/`_other` forms
 * (`_many` for French's plural rules: both files must have the same keys).
 */
export const enAvoided = {
  avoided: {
    caseLine_one: 'File spared: {{files}}, about {{duration}} of viewing (estimate)',
    caseLine_many: 'Files spared: {{files}}, about {{duration}} of viewing (estimate)',
    caseLine_other: 'Files spared: {{files}}, about {{duration}} of viewing (estimate)',
    caseLineFiles_one: 'File spared: {{files}}',
    caseLineFiles_many: 'Files spared: {{files}}',
    caseLineFiles_other: 'Files spared: {{files}}',
    caseLineNoEstimate_one: 'File spared: {{files}} (no time estimate yet)',
    caseLineNoEstimate_many: 'Files spared: {{files}} (no time estimate yet)',
    caseLineNoEstimate_other: 'Files spared: {{files}} (no time estimate yet)',
    caseHelp:
      'Known files, identical copies and near copies that Veil will not show you: {{known}}, {{copies}}, {{near}}. The time is an estimate from your own median viewing time per item.',
    knownPart_one: '{{formatted}} known',
    knownPart_many: '{{formatted}} known',
    knownPart_other: '{{formatted}} known',
    copiesPart_one: '{{formatted}} copy',
    copiesPart_many: '{{formatted}} copies',
    copiesPart_other: '{{formatted}} copies',
    nearPart_one: '{{formatted}} near copy',
    nearPart_many: '{{formatted}} near copies',
    nearPart_other: '{{formatted}} near copies',
    title: 'Exposure avoided this week',
    week_one: '{{files}} file not shown, about {{duration}} of viewing spared (estimate)',
    week_many: '{{files}} files not shown, about {{duration}} of viewing spared (estimate)',
    week_other: '{{files}} files not shown, about {{duration}} of viewing spared (estimate)',
    weekNoEstimate_one: '{{files}} file not shown',
    weekNoEstimate_many: '{{files}} files not shown',
    weekNoEstimate_other: '{{files}} files not shown',
    weekNone: 'No files spared this week yet.',
    breakdown: 'Known files: {{known}} · Identical copies: {{copies}} · Near copies: {{near}}',
    basis: 'Estimate: {{files}} × your median of {{median}} per item viewed ({{views}} in the last 12 weeks).',
    filesPart_one: '{{formatted}} file',
    filesPart_many: '{{formatted}} files',
    filesPart_other: '{{formatted}} files',
    viewsPart_one: '{{formatted}} item',
    viewsPart_many: '{{formatted}} items',
    viewsPart_other: '{{formatted}} items',
    noEstimate: 'No time estimate yet: it comes from your own viewing time per item, and you have not viewed an item in the viewer yet.',
    privacy: 'Only these counts are kept in your exposure record: never which case they came from.',
  },
};

export type AvoidedMessages = typeof enAvoided;
