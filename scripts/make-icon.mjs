// Draws Veil's app icon (assets/icon.svg → assets/icon.png, 1024×1024) with sharp.
// electron-builder derives the macOS .icns (needs ≥ 512 px), the Windows .ico (≥ 256 px)
// and the Linux icon set from this one PNG; the window uses it too. Run: node scripts/make-icon.mjs
import sharp from 'sharp';
import { writeFile } from 'node:fs/promises';

const SIZE_PX = 1024;
// A dark rounded square; an eye whose lower half is behind a translucent veil of bands.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE_PX}" height="${SIZE_PX}" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b3a42"/>
      <stop offset="1" stop-color="#1d1f21"/>
    </linearGradient>
    <clipPath id="eye"><path d="M152 512 Q512 192 872 512 Q512 832 152 512 Z"/></clipPath>
  </defs>
  <rect x="48" y="48" width="928" height="928" rx="200" fill="url(#bg)"/>
  <path d="M152 512 Q512 192 872 512 Q512 832 152 512 Z" fill="#e8eef1"/>
  <circle cx="512" cy="512" r="150" fill="#5f8fa3"/>
  <circle cx="512" cy="512" r="70" fill="#1d1f21"/>
  <g clip-path="url(#eye)" fill="#9aa7ad" fill-opacity="0.85">
    <rect x="120" y="512" width="784" height="44"/>
    <rect x="120" y="584" width="784" height="44"/>
    <rect x="120" y="656" width="784" height="44"/>
    <rect x="120" y="728" width="784" height="44"/>
  </g>
  <path d="M152 512 Q512 192 872 512 Q512 832 152 512 Z" fill="none" stroke="#e8eef1" stroke-width="28"/>
</svg>
`;

const svgUrl = new URL('../assets/icon.svg', import.meta.url);
await writeFile(svgUrl, svg);
await sharp(Buffer.from(svg))
  .png({ compressionLevel: 9 })
  .toFile(new URL('../assets/icon.png', import.meta.url).pathname);
console.log('assets/icon.png written');
