/**
 * The first-screen benchmark's case: 40 noisy 12 MP JPEGs (about 7 MB each, like camera
 * photos of a textured scene), generated once into the temporary folder and kept between
 * runs (delete the folder to make them again).
 */
import { randomFillSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

export const CASE_PHOTOS = 40;
export const PHOTO_WIDTH_PX = 4000;
export const PHOTO_HEIGHT_PX = 3000;
/** Noise amplitude (± grey levels) and quality that give files of about 7 MB. */
const NOISE_SPAN = 112;
const JPEG_QUALITY = 92;
const CASE_DIR = path.join(os.tmpdir(), `veil-first-screen-case-${CASE_PHOTOS}x${PHOTO_WIDTH_PX}x${PHOTO_HEIGHT_PX}-n${NOISE_SPAN}q${JPEG_QUALITY}`);

/** A smooth scene under the noise, so the pictures are not pure static. */
function baseScene(): Buffer {
  const base = Buffer.alloc(PHOTO_WIDTH_PX * PHOTO_HEIGHT_PX * 3);
  for (let y = 0; y < PHOTO_HEIGHT_PX; y += 1) {
    for (let x = 0; x < PHOTO_WIDTH_PX; x += 1) {
      const i = (y * PHOTO_WIDTH_PX + x) * 3;
      base[i] = Math.floor((255 * x) / PHOTO_WIDTH_PX);
      base[i + 1] = Math.floor((255 * y) / PHOTO_HEIGHT_PX);
      base[i + 2] = Math.floor(128 + 90 * Math.sin(x / 37) * Math.cos(y / 23));
    }
  }
  return base;
}

function noisyCopy(base: Buffer): Buffer {
  const data = randomFillSync(Buffer.alloc(base.length));
  const half = NOISE_SPAN >> 1;
  for (let i = 0; i < data.length; i += 1) {
    const value = (base[i] ?? 0) + ((data[i] ?? 0) % NOISE_SPAN) - half;
    data[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return data;
}

/** The case folder with its photos, made now if an earlier run has not left them. */
export async function firstScreenCase(log: (line: string) => void): Promise<{ caseDir: string; files: string[]; meanBytes: number }> {
  const names = Array.from({ length: CASE_PHOTOS }, (_, i) => `photo-${String(i + 1).padStart(3, '0')}.jpg`);
  const files = names.map((name) => path.join(CASE_DIR, name));
  if (!files.every((file) => existsSync(file))) {
    await mkdir(CASE_DIR, { recursive: true });
    log(`generating ${CASE_PHOTOS} noisy ${PHOTO_WIDTH_PX}×${PHOTO_HEIGHT_PX} JPEGs in ${CASE_DIR} (once)…`);
    const base = baseScene();
    for (const file of files) {
      if (existsSync(file)) continue;
      const raw = noisyCopy(base);
      await sharp(raw, { raw: { width: PHOTO_WIDTH_PX, height: PHOTO_HEIGHT_PX, channels: 3 } })
        .jpeg({ quality: JPEG_QUALITY })
        .toFile(`${file}.part`);
      await rename(`${file}.part`, file);
    }
  }
  const present = (await readdir(CASE_DIR)).filter((name) => name.endsWith('.jpg'));
  if (present.length !== CASE_PHOTOS) throw new Error(`${CASE_DIR} holds ${present.length} photos, expected ${CASE_PHOTOS}`);
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return { caseDir: CASE_DIR, files, meanBytes: sizes.reduce((a, b) => a + b, 0) / sizes.length };
}
