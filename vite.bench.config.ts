import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Bundles for `npm run bench` (bench/run.js), into bench/.work/ (gitignored):
//   --mode page:   bench/page/bench-page.ts as one IIFE (global GlasshouseBench) injected into fixture pages,
//                  the extension APIs stubbed (the page has none); unminified, so profiles name functions.
//   --mode report: bench/node/report-entry.ts as an ES module for node (the report builders, figure 5).
//   --mode core:   bench/node/core-entry.ts as an ES module for node (the message schemas, figure 4).
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const NODE_ENTRIES: Record<string, string> = { report: 'bench/node/report-entry.ts', core: 'bench/node/core-entry.ts' };

export default defineConfig(({ mode }) => {
  const nodeEntry = NODE_ENTRIES[mode];
  if (nodeEntry) {
    return {
      publicDir: false,
      logLevel: 'warn',
      build: {
        ssr: here(nodeEntry),
        outDir: here(`bench/.work/${mode}`),
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        sourcemap: false,
        rolldownOptions: { output: { format: 'es', entryFileNames: `${mode}.mjs`, codeSplitting: false } },
      },
    };
  }
  return {
    publicDir: false,
    logLevel: 'warn',
    resolve: { alias: { 'webextension-polyfill': here('bench/page/browser-stub.ts') } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: here('bench/.work/page'),
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      lib: { entry: here('bench/page/bench-page.ts'), formats: ['iife'], name: 'GlasshouseBench', fileName: () => 'bench-page.js' },
    },
  };
});
