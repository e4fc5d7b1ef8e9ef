import { z } from 'zod';

// Zod 4 compiles object parsers with `new Function` unless told not to; the CSP forbids
// eval, and merely probing for it files a CSP violation report. Imported first by main.tsx.
z.config({ jitless: true });
