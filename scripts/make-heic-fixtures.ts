/**
 * Regenerates the HEIC test fixtures in test/fixtures/heic from synthetic pictures (a colour
 * gradient with a checkerboard band and hard-edged shapes; never a photograph). Needs Debian's
 * `heif-enc` (package libheif-examples) here only: the tests read the committed files.
 *
 *   npx tsx scripts/make-heic-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

const OUT_DIR = path.resolve(import.meta.dirname, '../test/fixtures/heic');
/** Declared in the hostile fixture: 40 000 × 40 000 = 1.6 billion pixels, far above Veil's 100 million. */
const HUGE_EDGE_PX = 40_000;

/** Gradient, checkerboard band and a few flat shapes: detail a filter must remove, colour it must drop. */
function syntheticRgb(widthPx: number, heightPx: number): Buffer {
  const data = Buffer.alloc(widthPx * heightPx * 3);
  const cell = Math.max(2, Math.round(Math.min(widthPx, heightPx) / 20));
  for (let y = 0; y < heightPx; y += 1) {
    for (let x = 0; x < widthPx; x += 1) {
      let rgb = [(255 * x) / widthPx, (255 * y) / heightPx, 128 + 90 * Math.sin(x / 9)];
      if (y < heightPx / 4 && ((Math.floor(x / cell) + Math.floor(y / cell)) & 1) === 1) rgb = rgb.map((v) => 255 - v);
      const inDisc = (x - widthPx * 0.3) ** 2 + (y - heightPx * 0.65) ** 2 < (heightPx * 0.2) ** 2;
      const inSquare = x > widthPx * 0.6 && x < widthPx * 0.85 && y > heightPx * 0.45 && y < heightPx * 0.85;
      if (inDisc) rgb = [230, 40, 40];
      if (inSquare) rgb = [20, 60, 200];
      data.set(
        rgb.map((v) => Math.round(v)),
        (y * widthPx + x) * 3,
      );
    }
  }
  return data;
}

async function encodeHeic(name: string, widthPx: number, heightPx: number, quality: number, dir: string): Promise<Buffer> {
  const png = path.join(dir, `${name}.png`);
  await sharp(syntheticRgb(widthPx, heightPx), { raw: { width: widthPx, height: heightPx, channels: 3 } })
    .png()
    .toFile(png);
  const heic = path.join(OUT_DIR, `${name}.heic`);
  execFileSync('heif-enc', ['-q', String(quality), '-o', heic, png], { stdio: 'inherit' });
  return readFileSync(heic);
}

/** The same file with every `ispe` (image spatial extents) box declaring HUGE_EDGE_PX a side. */
function withHugeDeclaredSize(heic: Buffer): Buffer {
  const copy = Buffer.from(heic);
  let patched = 0;
  for (let at = copy.indexOf('ispe'); at >= 0; at = copy.indexOf('ispe', at + 4)) {
    // box type, then version+flags (4 bytes), then width and height (32 bits each).
    copy.writeUInt32BE(HUGE_EDGE_PX, at + 8);
    copy.writeUInt32BE(HUGE_EDGE_PX, at + 12);
    patched += 1;
  }
  if (patched === 0) throw new Error('no ispe box found');
  return copy;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'veil-heic-'));
try {
  const landscape = await encodeHeic('gradient-landscape', 240, 160, 60, work);
  await encodeHeic('gradient-portrait', 120, 200, 60, work);
  // Two top-level pictures in one file: which is primary cannot be told through heic-decode, so Veil refuses it.
  const bothPngs = ['gradient-landscape', 'gradient-portrait'].map((name) => path.join(work, `${name}.png`));
  execFileSync('heif-enc', ['-q', '60', '-o', path.join(OUT_DIR, 'several-images.heic'), ...bothPngs], { stdio: 'inherit' });
  writeFileSync(path.join(OUT_DIR, 'truncated.heic'), landscape.subarray(0, Math.floor(landscape.length * 0.6)));
  writeFileSync(path.join(OUT_DIR, 'huge-declared.heic'), withHugeDeclaredSize(landscape));
  console.log(`HEIC fixtures written to ${OUT_DIR}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
