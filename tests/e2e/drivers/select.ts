import type { BrowserDriver } from './driver';
import { launchChromium } from './chromium';

/** GLASSHOUSE_BROWSER picks the driver; every scenario runs once per browser. */
export const DRIVER_NAME = (process.env.GLASSHOUSE_BROWSER ?? 'chromium') as 'chromium' | 'firefox';

export async function launchDriver(): Promise<BrowserDriver> {
  if (DRIVER_NAME === 'firefox') {
    const { launchFirefox } = await import('./firefox');
    return launchFirefox();
  }
  return launchChromium();
}
