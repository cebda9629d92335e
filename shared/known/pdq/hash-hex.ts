import { PDQ_WORDS, type PdqBits } from './hash-bits.js';

const PDQ_HEX = /^[0-9a-f]{64}$/i;
const HEX_PER_WORD = 8;

/** True when `text` is a PDQ hash as written everywhere: exactly 64 hex digits, either case. */
export function isPdqHex(text: string): boolean {
  return PDQ_HEX.test(text);
}

/** The hash as 64 lower-case hex digits, most significant word first, as the reference prints it. */
export function pdqHexFromBits(bits: PdqBits): string {
  let hex = '';
  for (let word = PDQ_WORDS - 1; word >= 0; word -= 1) hex += (bits[word] ?? 0).toString(16).padStart(HEX_PER_WORD, '0');
  return hex;
}

/** Parses 64 hex digits; anything else is refused with an error that says what was wrong. */
export function pdqBitsFromHex(hex: string): PdqBits {
  if (!isPdqHex(hex)) {
    const shown = hex.length > 80 ? `${hex.slice(0, 80)}…` : hex;
    throw new Error(`not a PDQ hash (64 hex digits expected, got ${hex.length} characters): "${shown}"`);
  }
  const bits = new Uint32Array(PDQ_WORDS);
  for (let word = 0; word < PDQ_WORDS; word += 1) {
    const end = hex.length - word * HEX_PER_WORD;
    bits[word] = Number.parseInt(hex.slice(end - HEX_PER_WORD, end), 16);
  }
  return bits;
}
