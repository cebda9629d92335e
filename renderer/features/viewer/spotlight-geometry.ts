export interface Box {
  widthPx: number;
  heightPx: number;
}

/**
 * The box a picture of natural size `natural` occupies inside `box` with
 * `object-fit: contain` (centred, aspect kept). Unknown natural size → the whole box.
 */
export function containedBox(box: Box, natural: Box): Box & { leftPx: number; topPx: number } {
  if (natural.widthPx <= 0 || natural.heightPx <= 0 || box.widthPx <= 0 || box.heightPx <= 0) {
    return { ...box, leftPx: 0, topPx: 0 };
  }
  const scale = Math.min(box.widthPx / natural.widthPx, box.heightPx / natural.heightPx);
  const widthPx = natural.widthPx * scale;
  const heightPx = natural.heightPx * scale;
  return { widthPx, heightPx, leftPx: (box.widthPx - widthPx) / 2, topPx: (box.heightPx - heightPx) / 2 };
}

/** Spotlight radius in CSS pixels: `radiusPct` percent of the displayed picture's shorter side. */
export function spotlightRadiusPx(picture: Box, radiusPct: number): number {
  return (Math.min(picture.widthPx, picture.heightPx) * radiusPct) / 100;
}

/** The CSS clip-path that shows only a circle of the layer above the veiled picture. */
export function spotlightClipPath(xPx: number, yPx: number, radiusPx: number): string {
  return `circle(${radiusPx.toFixed(1)}px at ${xPx.toFixed(1)}px ${yPx.toFixed(1)}px)`;
}

/**
 * `from` moved by one keyboard step (`stepPct` percent of the picture's shorter side) in
 * direction (dx, dy), clamped to the displayed picture so the circle never leaves it.
 */
export function stepWithinPicture(
  picture: Box & { leftPx: number; topPx: number },
  from: { xPx: number; yPx: number },
  direction: { dx: number; dy: number },
  stepPct: number,
): { xPx: number; yPx: number } {
  const stepPx = (Math.min(picture.widthPx, picture.heightPx) * stepPct) / 100;
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  return {
    xPx: clamp(from.xPx + direction.dx * stepPx, picture.leftPx, picture.leftPx + picture.widthPx),
    yPx: clamp(from.yPx + direction.dy * stepPx, picture.topPx, picture.topPx + picture.heightPx),
  };
}
