import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { workspaceFilePath } from '../../../electron/services/workspace/workspace-location.js';
import { openCaseWorkspace, type CaseWorkspace, type OpenCaseWorkspaceOptions } from '../../../electron/services/workspace/workspace-client.js';
import { bundledEntry } from '../../fixtures/bundled-entry.js';

const WORKER_SOURCE = new URL('../../../electron/services/workspace/workspace-worker.ts', import.meta.url);

let stampCounter = 0;

/** Opens a workspace in a worker thread the way the app does, with test defaults. */
export async function openForTest(filePath: string, overrides: Partial<OpenCaseWorkspaceOptions> = {}): Promise<CaseWorkspace> {
  return openCaseWorkspace({
    filePath,
    legacyNotesPath: null,
    host: 'browser',
    nowMs: 1_800_000_000_000,
    stamp: `s${(stampCounter += 1)}`,
    workerPath: await bundledEntry(WORKER_SOURCE),
    ...overrides,
  });
}

/**
 * A temp folder holding a case folder's parent, for each test: `dbPath` is where that case's
 * workspace goes. Workspaces opened with `open` are closed (their threads ended) after each test.
 */
export function workspaceSandbox(): { parent: string; caseRoot: string; dbPath: string; open: typeof openForTest } {
  const opened: CaseWorkspace[] = [];
  const sandbox = {
    parent: '',
    caseRoot: '',
    dbPath: '',
    async open(...args: Parameters<typeof openForTest>): Promise<CaseWorkspace> {
      const workspace = await openForTest(...args);
      opened.push(workspace);
      return workspace;
    },
  };
  beforeEach(async () => {
    sandbox.parent = await mkdtemp(path.join(os.tmpdir(), 'veil-workspace-'));
    sandbox.caseRoot = path.join(sandbox.parent, 'Operation Birch');
    sandbox.dbPath = workspaceFilePath(sandbox.caseRoot);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((workspace) => workspace.close()));
    await rm(sandbox.parent, { recursive: true, force: true });
  });
  return sandbox;
}
