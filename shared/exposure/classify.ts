import { BLUR_LEVELS, type BlurLevel } from '../media/filter-profile.js';
import type { CountedSurface, ExposureRecord } from './ledger-record.js';
import type { RevealMode, VisibilityReport, VisibleSurface } from './visibility-report.js';

/**
 * What one moment of exposure is, as the ledger records it: the fields of an
 * ExposureRecord that are not times. Two moments with equal classes belong in one record.
 */
export type ExposureClass = Pick<ExposureRecord, 'surface' | 'greyscale' | 'blur' | 'reveal' | 'audio'>;

const REVEAL_RANK: Record<RevealMode, number> = { none: 0, spotlight: 1, whole: 2 };

/** The more exposing of two reveal modes (whole > spotlight > none). */
function moreRevealing(a: RevealMode, b: RevealMode): RevealMode {
  return REVEAL_RANK[b] > REVEAL_RANK[a] ? b : a;
}

/** The weaker of two blur levels: the one that hides less ('off' is the weakest). */
function weakerBlur(a: BlurLevel, b: BlurLevel): BlurLevel {
  return BLUR_LEVELS.indexOf(b) < BLUR_LEVELS.indexOf(a) ? b : a;
}

/**
 * The most exposing reveal among the surfaces a report lists, whether or not the page
 * is visible: a reveal is the user's deliberate act, so it is tracked from what the
 * renderer shows, and a window that flickers during one reveal does not make it two.
 */
export function reportedRevealMode(report: Pick<VisibilityReport, 'surfaces'>): RevealMode {
  return report.surfaces.reduce<RevealMode>((mode, s) => moreRevealing(mode, s.filter.reveal), 'none');
}

/**
 * The class of exposure a report describes, or null when it shows nothing countable
 * (the page is not visible, or no media is painted, e.g. after Hide all).
 *
 * Rules (the most exposing state wins, because the ledger measures what the eyes could
 * see): surface 'viewer' when the viewer or storyboard is on screen, otherwise 'grid'
 * (grid-only time); reveal whole > spotlight > none; blur the weakest level shown;
 * greyscale only when every surface is grey; audio when a video plays audibly while a
 * viewer surface is on screen. Window, lock, suspend and idleness are the tracker's
 * business, not the report's.
 */
export function classifyReport(report: VisibilityReport): ExposureClass | null {
  const first = report.surfaces[0];
  if (!report.pageVisible || first === undefined) return null;
  const surface: CountedSurface = report.surfaces.some(isViewerSurface) ? 'viewer' : 'grid';
  let blur = first.filter.blur;
  let reveal: RevealMode = 'none';
  let greyscale = true;
  for (const s of report.surfaces) {
    blur = weakerBlur(blur, s.filter.blur);
    reveal = moreRevealing(reveal, s.filter.reveal);
    greyscale = greyscale && s.filter.greyscale;
  }
  const audio = surface === 'viewer' && report.video !== null && report.video.playing && report.video.audible;
  return { surface, greyscale, blur, reveal, audio };
}

function isViewerSurface(s: VisibleSurface): boolean {
  return s.surface === 'viewer' || s.surface === 'storyboard';
}

/** True when two classes would be written as the same record (so one record covers both). */
export function sameClass(a: ExposureClass, b: ExposureClass): boolean {
  return a.surface === b.surface && a.greyscale === b.greyscale && a.blur === b.blur && a.reveal === b.reveal && a.audio === b.audio;
}
