import { parentPort } from 'node:worker_threads';
import { errorCode } from '../case/error-code.js';
import { openWorkspaceDb, type OpenedWorkspace } from './workspace-open.js';
import { WorkspaceEnvelopeSchema, type WorkspaceReply, type WorkspaceRequest } from './workspace-protocol.js';
import { prepareWorkspaceQueries, type WorkspaceQueries } from './workspace-queries.js';
import { unchangedFiles } from './unchanged-files.js';
import { packRows, PackedRowsSchema, transferablesOf } from './packed-rows.js';
import { prepareDecisionQueries, type DecisionQueries } from './workspace-decision-queries.js';
import { prepareAuthorisationQueries, type AuthorisationQueries } from './workspace-authorisation-queries.js';

/**
 * The thread that owns one case workspace's connection (as Signal Desktop's SQL worker does):
 * better-sqlite3 is synchronous, so a query here never stalls the main side's event loop.
 * Requests are handled one at a time, in order.
 */

let opened: OpenedWorkspace | null = null;
let queries: WorkspaceQueries | null = null;
let decisions: DecisionQueries | null = null;
let authorisations: AuthorisationQueries | null = null;

/** Refuses a write unless this thread is the workspace's one writer. */
function writer(): WorkspaceQueries {
  if (opened?.status.mode !== 'read-write' || queries === null)
    throw Object.assign(new Error('the workspace is not open for writing'), { code: 'workspace-read-only' });
  return queries;
}

/** Reads whatever there is; an unavailable or not-yet-made workspace reads as empty. */
function reader(): WorkspaceQueries | null {
  if (opened === null) throw Object.assign(new Error('the workspace is not open'), { code: 'workspace-not-open' });
  return queries;
}

function close(): void {
  opened?.db?.close();
  opened?.lock?.release();
  opened = null;
  queries = null;
  decisions = null;
  authorisations = null;
}

/** The review record's queries for writing, refused unless this thread is the one writer. */
function decisionWriter(): DecisionQueries {
  writer();
  if (decisions === null) throw Object.assign(new Error('the workspace is not open for writing'), { code: 'workspace-read-only' });
  return decisions;
}

async function handle(request: WorkspaceRequest): Promise<unknown> {
  switch (request.type) {
    case 'open': {
      if (opened !== null) throw Object.assign(new Error('the workspace is already open'), { code: 'workspace-already-open' });
      opened = await openWorkspaceDb(request.args);
      queries = opened.db === null ? null : prepareWorkspaceQueries(opened.db);
      decisions = opened.db === null ? null : prepareDecisionQueries(opened.db);
      authorisations = opened.db === null ? null : prepareAuthorisationQueries(opened.db);
      return opened.status;
    }
    case 'putItems':
      writer().putItems(request.items);
      return {};
    case 'readItems':
      return reader()?.readItems(request.afterRowId, request.limit) ?? { items: [], nextRowId: null };
    case 'changedFiles':
      return { changed: reader()?.changedFiles(request.files) ?? request.files.map((file) => file.path) };
    case 'unchangedFiles': {
      const stored = reader();
      return { rows: packRows(stored === null ? [] : unchangedFiles(request.rootDir, request.paths, stored.storedStamp)) };
    }
    case 'putPdq':
      writer().putPdq(request.entries);
      return {};
    case 'listNotes':
      return { notes: reader()?.listNotes() ?? [] };
    case 'saveNote':
      return { note: writer().saveNote(request.relativePath, request.text, request.nowMs) };
    case 'close':
      close();
      return {};
    case 'appendDecisions':
      decisionWriter().appendDecisions(request.events);
      return {};
    case 'latestDecisions':
      reader();
      return decisions?.latestDecisions(request.afterSeq, request.limit) ?? { events: [], nextSeq: null };
    case 'itemHistory':
      reader();
      return { events: decisions?.itemHistory(request.itemPath) ?? [] };
    case 'lastActionId':
      reader();
      return { actionId: decisions?.lastActionId() ?? 0 };
    case 'chooseScheme': {
      reader();
      // A reader may not choose: it is told the writer's choice, or the one asked for when there is none yet.
      if (opened?.status.mode !== 'read-write') return { scheme: decisions?.readScheme() ?? request.scheme };
      return { scheme: decisionWriter().chooseScheme(request.scheme) };
    }
    case 'readScheme':
      reader();
      return { scheme: decisions?.readScheme() ?? null };
    case 'rememberPlace':
      // A case another Veil holds keeps its own place: a reader's is not written.
      if (opened?.status.mode === 'read-write') decisionWriter().rememberPlace(request.itemPath);
      return {};
    case 'readPlace':
      reader();
      return { itemPath: decisions?.readPlace() ?? null };
    case 'appendAuthorisation':
      writer();
      if (authorisations === null) throw Object.assign(new Error('the workspace is not open for writing'), { code: 'workspace-read-only' });
      authorisations.append(request.row);
      return {};
    case 'listAuthorisations':
      reader();
      return { rows: authorisations?.list() ?? [] };
    case 'writeReferralMeta':
      writer();
      if (authorisations === null) throw Object.assign(new Error('the workspace is not open for writing'), { code: 'workspace-read-only' });
      authorisations.writeMeta(request.key, request.value);
      return {};
    case 'readReferralMeta':
      reader();
      return authorisations?.readMeta() ?? { chosenManifest: null, continuedWithout: null };
  }
}

const port = parentPort;
if (port === null) throw new Error('workspace-worker.ts runs only as a worker thread');

// One request at a time: a chain keeps replies in order and SQLite's use single-threaded.
let chain: Promise<void> = Promise.resolve();
port.on('message', (message: unknown) => {
  const receivedMs = performance.now();
  chain = chain.then(async () => {
    const envelope = WorkspaceEnvelopeSchema.safeParse(message);
    if (!envelope.success) {
      const id = typeof message === 'object' && message !== null && 'id' in message && typeof message.id === 'number' ? message.id : -1;
      port.postMessage({ id, ok: false, code: 'invalid-request', message: envelope.error.issues[0]?.message ?? 'invalid' } satisfies WorkspaceReply);
      return;
    }
    const { id, request } = envelope.data;
    try {
      const result = await handle(request);
      // Packed rows' buffers move to the main side instead of being copied.
      const packed = typeof result === 'object' && result !== null && 'rows' in result ? PackedRowsSchema.safeParse(result.rows) : null;
      const transfer = packed?.success === true ? transferablesOf(packed.data) : [];
      port.postMessage({ id, ok: true, result, workerMs: performance.now() - receivedMs } satisfies WorkspaceReply, transfer);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      port.postMessage({ id, ok: false, code: errorCode(error), message: text, workerMs: performance.now() - receivedMs } satisfies WorkspaceReply);
    }
  });
});
