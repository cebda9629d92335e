import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is built once and served unchanged by both hosts (Electron's app
// scheme and the browser host), so relative asset URLs are required.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts or data URLs: the CSP forbids them in both hosts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
