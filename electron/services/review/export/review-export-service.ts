import { sparedCounts } from '../../../../shared/exposure/exposure-avoided.js';
import type { MediaItem } from '../../../../shared/case/media-item.js';
import { VeilRequestError } from '../../../../shared/contract-errors.js';
import { reasonOf } from '../../../../shared/reasons/reason.js';
import { schemeCategories } from '../../../../shared/review/category-scheme.js';
import { currentCategories } from '../../../../shared/review/decision-event.js';
import type { ExportReviewArgs, ExportReviewResult } from '../../../../shared/review/export-contract.js';
import { exportRows } from '../../../../shared/review/export-rows.js';
import type { CaseSession } from '../../case/case-session.js';
import { errorCode } from '../../case/error-code.js';
import type { CaseNotes } from '../../../../shared/notes/case-notes.js';
import type { CaseWorkspace } from '../../workspace/workspace-client.js';
import type { ReviewService } from '../review-service.js';
import { checkExportFolder, exportFolderReason } from './export-folder.js';
import { writeReviewExport } from './review-export-writer.js';

export interface ReviewExportDeps {
  session: Pick<CaseSession, 'summary' | 'listItems' | 'caseFolder'>;
  review: Pick<ReviewService, 'state' | 'whenWritten'>;
  workspace: (caseId: string) => Promise<Pick<CaseWorkspace, 'latestDecisions'> | null>;
  /** The case's notes, read only when the investigator asks for them in the export. */
  notes: (caseId: string) => Promise<Pick<CaseNotes, 'notes'>>;
  /** Veil's data folder: never an export's destination. */
  dataDir: string;
  nowMs: () => number;
}

const LIST_PAGE = 5000;
const MAX_NAME_CHARS = 60;

/** A file-name-safe form of the case's name: letters and digits kept (accents too), anything else a dash. */
function safeName(caseName: string): string {
  const cleaned = caseName
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  return cleaned.slice(0, MAX_NAME_CHARS) || 'case';
}

/** `20261207-0412` in UTC: sorts by time, no characters a file system refuses. */
function timeStamp(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/**
 * Exports the open case's review: every file with a category (decisions read from the
 * workspace in one pass, stack decisions spread to every copy, known items precategorised)
 * as VICS 2.0 JSON and CSV, and the one-page summary as HTML, into a folder the investigator
 * chose. Decisions still waiting to be saved are waited for once; if some remain the export is
 * refused, since it would say less than the investigator decided.
 */
export function createReviewExport(deps: ReviewExportDeps): (args: ExportReviewArgs) => Promise<ExportReviewResult> {
  const allItems = (caseId: string): MediaItem[] => {
    const items: MediaItem[] = [];
    for (let offset = 0; ; offset += LIST_PAGE) {
      const page = deps.session.listItems(caseId, offset, LIST_PAGE, 'all');
      items.push(...page.items);
      if (offset + LIST_PAGE >= page.total) return items;
    }
  };

  return async (args) => {
    const { realRoot } = deps.session.caseFolder(args.caseId);
    const folder = await checkExportFolder(args.folderPath, { dataDir: deps.dataDir, caseRoot: realRoot });
    await deps.review.state(args.caseId);
    await deps.review.whenWritten();
    const state = await deps.review.state(args.caseId);
    if (state.unsavedCount > 0) throw VeilRequestError.because(reasonOf('review-export-unsaved', { count: state.unsavedCount }));
    const workspace = await deps.workspace(args.caseId);
    const summary = deps.session.summary();
    if (workspace === null || summary?.caseId !== args.caseId) throw VeilRequestError.because(reasonOf('review-export-no-record', {}));
    const decided = currentCategories(await workspace.latestDecisions());
    const notes = args.includeNotes ? new Map((await deps.notes(args.caseId)).notes.map((note) => [note.relativePath, note.text])) : null;
    const tallied = exportRows(allItems(args.caseId), decided, state.scheme, notes);
    const spared = sparedCounts(summary);
    const nowMs = deps.nowMs();
    try {
      return await writeReviewExport({
        folder,
        baseName: `veil-review-${safeName(summary.name)}-${timeStamp(nowMs)}`,
        formats: args.formats,
        rows: tallied.rows,
        scheme: state.scheme,
        includeNotes: args.includeNotes,
        summary: {
          caseName: summary.name,
          schemeName: args.schemeName,
          language: args.language,
          writtenAtMs: nowMs,
          fileCount: summary.itemCount + summary.duplicateCount,
          itemCount: summary.itemCount,
          knownCount: summary.knownCount,
          duplicateCount: summary.duplicateCount,
          nearCopyCount: summary.nearCopyCount,
          reviewedCount: tallied.reviewedCount,
          toReviewCount: tallied.toReviewCount - tallied.reviewedCount,
          avoidedCount: spared.knownCount + spared.duplicateCount + spared.nearCopyCount,
          categories: schemeCategories(state.scheme).map(({ code }) => ({
            code,
            name: args.categoryNames[code] ?? code,
            tally: tallied.byCategory.get(code) ?? { reviewed: 0, known: 0 },
          })),
        },
      });
    } catch (error) {
      throw VeilRequestError.because(exportFolderReason(args.folderPath, errorCode(error)));
    }
  };
}
