/**
 * Known hash sets hold PDQ hashes of pixels as stored in the file: the reference tools (and
 * the vectors in ../shared/pdq-reference) do not apply the EXIF orientation. Veil decodes
 * oriented pixels for its thumbnails, so the plane PDQ hashes is turned back first.
 */

/** EXIF orientations 5–8 swap width and height. */
function swapsAxes(orientation: number): boolean {
  return orientation >= 5 && orientation <= 8;
}

/**
 * The plane as stored in the file, from `shown` (`shownWidthPx` × `shownHeightPx`, row-major)
 * which is the file's pixels after EXIF `orientation` (1–8) was applied. Any other orientation
 * value is treated as 1, as decoders do.
 */
export function planeAsStored(
  shown: Float32Array,
  shownWidthPx: number,
  shownHeightPx: number,
  orientation: number,
): { plane: Float32Array; widthPx: number; heightPx: number } {
  if (!Number.isInteger(orientation) || orientation < 2 || orientation > 8) return { plane: shown, widthPx: shownWidthPx, heightPx: shownHeightPx };
  const w = swapsAxes(orientation) ? shownHeightPx : shownWidthPx;
  const h = swapsAxes(orientation) ? shownWidthPx : shownHeightPx;
  const plane = new Float32Array(w * h);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      // Where stored pixel (x, y) was shown, for each orientation's rotation or mirror.
      let shownX = x;
      let shownY = y;
      switch (orientation) {
        case 2:
          shownX = w - 1 - x;
          break;
        case 3:
          shownX = w - 1 - x;
          shownY = h - 1 - y;
          break;
        case 4:
          shownY = h - 1 - y;
          break;
        case 5:
          shownX = y;
          shownY = x;
          break;
        case 6:
          shownX = h - 1 - y;
          shownY = x;
          break;
        case 7:
          shownX = h - 1 - y;
          shownY = w - 1 - x;
          break;
        case 8:
          shownX = y;
          shownY = w - 1 - x;
          break;
      }
      plane[y * w + x] = shown[shownY * shownWidthPx + shownX] ?? 0;
    }
  }
  return { plane, widthPx: w, heightPx: h };
}
