import { open } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { CustomScheme } from '../../../shared/review/category-scheme.js';
import type { z } from 'zod';
import {
  parseSchemeFile,
  SCHEME_FILE_MAX_BYTES,
  schemeFileText,
  type SchemeExportResultSchema,
  type SchemeImportResultSchema,
  type SchemeProblem,
} from '../../../shared/review/scheme-file.js';
import { VeilRequestError } from '../../../shared/contract-errors.js';
import { errorCode } from '../case/error-code.js';
import { writeNewFile } from '../platform/durable-write.js';
import type { SettingsService } from '../settings/settings-service.js';

type SchemeImport = z.infer<typeof SchemeImportResultSchema>;
type SchemeExport = z.infer<typeof SchemeExportResultSchema>;

export interface SchemeFiles {
  /** Reads a unit's scheme file into the settings; a file it cannot vouch for is refused with every reason and changes nothing. */
  importScheme(filePath: string): Promise<SchemeImport>;
  /** Writes a kept custom scheme as a new file (never over an existing one), to share with the unit. */
  exportScheme(name: string, filePath: string): Promise<SchemeExport>;
}

/** A typed path that is not absolute would resolve against wherever Veil was started: refused, not guessed. */
const NOT_ABSOLUTE: { outcome: 'refused'; problems: SchemeProblem[] } = { outcome: 'refused', problems: [{ place: '', code: 'not-absolute' }] };

/** Reads at most `maxBytes` + 1 bytes, so a huge file is refused without being read whole. */
async function readCapped(filePath: string, maxBytes: number): Promise<Buffer | null> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return bytesRead > maxBytes ? null : buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Custom category schemes as small JSON files, kept in the settings once imported. */
export function createSchemeFiles(deps: { settings: Pick<SettingsService, 'get' | 'update'> }): SchemeFiles {
  return {
    async importScheme(filePath) {
      if (!isAbsolute(filePath)) return NOT_ABSOLUTE;
      let bytes: Buffer | null;
      try {
        bytes = await readCapped(filePath, SCHEME_FILE_MAX_BYTES);
      } catch {
        return { outcome: 'refused', problems: [{ place: '', code: 'unreadable' }] };
      }
      if (bytes === null) return { outcome: 'refused', problems: [{ place: '', code: 'too-large' }] };
      const parsed = parseSchemeFile(bytes.toString('utf8'));
      if (!parsed.ok) return { outcome: 'refused', problems: parsed.problems };
      const review = deps.settings.get().review;
      if (review.customSchemes.some((kept) => kept.name === parsed.scheme.name))
        return { outcome: 'refused', problems: [{ place: 'name', code: 'name-taken' }] };
      deps.settings.update({ review: { ...review, customSchemes: [...review.customSchemes, parsed.scheme] } });
      return { outcome: 'imported', name: parsed.scheme.name };
    },
    async exportScheme(name, filePath) {
      const scheme: CustomScheme | undefined = deps.settings.get().review.customSchemes.find((kept) => kept.name === name);
      if (scheme === undefined) throw new VeilRequestError('invalid-arguments', `no custom scheme named ${name}`);
      if (!isAbsolute(filePath)) return NOT_ABSOLUTE;
      try {
        await writeNewFile(filePath, new TextEncoder().encode(schemeFileText(scheme)));
      } catch (error) {
        return { outcome: 'refused', problems: [{ place: '', code: errorCode(error) === 'EEXIST' ? 'exists' : 'unwritable' }] };
      }
      return { outcome: 'exported' };
    },
  };
}
