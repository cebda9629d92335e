import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../../../../electron/services/media/byte-range.js';

describe('parseByteRange', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-0', { kind: 'range', startByte: 0, endByte: 0 }],
    ['bytes=10-19', { kind: 'range', startByte: 10, endByte: 19 }],
    ['bytes=90-', { kind: 'range', startByte: 90, endByte: 99 }],
    ['bytes=50-5000', { kind: 'range', startByte: 50, endByte: 99 }],
    ['bytes=-30', { kind: 'range', startByte: 70, endByte: 99 }],
    ['bytes=-500', { kind: 'range', startByte: 0, endByte: 99 }],
    ['bytes=100-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    // Ignored (the whole file is sent): malformed, reversed, several ranges, other units.
    ['bytes=20-10', { kind: 'whole' }],
    ['bytes=0-10,20-30', { kind: 'whole' }],
    ['items=0-10', { kind: 'whole' }],
    ['bytes=abc', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
  ] as const)('%s on 100 bytes → %j', (header, expected) => {
    expect(parseByteRange(header, 100)).toEqual(expected);
  });

  it('finds nothing to send in an empty file', () => {
    expect(parseByteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
