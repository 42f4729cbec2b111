import { z } from 'zod';

// In the browser zod must not compile its parsers with `new Function`: the Content-Security-
// Policy forbids eval, and even zod's caught probe for it is reported as a violation. Imported
// first by root.tsx, so it is set before any route builds a schema. The server keeps the faster
// compiled parsers; no policy applies there.
if (typeof document !== 'undefined') z.config({ jitless: true });
