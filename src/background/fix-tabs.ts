import { browser } from '../lib/browser';
import type { FixTabs } from './route-context';
import { browserScanTabs } from './scan-tabs';

const NOTICE: { type: 'fix/target-changed' } = { type: 'fix/target-changed' };

/**
 * The guided fix's tab through the browser: the scan's create, look-up and focus, plus moving it to
 * an address and messaging its content script. None needs the "tabs" permission (that one only
 * reveals other tabs' addresses and titles).
 */
export const browserFixTabs: FixTabs = {
  ...browserScanTabs,
  async navigate(tabId, url) {
    await browser.tabs.update(tabId, { url, active: true });
  },
  async notify(tabId) {
    // The page may still be loading, with no content script to answer: it asks for its target on load.
    await browser.tabs.sendMessage(tabId, NOTICE).catch(() => undefined);
  },
};
