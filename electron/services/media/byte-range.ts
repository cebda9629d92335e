export type ByteRange =
  /** No usable Range header: send the whole file (200). */
  | { kind: 'whole' }
  /** One satisfiable range, inclusive byte offsets (206). */
  | { kind: 'range'; startByte: number; endByte: number }
  /** A syntactically valid range that lies outside the file (416). */
  | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * Interprets an HTTP Range header for a file of `sizeBytes`. Only single ranges are
 * honoured (all a <video> element asks for); anything else is ignored, which RFC 9110
 * allows, and the whole file is sent.
 */
export function parseByteRange(header: string | undefined, sizeBytes: number): ByteRange {
  if (header === undefined) return { kind: 'whole' };
  const match = SINGLE_RANGE.exec(header.trim());
  if (match === null) return { kind: 'whole' };
  const [, startText = '', endText = ''] = match;
  if (startText === '' && endText === '') return { kind: 'whole' };
  if (startText === '') {
    // Suffix range: the last N bytes.
    const suffixBytes = Number(endText);
    if (suffixBytes === 0 || sizeBytes === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', startByte: Math.max(0, sizeBytes - suffixBytes), endByte: sizeBytes - 1 };
  }
  const startByte = Number(startText);
  const requestedEnd = endText === '' ? Number.MAX_SAFE_INTEGER : Number(endText);
  // A reversed range is invalid (ignored); a valid one starting past the end cannot be met.
  if (!Number.isSafeInteger(startByte) || !Number.isSafeInteger(requestedEnd) || requestedEnd < startByte) return { kind: 'whole' };
  if (startByte >= sizeBytes) return { kind: 'unsatisfiable' };
  return { kind: 'range', startByte, endByte: Math.min(requestedEnd, sizeBytes - 1) };
}
