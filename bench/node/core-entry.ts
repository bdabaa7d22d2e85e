// The message table for node (figure 4 splits the worker's cost: how much of it is validation; its
// batches go on the worker line under the extension's own name for it), bundled by vite.bench.config.ts
// --mode core. jitless, as in the extension (its CSP forbids zod's JIT).
import '../../src/core/zod-setup';

export { RequestSchema, WORKER_LINE } from '../../src/core';
