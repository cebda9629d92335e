// `node --import <this file> dist/electron/main.js` runs the built main over the stand-in.
import { register } from 'node:module';

register('./resolve-electron.mjs', import.meta.url);
