// `node --import <this file> dist/electron/main.js` runs the built main over the stand-in.
import { register } from 'node:module';

register('./resolve-electron.mjs', import.meta.url);

// VEIL_STAND_IN_PLATFORM=win32 makes the app see Windows (process.platform) and the stand-in
// present Windows' Electron API surface, e.g. to check what main does only on Windows.
if (process.env.VEIL_STAND_IN_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.VEIL_STAND_IN_PLATFORM });
