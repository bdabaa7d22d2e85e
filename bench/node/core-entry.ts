// The message table for node (figure 4 splits the worker's cost: how much of it is validation), bundled
// by vite.bench.config.ts --mode core. jitless, as in the extension (its CSP forbids zod's JIT).
import '../../src/core/zod-setup';

export { RequestSchema } from '../../src/core';
