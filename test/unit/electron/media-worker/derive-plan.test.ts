import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignmentErrorPx, DIRECT_BLUR_MAX_SIGMA_PX, MAX_ALIGNMENT_ERROR_PX, planDerivative } from '../../../../electron/media-worker/derive-plan.js';
import { BLUR_LEVELS, blurSigmaPx } from '../../../../shared/media/filter-profile.js';

describe('planDerivative', () => {
  it('fits inside the long edge and never enlarges', () => {
    expect(planDerivative(4000, 3000, 320, 'off')).toMatchObject({ widthPx: 320, heightPx: 240, fittedWidthPx: 320, fittedHeightPx: 240 });
    expect(planDerivative(3000, 4000, 2048, 'off')).toMatchObject({ widthPx: 1536, heightPx: 2048 });
    expect(planDerivative(200, 100, 2048, 'off')).toMatchObject({ widthPx: 200, heightPx: 100 });
    expect(planDerivative(13, 169, 320, 'off')).toMatchObject({ widthPx: 13, heightPx: 169 });
    expect(planDerivative(100_000, 10, 320, 'off')).toMatchObject({ widthPx: 320, heightPx: 1 });
  });

  it('blurs small sigmas directly at the fitted size, with at least the sigma libvips accepts', () => {
    expect(planDerivative(4000, 3000, 320, 'light')).toEqual({
      fittedWidthPx: 320,
      fittedHeightPx: 240,
      widthPx: 320,
      heightPx: 240,
      blur: { method: 'direct', sigmaPx: blurSigmaPx('light', 320) },
    });
    expect(planDerivative(40, 30, 320, 'light').blur).toEqual({ method: 'direct', sigmaPx: 0.3 });
    expect(planDerivative(4000, 3000, 320, 'off').blur).toEqual({ method: 'none' });
  });

  it('serves a strong view as a ≈150 px copy blurred by ≈3 px: the same blur relative to its size', () => {
    const plan = planDerivative(4000, 3000, 2048, 'strong');
    expect(blurSigmaPx('strong', 2048)).toBeGreaterThan(DIRECT_BLUR_MAX_SIGMA_PX);
    expect(plan).toMatchObject({ fittedWidthPx: 2048, fittedHeightPx: 1536, widthPx: 152, heightPx: 114, blur: { method: 'reduced' } });
    if (plan.blur.method !== 'reduced') throw new Error('expected a reduced copy');
    expect(plan.blur.sigmaPx).toBeCloseTo(blurSigmaPx('strong', 152), 10);
    expect(plan.blur.sigmaPx).toBeGreaterThan(2.9);
    expect(plan.blur.sigmaPx).toBeLessThan(3.1);
  });

  it('searches past plain rounding, which can be many pixels off once enlarged', () => {
    // 2048×512: a rounded 150 px copy is 150×38. Enlarged to the same width it is 519 px tall
    // (7 too many); enlarged to the same height, 2021 px wide (27 too few).
    expect(alignmentErrorPx(2048, 512, 150, 38)).toBeCloseTo(26.9, 1);
    const plan = planDerivative(2048, 512, 2048, 'strong');
    expect([plan.widthPx, plan.heightPx]).toEqual([152, 38]);
    expect(alignmentErrorPx(2048, 512, 152, 38)).toBe(0);
  });

  it('gives an extremely thin image a copy nearly as long as the fit rather than the wrong shape', () => {
    expect(planDerivative(2048, 1, 2048, 'strong')).toMatchObject({ widthPx: 2047, heightPx: 1, blur: { method: 'reduced' } });
    expect(planDerivative(2048, 20, 2048, 'strong')).toMatchObject({ widthPx: 512, heightPx: 5 });
  });

  it('for any source and level: never larger than the fit, the fit’s shape within a pixel, the same relative blur', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom(320, 2048),
        fc.constantFrom(...BLUR_LEVELS),
        (sourceWidthPx, sourceHeightPx, longEdgePx, level) => {
          const plan = planDerivative(sourceWidthPx, sourceHeightPx, longEdgePx, level);
          const fittedLongPx = Math.max(plan.fittedWidthPx, plan.fittedHeightPx);
          const longPx = Math.max(plan.widthPx, plan.heightPx);
          expect(fittedLongPx).toBeLessThanOrEqual(longEdgePx);
          expect(plan.widthPx).toBeLessThanOrEqual(plan.fittedWidthPx);
          expect(plan.heightPx).toBeLessThanOrEqual(plan.fittedHeightPx);
          expect(Math.min(plan.widthPx, plan.heightPx)).toBeGreaterThanOrEqual(1);
          expect(alignmentErrorPx(plan.fittedWidthPx, plan.fittedHeightPx, plan.widthPx, plan.heightPx)).toBeLessThanOrEqual(MAX_ALIGNMENT_ERROR_PX);
          if (plan.blur.method === 'reduced') {
            expect(longPx).toBeLessThan(fittedLongPx);
            // Never a copy so small that the blur on it is under ≈3 px: enlarged, it would look blocky.
            expect(plan.blur.sigmaPx).toBeGreaterThanOrEqual(2.9);
            const sigmaOnScreenPx = (plan.blur.sigmaPx * fittedLongPx) / longPx;
            expect(sigmaOnScreenPx).toBeCloseTo(blurSigmaPx(level, fittedLongPx), 6);
          } else {
            expect([plan.widthPx, plan.heightPx]).toEqual([plan.fittedWidthPx, plan.fittedHeightPx]);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
