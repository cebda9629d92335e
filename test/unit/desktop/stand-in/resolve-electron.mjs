// Module resolve hook: `import 'electron'` (from the built main bundle and from the real
// electron-store) yields the stand-in; nothing can reach the Electron binary.
const STAND_IN_URL = new URL('./electron-stand-in.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN_URL, format: 'module', shortCircuit: true };
  return nextResolve(specifier, context);
}
