/**
 * The order items are listed in: natural ("Sample 2" before "Sample 10") and
 * case- and accent-insensitive, compared folder by folder, so a folder's files
 * stay together. Implemented as a sort key compared by code units rather than
 * with Intl.Collator: faster (100,000 names: about 50 ms for the keys and 40 ms for
 * the sort, against 270 ms with a numeric Collator, measured on the dev VM) and
 * identical on every platform and locale.
 */

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
const COMBINING_MARKS = /\p{M}/gu;
const DIGIT_RUN = /\d+/g;

/**
 * A string whose plain code-unit order is the natural order of `name`: lower
 * case, accents removed, and each run of digits replaced by "0", a character
 * encoding the run's length without leading zeros, then the digits — so longer
 * numbers sort after shorter ones and equal lengths compare digit by digit.
 */
function naturalSortKey(name: string): string {
  const folded = ASCII_PRINTABLE.test(name) ? name.toLowerCase() : name.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  return folded.replace(DIGIT_RUN, (digits) => {
    const significant = digits.replace(/^0+(?=\d)/, '');
    return `0${String.fromCharCode(0x30 + significant.length)}${significant}`;
  });
}

function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Orders two names naturally; names equal but for case or leading zeros are ordered by their raw text, so the order is total. */
export function compareNames(a: string, b: string): number {
  return compareCodeUnits(naturalSortKey(a), naturalSortKey(b)) || compareCodeUnits(a, b);
}

/** A name with its key computed once, for sorting many. */
export interface KeyedName {
  readonly name: string;
  readonly key: string;
}

export function keyedName(name: string): KeyedName {
  return { name, key: naturalSortKey(name) };
}

export function compareKeyedNames(a: KeyedName, b: KeyedName): number {
  return compareCodeUnits(a.key, b.key) || compareCodeUnits(a.name, b.name);
}

/**
 * Orders forward-slash relative paths segment by segment, a folder before what it
 * holds. This is the order of a depth-first walk that visits each folder's entries
 * in `compareNames` order, which is what lets the import publish items already sorted.
 */
export function compareRelativePaths(a: string, b: string): number {
  const segmentsA = a.split('/');
  const segmentsB = b.split('/');
  const shared = Math.min(segmentsA.length, segmentsB.length);
  for (let i = 0; i < shared; i += 1) {
    const order = compareNames(segmentsA[i] ?? '', segmentsB[i] ?? '');
    if (order !== 0) return order;
  }
  return segmentsA.length - segmentsB.length;
}
