import { rm } from 'node:fs/promises';
import type { CaseScheme } from '../../../../shared/review/category-scheme.js';
import type { ExportFormat, ExportReviewResult } from '../../../../shared/review/export-contract.js';
import { csvChunks } from '../../../../shared/review/export-csv.js';
import type { ExportRow } from '../../../../shared/review/export-rows.js';
import { summaryHtml, type ReviewSummary } from '../../../../shared/review/export-summary-html.js';
import { vicsChunks } from '../../../../shared/review/export-vics.js';
import { writeExportFile, type PublishFs } from './export-file.js';

export interface ReviewExportFiles {
  /** The checked folder's real path. */
  folder: string;
  /** File names start with this (`veil-review-<case>-<time>`); each format adds its extension. */
  baseName: string;
  formats: readonly ExportFormat[];
  rows: readonly ExportRow[];
  scheme: CaseScheme;
  includeNotes: boolean;
  summary: ReviewSummary;
  fs?: PublishFs;
}

const EXTENSIONS: Readonly<Record<ExportFormat, string>> = { vics: 'json', csv: 'csv', html: 'html' };

/**
 * Writes each asked format in turn, each file whole or not at all (see writeExportFile); when one
 * cannot be written, those already written by this export are removed again, so the investigator
 * told "nothing was exported" finds nothing, not a VICS file without its summary.
 */
export async function writeReviewExport(files: ReviewExportFiles): Promise<ExportReviewResult> {
  const written: ExportReviewResult['files'] = [];
  try {
    for (const format of new Set(files.formats)) {
      const chunks =
        format === 'vics'
          ? vicsChunks(files.rows, files.scheme)
          : format === 'csv'
            ? csvChunks(files.rows, files.scheme, files.includeNotes)
            : [summaryHtml(files.summary)];
      const { filePath, sizeBytes } = await writeExportFile(files.folder, `${files.baseName}.${EXTENSIONS[format]}`, chunks, files.fs);
      written.push({ format, filePath, sizeBytes });
    }
  } catch (error) {
    await Promise.all(written.map(({ filePath }) => rm(filePath, { force: true }).catch(() => undefined)));
    throw error;
  }
  return { files: written, recordCount: files.rows.length };
}
