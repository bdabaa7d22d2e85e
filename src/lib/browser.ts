// The one module that imports webextension-polyfill: everything else reaches the browser through it.
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export { browser };
