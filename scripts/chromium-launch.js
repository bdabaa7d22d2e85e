// What every run of Debian's Chromium with the extension shares: the demo (npm start), the browser
// tests' driver, the screenshots and the benchmarks. One place, so they cannot drift apart.
import { fixtureFor } from './fixture-routes.js';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Loads the built extension unpacked, and no other. */
export const extensionArgs = (/** @type {string} */ dist) => [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`];

/**
 * Chromium's own traffic off (component updates, sync, background requests, first-run pages, QUIC
 * probes): a run that records every request must see only the pages' and the extension's.
 */
export const QUIET_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Headless in a container, as root and without a GPU. */
export const HEADLESS_ARGS = ['--no-sandbox', '--disable-gpu'];

/**
 * Answers http(s) and ws(s) requests with the fixture pages (tests/fixtures/routes.json and what
 * the tests serve); every other one is aborted, after `onStray` has seen it. Extension resources
 * (chrome-extension:) are not routed.
 * @param {import('playwright-core').BrowserContext} context
 * @param {(request: import('playwright-core').Request) => void} [onStray]
 */
export async function routeToFixtures(context, onStray = () => undefined) {
  await context.route(/^(https?|wss?):\/\//, (route) => {
    const fixture = fixtureFor(route.request().url());
    if (fixture) return route.fulfill(fixture);
    onStray(route.request());
    return route.abort('blockedbyclient');
  });
}
