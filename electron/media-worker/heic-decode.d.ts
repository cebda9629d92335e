/**
 * Types for heic-decode 2.x (it ships none): libheif compiled to WebAssembly (libheif-js),
 * behind a small wrapper. Only the calls Veil makes are declared.
 */
declare module 'heic-decode' {
  interface HeicPixels {
    width: number;
    height: number;
    /** RGBA, 8 bits per channel, rows top first. */
    data: Uint8ClampedArray;
  }
  interface HeicImageHandle {
    /** Declared by the file's headers; nothing is decoded yet. */
    width: number;
    height: number;
    decode(): Promise<HeicPixels>;
  }
  interface HeicImageList extends Array<HeicImageHandle> {
    /** Frees the decoder and every image in the WebAssembly heap. */
    dispose(): void;
  }
  interface HeicDecode {
    (options: { buffer: Uint8Array }): Promise<HeicPixels>;
    /** Parses the headers only; each image decodes when asked. */
    all(options: { buffer: Uint8Array }): Promise<HeicImageList>;
  }
  const decode: HeicDecode;
  export default decode;
}
