import { browser } from '../lib/browser';
import type { ScanTabs } from './route-context';

/**
 * The scan's tabs through the browser. Creating, focusing and looking up a tab by id need
 * no "tabs" permission (that one only reveals other tabs' addresses and titles): the manifest stays as it is.
 */
export const browserScanTabs: ScanTabs = {
  async open(url) {
    const tab = await browser.tabs.create({ url, active: true });
    if (tab.id === undefined) throw new Error('the new tab has no id');
    return tab.id;
  },
  async exists(tabId) {
    try {
      await browser.tabs.get(tabId);
      return true;
    } catch {
      return false;
    }
  },
  async focus(tabId) {
    await browser.tabs.update(tabId, { active: true });
  },
};
