import { z } from 'zod';
import { CaseIdSchema } from '../case/case-summary.js';
import { ItemIdSchema } from '../media/derivative.js';
import { BlurLevelSchema } from '../media/filter-profile.js';

/** Where media is on screen. The storyboard belongs to the viewer; the grid shows thumbnails. */
const SurfaceSchema = z.enum(['viewer', 'storyboard', 'grid']);
export type Surface = z.infer<typeof SurfaceSchema>;

/** A reveal in progress: the spotlight around the pointer, or the whole item for a few seconds. */
export const RevealModeSchema = z.enum(['none', 'spotlight', 'whole']);
export type RevealMode = z.infer<typeof RevealModeSchema>;

/** The filter as the user actually sees it on a surface, reveals included. */
const ShownFilterSchema = z.object({ greyscale: z.boolean(), blur: BlurLevelSchema, reveal: RevealModeSchema }).strict();
export type ShownFilter = z.infer<typeof ShownFilterSchema>;

const VisibleSurfaceSchema = z
  .object({
    surface: SurfaceSchema,
    /** Items whose pixels are on screen there (checked against the open case, never stored). */
    itemIds: z.array(ItemIdSchema).min(1).max(500),
    filter: ShownFilterSchema,
  })
  .strict();
export type VisibleSurface = z.infer<typeof VisibleSurfaceSchema>;

/**
 * What the renderer says is on screen, sent whenever it changes. The renderer only
 * reports; the main side owns the clock and decides what counts. `surfaces` lists only
 * media whose pixels are painted (loaded, not hidden); it is empty while media is hidden.
 */
export const VisibilityReportSchema = z
  .object({
    caseId: CaseIdSchema,
    /** Increases with every report from one renderer; an older one arriving late is refused. */
    seq: z.number().int().nonnegative(),
    /** The page itself is visible (document.visibilityState), as far as the renderer knows. */
    pageVisible: z.boolean(),
    surfaces: z.array(VisibleSurfaceSchema).max(3),
    /** The viewer's video, if one is open: playing, and whether its sound can be heard. */
    video: z.object({ playing: z.boolean(), audible: z.boolean() }).strict().nullable(),
  })
  .strict()
  .refine((report) => new Set(report.surfaces.map((s) => s.surface)).size === report.surfaces.length, {
    message: 'each surface may be listed once',
    path: ['surfaces'],
  });
export type VisibilityReport = z.infer<typeof VisibilityReportSchema>;
