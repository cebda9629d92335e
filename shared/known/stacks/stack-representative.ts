import { isHiddenPath } from '../../case/hidden-path.js';

/** What choosing a stack's representative needs to know of a member. */
export interface RepresentativeCandidate {
  relativePath: string;
  /** Width × height of the picture, learnt with its PDQ hash; null while unknown (a hash kept before pictures' sizes were). */
  pixels: number | null;
  /** The file's size in bytes: it decides between pictures of equal or unknown size (a recompressed copy is usually the smaller file). */
  sizeBytes: number;
  /** Its exact hash is in an enabled set: it is hidden, so it never represents a stack another member can. */
  known: boolean;
}

/**
 * The index of the member that represents a stack in the grid: not a known item when
 * another member is not; then a normally named file, never a hidden one when another
 * exists (an investigator looks for "photo.jpg", not ".cache/photo.jpg"); then the largest
 * picture in pixels, a picture of unknown size ranking below any of known size; then the
 * largest file; then the first in the case's order (`caseOrder`, negative when its first
 * argument comes first). The order is total, so the choice does not depend on the members'
 * order. One pass, no sort: a stack may hold thousands. -1 for no members.
 */
export function representativeOf<T extends RepresentativeCandidate>(members: readonly T[], caseOrder: (a: T, b: T) => number): number {
  let best = -1;
  members.forEach((member, at) => {
    if (best === -1 || representsBetter(member, members[best]!, caseOrder)) best = at;
  });
  return best;
}

function representsBetter<T extends RepresentativeCandidate>(candidate: T, current: T, caseOrder: (a: T, b: T) => number): boolean {
  if (candidate.known !== current.known) return !candidate.known;
  const candidateHidden = isHiddenPath(candidate.relativePath);
  if (candidateHidden !== isHiddenPath(current.relativePath)) return !candidateHidden;
  const candidatePixels = candidate.pixels ?? -1;
  const currentPixels = current.pixels ?? -1;
  if (candidatePixels !== currentPixels) return candidatePixels > currentPixels;
  if (candidate.sizeBytes !== current.sizeBytes) return candidate.sizeBytes > current.sizeBytes;
  return caseOrder(candidate, current) < 0;
}

/** Width × height, or null when either is unknown. */
export function pixelsOf(picture: { widthPx: number | null; heightPx: number | null }): number | null {
  return picture.widthPx === null || picture.heightPx === null ? null : picture.widthPx * picture.heightPx;
}
