import { describe, expect, it } from 'vitest';
import { blameDamageNotFormat } from '../../../../../electron/services/media/damaged-not-unsupported.js';

const noLoader = { code: 'unsupported-format', detail: 'Input file contains unsupported image format' } as const;

describe('blameDamageNotFormat', () => {
  it('calls a file that starts as a TIFF but finds no loader damaged, keeping the decoder’s words', () => {
    expect(blameDamageNotFormat(noLoader, 'tiff')).toEqual({
      code: 'decode-failed',
      detail: expect.stringMatching(/starts as TIFF .*damaged or cut short.*unsupported image format/),
    });
  });

  it('leaves a HEIC refusal as it is: the worker’s own HEIC decoder has already said why', () => {
    expect(blameDamageNotFormat(noLoader, 'heic')).toEqual(noLoader);
  });

  it('leaves other refusals and other codes as they are', () => {
    const noPlugin = { code: 'unsupported-format', detail: 'heifload: No decoding plugin installed' } as const;
    expect(blameDamageNotFormat(noPlugin, 'avif')).toEqual(noPlugin);
    const crashed = { code: 'worker-crashed', detail: 'unsupported image format' } as const;
    expect(blameDamageNotFormat(crashed, 'png')).toEqual(crashed);
  });
});
