import { z } from 'zod';
import type { CaseScheme } from './category-scheme.js';
import type { ExportRow } from './export-rows.js';

/** The OData context VICS 2.0 writes for the flat Media form (as Project VIC's own files carry it). */
const VICS_MEDIA_CONTEXT = 'http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Media';

const upperHex = (digits: number) => z.string().regex(new RegExp(`^[0-9A-F]{${digits}}$`));

/**
 * One Media record exactly as Veil writes it: the subset of VICS 2.0 an export carries and no
 * other field. `Category` is a number under the Project VIC numberings and text ("A", a custom
 * key) otherwise, as part 6's importer reads each scheme. `PrecategorizationSource` (the hash
 * set's name) is there only when `IsPrecategorized` is true; `Comments` only when notes were asked for.
 */
const VicsExportMediaSchema = z
  .object({
    MediaID: z.number().int().positive(),
    Category: z.union([z.number().int().min(0).max(9), z.string().min(1).max(64)]),
    MD5: upperHex(32),
    SHA1: upperHex(40),
    MediaSize: z.number().int().nonnegative(),
    RelativeFilePath: z.string().min(1),
    IsPrecategorized: z.boolean(),
    PrecategorizationSource: z.string().min(1).optional(),
    Comments: z.string().min(1).optional(),
  })
  .strict();
export type VicsExportMedia = z.infer<typeof VicsExportMediaSchema>;

/** A whole VICS export file: the flat Media form. */
export const VicsExportSchema = z
  .object({
    '@odata.context': z.literal(VICS_MEDIA_CONTEXT),
    value: z.array(VicsExportMediaSchema),
  })
  .strict()
  .meta({
    $id: 'https://example.org/veil/vics-export.schema.json',
    title: 'Veil review export (VICS 2.0 Media subset)',
    description: 'Exactly the fields Veil writes when it exports a case review as VICS 2.0 JSON. Generated from shared/review/export-vics.ts.',
  });

/** The record of one row; `mediaId` counts from 1 in file order. */
export function vicsMedia(row: ExportRow, mediaId: number, scheme: CaseScheme): VicsExportMedia {
  const numbered = scheme.id === 'vic-us' || scheme.id === 'vic-dhs';
  const media: VicsExportMedia = {
    MediaID: mediaId,
    Category: numbered ? Number(row.category) : row.category,
    MD5: row.md5.toUpperCase(),
    SHA1: row.sha1.toUpperCase(),
    MediaSize: row.sizeBytes,
    RelativeFilePath: row.path,
    IsPrecategorized: row.precategorisedBy !== null,
  };
  if (row.precategorisedBy !== null && row.precategorisedBy !== '') media.PrecategorizationSource = row.precategorisedBy;
  if (row.comment !== null && row.comment !== '') media.Comments = row.comment;
  return media;
}

/**
 * The file's text in pieces of about `rowsPerChunk` records, so 100,000 records are written as
 * they are made rather than held twice as one string. Joined, the pieces are one JSON document.
 */
export function* vicsChunks(rows: readonly ExportRow[], scheme: CaseScheme, rowsPerChunk = 2000): Generator<string> {
  yield `{"@odata.context":${JSON.stringify(VICS_MEDIA_CONTEXT)},"value":[`;
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    const parts: string[] = [];
    const end = Math.min(rows.length, start + rowsPerChunk);
    for (let index = start; index < end; index += 1) {
      const row = rows[index];
      if (row) parts.push(`${index === 0 ? '' : ','}\n${JSON.stringify(vicsMedia(row, index + 1, scheme))}`);
    }
    yield parts.join('');
  }
  yield '\n]}\n';
}
