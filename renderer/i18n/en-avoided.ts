/**
 * English strings of "exposure avoided": the line under the case's counts and the section
 * of My exposure. Part of `en` (en.ts).
 */
export const enAvoided = {
  avoided: {
    caseLine: 'Files spared: {{files}}, about {{duration}} of viewing (estimate)',
    caseLineFiles: 'Files spared: {{files}}',
    caseLineNoEstimate: 'Files spared: {{files}} (no time estimate yet)',
    caseHelp:
      'Known files and identical copies that Veil will not show you: {{known}} known, {{copies}} copies. The time is an estimate from your own median viewing time per item.',
    title: 'Exposure avoided this week',
    week: '{{files}} files not shown, about {{duration}} of viewing spared (estimate)',
    weekNoEstimate: '{{files}} files not shown',
    weekNone: 'No files spared this week yet.',
    breakdown: 'Known files: {{known}} · Identical copies: {{copies}}',
    basis: 'Estimate: {{files}} files × your median of {{median}} per item viewed ({{views}} items in the last 12 weeks).',
    noEstimate: 'No time estimate yet: it comes from your own viewing time per item, and you have not viewed an item in the viewer yet.',
    privacy: 'Only these counts are kept in your exposure record: never which case they came from.',
  },
};

export type AvoidedMessages = typeof enAvoided;
