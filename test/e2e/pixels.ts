import sharp from 'sharp';

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

export async function decodeRaw(bytes: Buffer | string): Promise<RawImage> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Largest |R-G|, |G-B|, |R-B| over the pixels of a region: 0 for a truly grey image. */
export function maxChannelSpread(image: RawImage, region: [number, number, number, number] = [0, 0, image.width, image.height]): number {
  if (image.channels < 3) return 0;
  const [x0, y0, x1, y1] = region;
  let max = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) {
      const i = (y * image.width + x) * image.channels;
      const r = image.data[i]!;
      const g = image.data[i + 1]!;
      const b = image.data[i + 2]!;
      max = Math.max(max, Math.abs(r - g), Math.abs(g - b), Math.abs(r - b));
    }
  }
  return max;
}

/**
 * Mean absolute difference between horizontally and vertically adjacent pixels of
 * the luma channel, inside an optional region: a measure of fine detail that a blur
 * removes. `region` is [x0, y0, x1, y1) in pixels; `mask` restricts further.
 */
export function highFrequencyEnergy(
  image: RawImage,
  region: [number, number, number, number] = [0, 0, image.width, image.height],
  mask: (x: number, y: number) => boolean = () => true,
): number {
  const [x0, y0, x1, y1] = region;
  const luma = (x: number, y: number): number => {
    const i = (y * image.width + x) * image.channels;
    if (image.channels < 3) return image.data[i]!;
    return 0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!;
  };
  let sum = 0;
  let count = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height - 1, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width - 1, x1); x++) {
      if (!mask(x, y)) continue;
      const here = luma(x, y);
      sum += Math.abs(here - luma(x + 1, y)) + Math.abs(here - luma(x, y + 1));
      count += 2;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * The 99.5th percentile of the luma difference between neighbouring pixels: how sharp
 * the sharpest edges are. A blur of sigma s divides an edge's step by about 2.5·s, so
 * this falls far below the original's even for big shapes, where the mean hardly moves.
 */
export function edgeSharpness(image: RawImage): number {
  const luma = (i: number): number => (image.channels < 3 ? image.data[i]! : 0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!);
  const differences: number[] = [];
  for (let y = 0; y < image.height - 1; y++) {
    for (let x = 0; x < image.width - 1; x++) {
      const i = (y * image.width + x) * image.channels;
      const here = luma(i);
      differences.push(Math.abs(here - luma(i + image.channels)), Math.abs(here - luma(i + image.width * image.channels)));
    }
  }
  differences.sort((a, b) => a - b);
  return differences[Math.floor(differences.length * 0.995)] ?? 0;
}
