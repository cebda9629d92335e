/**
 * PDQ's quality: how much significant gradient the 64×64 image has, 0–100. A flat or nearly
 * flat picture gets a low score because its hash bits are decided by noise; PDQ advises not to
 * match on hashes below 50. The constants are the reference's hand-tuned ones.
 */

const fround = Math.fround;
const SIDE = 64;
const GRADIENT_PER_POINT = 90;
const MAX_QUALITY = 100;

/** One neighbour difference in percent of full scale, truncated as the C++ int conversion does. */
function step(u: number, v: number): number {
  return Math.abs(Math.trunc(fround(fround(fround(u - v) * 100) / 255)));
}

/** Quality 0–100 of the 64×64 downsample (row-major), as the reference's `pdqImageDomainQualityMetric`. */
export function pdqQuality(image64: Float32Array): number {
  let gradientSum = 0;
  for (let i = 0; i < SIDE - 1; i += 1) {
    for (let j = 0; j < SIDE; j += 1) gradientSum += step(image64[i * SIDE + j] ?? 0, image64[(i + 1) * SIDE + j] ?? 0);
  }
  for (let i = 0; i < SIDE; i += 1) {
    for (let j = 0; j < SIDE - 1; j += 1) gradientSum += step(image64[i * SIDE + j] ?? 0, image64[i * SIDE + j + 1] ?? 0);
  }
  return Math.min(MAX_QUALITY, Math.trunc(gradientSum / GRADIENT_PER_POINT));
}
