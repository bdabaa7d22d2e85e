import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { browserManifest, type BrowserTarget } from './scripts/manifest-target.ts';
import { sinkFreeBundle } from './scripts/sink-free-bundle.ts';

// One config, two targets: `vite build --mode chrome` and `--mode firefox` (see scripts/build.js).
export default defineConfig(({ mode }) => {
  const target: BrowserTarget = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), crx({ manifest: browserManifest(target) as unknown as ManifestV3Export, browser: target }), sinkFreeBundle()],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      rollupOptions: {
        input: {
          report: 'src/ui/report/index.html',
          // The privacy policy, packaged so the options page shows it offline.
          privacy: 'src/ui/privacy/index.html',
          // The guided fix, opened from the popup's next step.
          fix: 'src/ui/fix/index.html',
        },
      },
    },
    server: { port: 5173, strictPort: true, hmr: false },
  };
});
