// zod 4 compiles parsers with `new Function`, which an extension's CSP forbids:
// every context imports this module (through ./index) before any schema is defined.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
