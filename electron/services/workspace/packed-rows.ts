import { z } from 'zod';
import { ItemRowSchema, type ItemRow } from './workspace-protocol.js';

/**
 * Item rows as the workspace thread sends them in bulk (a reopen's unchanged files): a few typed
 * arrays and one string per batch instead of an object per row. The arrays' buffers are
 * transferred, not copied, and the main side neither clones nor validates a hundred objects per
 * reply (measured alone, 0.43 ms of its loop per reply of 100 rows became 0.10 ms, rows read
 * included: case-workspace-reopen.md); each row is checked against ItemRowSchema in the workspace
 * thread before it is packed, and the main side checks only that the arrays fit together, so no
 * row is read past their ends.
 */

/** Numbers per row, in this order; NaN stands for null (ItemRowSchema refuses NaN, so it never means a value). */
const NUMBER_FIELDS = ['sizeBytes', 'mtimeMs', 'ctimeMs', 'ino', 'dev', 'pdqQuality', 'widthPx', 'heightPx'] as const;
/** Digests as bytes, in this order, each after one byte of flags saying which are present. */
const DIGEST_FIELDS = [
  ['md5', 16],
  ['sha1', 20],
  ['sha256', 32],
  ['pdq', 32],
] as const;
const DIGEST_STRIDE = 1 + DIGEST_FIELDS.reduce((sum, [, bytes]) => sum + bytes, 0);
/** Text per row, in this order, as lengths into one string; NO_TEXT stands for null. */
const TEXT_FIELDS = ['path', 'kind', 'format', 'error'] as const;
const NO_TEXT = 0xffffffff;

const PackedRowsShape = z.object({
  count: z.number().int().nonnegative(),
  numbers: z.instanceof(Float64Array),
  digests: z.instanceof(Uint8Array),
  textLengths: z.instanceof(Uint32Array),
  text: z.string(),
});

/** Rows packed by `packRows`; read them with `rowsOf`. */
export const PackedRowsSchema = PackedRowsShape.refine(
  ({ count, numbers, digests, textLengths, text }) =>
    numbers.length === count * NUMBER_FIELDS.length &&
    digests.length === count * DIGEST_STRIDE &&
    textLengths.length === count * TEXT_FIELDS.length &&
    textLengths.every((length, at) => (length === NO_TEXT ? at % TEXT_FIELDS.length !== 0 : at % TEXT_FIELDS.length !== 0 || length > 0)) &&
    textLengths.reduce((sum, length) => sum + (length === NO_TEXT ? 0 : length), 0) === text.length &&
    // Size and modification time are never null.
    numbers.every((value, at) => at % NUMBER_FIELDS.length > 1 || !Number.isNaN(value)),
  { message: 'packed rows whose arrays do not fit together' },
);
export type PackedRows = z.infer<typeof PackedRowsShape>;

/** The rows among `candidates` that ItemRowSchema accepts, packed; a row that is not whole (edited by hand, another build) is left out, so its file is read again. */
export function packRows(candidates: readonly unknown[]): PackedRows {
  const rows = candidates.flatMap((candidate) => {
    const row = ItemRowSchema.safeParse(candidate);
    return row.success ? [row.data] : [];
  });
  const numbers = new Float64Array(rows.length * NUMBER_FIELDS.length);
  const digests = new Uint8Array(rows.length * DIGEST_STRIDE);
  const textLengths = new Uint32Array(rows.length * TEXT_FIELDS.length);
  const texts: string[] = [];
  rows.forEach((row, index) => {
    NUMBER_FIELDS.forEach((field, at) => (numbers[index * NUMBER_FIELDS.length + at] = row[field] ?? Number.NaN));
    let offset = index * DIGEST_STRIDE;
    const flagsAt = offset;
    offset += 1;
    DIGEST_FIELDS.forEach(([field, bytes], at) => {
      const hex = row[field];
      if (hex !== null) {
        digests.set(Buffer.from(hex, 'hex'), offset);
        digests[flagsAt] = (digests[flagsAt] ?? 0) | (1 << at);
      }
      offset += bytes;
    });
    TEXT_FIELDS.forEach((field, at) => {
      const value = row[field];
      textLengths[index * TEXT_FIELDS.length + at] = value === null ? NO_TEXT : value.length;
      if (value !== null) texts.push(value);
    });
  });
  return { count: rows.length, numbers, digests, textLengths, text: texts.join('') };
}

/** The buffers to transfer with a reply holding `packed` (they are unusable in the sender afterwards). */
export function transferablesOf(packed: PackedRows): ArrayBuffer[] {
  return [packed.numbers, packed.digests, packed.textLengths].map((array) => array.buffer).filter((buffer) => buffer instanceof ArrayBuffer);
}

/** Digest `at` of DIGEST_FIELDS as hex, or null when its flag is off. */
function digestHex(bytes: Buffer, rowAt: number, at: number): string | null {
  if (((bytes[rowAt] ?? 0) & (1 << at)) === 0) return null;
  let from = rowAt + 1;
  for (let before = 0; before < at; before += 1) from += DIGEST_FIELDS[before]?.[1] ?? 0;
  return bytes.toString('hex', from, from + (DIGEST_FIELDS[at]?.[1] ?? 0));
}

const numberOrNull = (value: number | undefined): number | null => (value === undefined || Number.isNaN(value) ? null : value);

/**
 * The rows of `packed`, one at a time as they are read: each row object lives only until its
 * caller has taken what it keeps, so a batch never holds them all. Digests become hex text here,
 * as flat strings made natively from their bytes.
 */
export function* rowsOf(packed: PackedRows): Generator<ItemRow> {
  const { numbers, digests, textLengths, text } = packed;
  const bytes = Buffer.from(digests.buffer, digests.byteOffset, digests.byteLength);
  let textAt = 0;
  const texts: (string | null)[] = [null, null, null, null];
  for (let index = 0; index < packed.count; index += 1) {
    for (let at = 0; at < TEXT_FIELDS.length; at += 1) {
      const length = textLengths[index * TEXT_FIELDS.length + at] ?? NO_TEXT;
      texts[at] = length === NO_TEXT ? null : text.slice(textAt, (textAt += length));
    }
    const n = index * NUMBER_FIELDS.length;
    const d = index * DIGEST_STRIDE;
    yield {
      path: texts[0] ?? '',
      sizeBytes: numbers[n] ?? 0,
      mtimeMs: numbers[n + 1] ?? 0,
      ctimeMs: numberOrNull(numbers[n + 2]),
      ino: numberOrNull(numbers[n + 3]),
      dev: numberOrNull(numbers[n + 4]),
      pdqQuality: numberOrNull(numbers[n + 5]),
      widthPx: numberOrNull(numbers[n + 6]),
      heightPx: numberOrNull(numbers[n + 7]),
      md5: digestHex(bytes, d, 0),
      sha1: digestHex(bytes, d, 1),
      sha256: digestHex(bytes, d, 2),
      pdq: digestHex(bytes, d, 3),
      kind: texts[1] ?? null,
      format: texts[2] ?? null,
      error: texts[3] ?? null,
    };
  }
}
