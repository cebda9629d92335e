import { z } from 'zod';

// The CSP forbids eval: tell zod not to probe for it (the probe logs a CSP violation).
// A module of its own, imported first by main.tsx: ES modules run in import order, so
// this runs before any module that builds or uses a schema (the entry's own body would
// run only after all of them).
z.config({ jitless: true });
