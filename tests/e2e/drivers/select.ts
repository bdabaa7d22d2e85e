import type { BrowserDriver } from './driver';
import { launchChromium } from './chromium';

/** GLASSHOUSE_BROWSER picks the driver; every scenario runs once per browser. */
export const DRIVER_NAME = (process.env.GLASSHOUSE_BROWSER ?? 'chromium') as 'chromium' | 'firefox';

/** The browser with the extension built into `dist` (default: dist/chrome or dist/firefox). */
export async function launchDriver(dist?: string): Promise<BrowserDriver> {
  if (DRIVER_NAME === 'firefox') {
    const { launchFirefox } = await import('./firefox');
    return launchFirefox(dist);
  }
  return launchChromium(dist);
}
