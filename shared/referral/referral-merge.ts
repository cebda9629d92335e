import { IndustryClassSchema, ReferralAnnotationSchema, type IndustryClass, type ReferralEntry } from './referral-entry.js';

const SEVERITY: readonly IndustryClass[] = IndustryClassSchema.options;

function severer(a: IndustryClass | null, b: IndustryClass | null): IndustryClass | null {
  if (a === null) return b;
  if (b === null) return a;
  return SEVERITY.indexOf(a) <= SEVERITY.indexOf(b) ? a : b;
}

/** "Not viewed" and "not public" are the readings that keep a file locked; either row saying so wins over a "yes". */
function stricter(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  return a ?? b;
}

/**
 * Two readings of the same file (named twice in a manifest, or matched once by path and once
 * by digest), as one: the stronger reading wins field by field — the more severe class, every
 * annotation of either, "not viewed" over "viewed", "not public" over "public". A mistake in
 * that direction costs a stronger filter or an authorisation; one in the other direction
 * shows an investigator pixels a warrant was needed for, or without warning.
 */
export function mergeReadings(first: ReferralEntry, second: ReferralEntry): ReferralEntry {
  const annotations = new Set([...first.annotations, ...second.annotations]);
  return {
    place: first.place,
    path: first.path ?? second.path,
    md5: first.md5 ?? second.md5,
    sha1: first.sha1 ?? second.sha1,
    sha256: first.sha256 ?? second.sha256,
    classification: severer(first.classification, second.classification),
    providerViewed: stricter(first.providerViewed, second.providerViewed),
    publiclyAvailable: stricter(first.publiclyAvailable, second.publiclyAvailable),
    annotations: ReferralAnnotationSchema.options.filter((annotation) => annotations.has(annotation)),
    // Both texts are kept when they differ: the investigator reads them, Veil does not judge them.
    extra: [...first.extra, ...second.extra.filter((cell) => !first.extra.some((kept) => kept.name === cell.name && kept.value === cell.value))],
  };
}
