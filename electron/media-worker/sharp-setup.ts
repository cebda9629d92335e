import sharp from 'sharp';

/**
 * libvips loaders Veil may use. Everything else (SVG, PDF, the libvips native format,
 * matrix/CSV, raw camera files, ImageMagick if a build had it) is blocked, so a hostile
 * file cannot reach a parser we never meant to expose. Parent class names cover the
 * file, buffer and source variants of each loader.
 *
 * BMP is absent: sharp 0.35's prebuilt libvips has no BMP loader at all (BMP needs
 * ImageMagick). bmp-input.ts decodes BMPs with fast-bmp and gives sharp raw pixels, which
 * need no loader. The prebuilt libheif has no HEVC plugin, so HEIC is decoded by heic-input.ts
 * (libheif in WebAssembly) and also reaches sharp as raw pixels; this loader serves AVIF.
 */
const ALLOWED_LOADERS = [
  'VipsForeignLoadJpeg',
  'VipsForeignLoadPng',
  'VipsForeignLoadWebp',
  'VipsForeignLoadNsgif',
  'VipsForeignLoadTiff',
  'VipsForeignLoadHeif',
] as const;

export interface SharpSetup {
  /** libvips worker threads per image; 1 so that N worker processes use N cores. */
  threads: number;
  /** libvips operation cache in MiB; small because each file is usually decoded once. */
  cacheMemoryMb: number;
}

const WORKER_SHARP_SETUP: SharpSetup = { threads: 1, cacheMemoryMb: 32 };

/**
 * Configures sharp for the media worker process: one thread, a small operation cache
 * that never keeps files open (case folders may be on removable drives), and only the
 * loaders Veil needs. Process-wide; call once at start-up.
 */
export function configureSharp(setup: SharpSetup = WORKER_SHARP_SETUP): void {
  sharp.concurrency(setup.threads);
  sharp.cache({ memory: setup.cacheMemoryMb, files: 0, items: 50 });
  sharp.block({ operation: ['VipsForeignLoad'] });
  sharp.unblock({ operation: [...ALLOWED_LOADERS] });
}

/**
 * Runs a tiny JPEG through the thumbnail steps (decode with shrink-on-load, resize,
 * greyscale, blur, encode) so libvips sets up its codecs and operations now, while the
 * worker starts, rather than during the first case file the user waits for (measured:
 * the first job took twice as long as the next). Never throws.
 */
export async function warmUpSharp(): Promise<void> {
  try {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 128, g: 128, b: 128 } } })
      .jpeg()
      .toBuffer();
    await sharp(jpeg, { failOn: 'warning', sequentialRead: true }).resize(8, 6, { fit: 'fill', fastShrinkOnLoad: true }).greyscale().blur(1).jpeg().toBuffer();
  } catch (error) {
    console.error(`[media-worker] warm-up failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
