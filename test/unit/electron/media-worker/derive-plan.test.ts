import { describe, expect, it } from 'vitest';
import { DIRECT_BLUR_MAX_SIGMA_PX, planDerivative } from '../../../../electron/media-worker/derive-plan.js';
import { blurSigmaPx } from '../../../../shared/media/filter-profile.js';

describe('planDerivative', () => {
  it('fits inside the long edge and never enlarges', () => {
    expect(planDerivative(4000, 3000, 320, 'off')).toMatchObject({ widthPx: 320, heightPx: 240 });
    expect(planDerivative(3000, 4000, 2048, 'off')).toMatchObject({ widthPx: 1536, heightPx: 2048 });
    expect(planDerivative(200, 100, 2048, 'off')).toMatchObject({ widthPx: 200, heightPx: 100 });
    expect(planDerivative(13, 169, 320, 'off')).toMatchObject({ widthPx: 13, heightPx: 169 });
    expect(planDerivative(100_000, 10, 320, 'off')).toMatchObject({ widthPx: 320, heightPx: 1 });
  });

  it('blurs small sigmas directly, with at least the sigma libvips accepts', () => {
    expect(planDerivative(4000, 3000, 320, 'light').blur).toEqual({ method: 'direct', sigmaPx: blurSigmaPx('light', 320) });
    expect(planDerivative(40, 30, 320, 'light').blur).toEqual({ method: 'direct', sigmaPx: 0.3 });
    expect(planDerivative(4000, 3000, 320, 'off').blur).toEqual({ method: 'none' });
  });

  it('blurs large sigmas on a reduced copy, keeping the same sigma relative to the output', () => {
    const plan = planDerivative(4000, 3000, 2048, 'strong');
    expect(blurSigmaPx('strong', 2048)).toBeGreaterThan(DIRECT_BLUR_MAX_SIGMA_PX);
    if (plan.blur.method !== 'reduced') throw new Error('expected a reduced-size blur');
    expect(plan.blur.sigmaSmallPx).toBeGreaterThan(2);
    expect(plan.blur.sigmaSmallPx).toBeLessThan(4);
    const reduction = plan.widthPx / plan.blur.smallWidthPx;
    expect(plan.blur.sigmaSmallPx * reduction).toBeCloseTo(blurSigmaPx('strong', 2048), 0);
    expect(plan.blur.smallWidthPx / plan.blur.smallHeightPx).toBeCloseTo(4 / 3, 1);
  });
});
