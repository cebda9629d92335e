// The packages esbuild leaves out of the Node-side bundles (scripts/build-main.mjs): they are
// loaded from node_modules at run time, so they — and only they — are the app's `dependencies`
// (electron is provided by the runtime). Everything else is bundled and is a devDependency,
// or the installer would ship it twice.
export const MAIN_EXTERNALS = ['electron', 'electron-store', 'conf', 'sharp', 'better-sqlite3', 'heic-decode', 'node-av'];
