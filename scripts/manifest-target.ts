import { readFileSync } from 'node:fs';

export type BrowserTarget = 'chrome' | 'firefox';

// The Firefox gecko id; the Firefox e2e driver pins a fixed moz-extension uuid for it.
export const GECKO_ID = 'glasshouse@glasshouse.invalid';

type Manifest = Record<string, unknown> & { background: { service_worker: string; type?: string } };

/** The version both packages carry: package.json's, the one place it is written. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/**
 * manifest.json is the one source, with package.json's version; Firefox gets its event-page
 * background and gecko settings.
 */
export function browserManifest(target: BrowserTarget): Manifest {
  const manifest = {
    ...(JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as Manifest),
    version: packageVersion(),
  };
  // Chrome 123: the badge's colours follow the user's scheme through CSS light-dark() (src/content/badge.ts).
  if (target === 'chrome') return { ...manifest, minimum_chrome_version: '123' };
  return {
    ...manifest,
    background: { scripts: [manifest.background.service_worker], type: 'module' } as unknown as Manifest['background'],
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
