import path from 'node:path';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import type { HashSetImportProgress, HashSetSummary, ImportHashSetResult, KnownMatch } from '../../../shared/known/hash-set-contract.js';
import type { Hex64Kind } from '../../../shared/known/hash-kind.js';
import type { HashSetScheme } from '../../../shared/known/hash-set-scheme.js';
import { LIBRARY_FILE_NAME, openKnownLibrary, removeSetRows, type LibraryDb } from './known-library-db.js';
import { importHashSetFile } from './known-import.js';
import { getSet, listSets, lookupHashes, pdqHashes, setEnabled, type FileHashes, type KnownPdq } from './known-queries.js';

/** Progress events at most this often: a 1 GB file must not flood the renderer. */
const PROGRESS_INTERVAL_MS = 250;

export interface KnownMaterialDeps {
  /** The library folder now (the setting, or its default inside the data folder). */
  folder: () => string;
  nowMs: () => number;
  onProgress: (progress: HashSetImportProgress) => void;
  /** A set was imported, removed, turned on or off: an open case's known matches change. */
  onSetsChanged: () => void;
}

export interface KnownMaterialService {
  importHashSet(args: { filePath: string; name: string; scheme: HashSetScheme; hex64Kind: Hex64Kind }): Promise<ImportHashSetResult>;
  /** Stops the running import, which then resolves as cancelled and leaves nothing behind. False when none runs. */
  cancelImport(): boolean;
  listHashSets(): HashSetSummary[];
  removeHashSet(setId: number): HashSetSummary[];
  setHashSetEnabled(setId: number, enabled: boolean): HashSetSummary[];
  /** Enabled sets that know a file by its MD5, SHA-1 or SHA-256; synchronous and index-only (three probes). */
  lookup(hashes: FileHashes): KnownMatch[];
  /** An enabled set's PDQ hashes, for near matching. Consume without awaiting in between: the connection is busy meanwhile. */
  pdqHashes(setId: number): Iterable<KnownPdq>;
  /** The library's database file, for a second connection that only reads (near-index-worker.ts). */
  libraryFile(): string;
  close(): void;
}

/**
 * The known-material library behind the contract. The database opens on first use and
 * again when the folder setting changes; one import runs at a time, and changes to the
 * library wait for it (they would otherwise join its transaction and vanish with a cancel).
 */
export function createKnownMaterialService(deps: KnownMaterialDeps): KnownMaterialService {
  let open: { folder: string; db: LibraryDb } | null = null;
  let running: AbortController | null = null;

  const db = (): LibraryDb => {
    const folder = deps.folder();
    if (open?.folder === folder) return open.db;
    if (running) throw VeilRequestError.because({ code: 'hash-set-import-running', params: {} });
    open?.db.close();
    open = null;
    open = { folder, db: openKnownLibrary(folder) };
    return open.db;
  };
  const idle = () => {
    if (running) throw VeilRequestError.because({ code: 'hash-set-import-running', params: {} });
  };
  const changed = (library: LibraryDb) => {
    deps.onSetsChanged();
    return listSets(library);
  };

  return {
    async importHashSet({ filePath, name, scheme, hex64Kind }) {
      idle();
      const library = db();
      const controller = new AbortController();
      running = controller;
      let lastProgressMs = Number.NEGATIVE_INFINITY;
      try {
        const outcome = await importHashSetFile(library, {
          filePath,
          name,
          scheme,
          hex64Kind,
          // The clock may give fractions of a millisecond; a date is whole milliseconds.
          importedAtMs: Math.floor(deps.nowMs()),
          signal: controller.signal,
          onProgress: (progress) => {
            const now = deps.nowMs();
            if (now - lastProgressMs < PROGRESS_INTERVAL_MS && progress.bytesRead < progress.totalBytes) return;
            lastProgressMs = now;
            deps.onProgress(progress);
          },
        });
        if (outcome.outcome === 'cancelled') return outcome;
        const set = getSet(library, outcome.setId);
        if (set === null) throw VeilRequestError.because({ code: 'hash-set-not-found', params: {} });
        deps.onSetsChanged();
        return { outcome: 'imported', set, badRecords: outcome.badRecords };
      } finally {
        running = null;
      }
    },
    cancelImport() {
      if (!running) return false;
      running.abort();
      return true;
    },
    listHashSets: () => listSets(db()),
    removeHashSet(setId) {
      idle();
      const library = db();
      if (!removeSetRows(library, setId)) throw VeilRequestError.because({ code: 'hash-set-not-found', params: {} });
      return changed(library);
    },
    setHashSetEnabled(setId, enabled) {
      idle();
      const library = db();
      if (!setEnabled(library, setId, enabled)) throw VeilRequestError.because({ code: 'hash-set-not-found', params: {} });
      return changed(library);
    },
    lookup: (hashes) => lookupHashes(db(), hashes),
    pdqHashes: (setId) => pdqHashes(db(), setId),
    libraryFile: () => path.join(deps.folder(), LIBRARY_FILE_NAME),
    close() {
      running?.abort();
      if (!running) open?.db.close();
      open = null;
    },
  };
}
