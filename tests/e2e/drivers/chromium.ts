import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, HEADLESS_ARGS, QUIET_ARGS, routeToFixtures } from '../../../scripts/chromium-launch.js';
import { POLL_MS, WAIT_MS, type BrowserDriver, type RecordedRequest, type TestPage } from './driver';

export { CHROMIUM_PATH };

function wrap(page: Page): TestPage {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = WAIT_MS) =>
      void (await page.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: POLL_MS })),
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
    clickAt: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    async injectScript(source) {
      // DevTools' Runtime.evaluate compiles the source itself, so the page's CSP (no eval) does not apply.
      const cdp = await page.context().newCDPSession(page);
      try {
        const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: source, returnByValue: false });
        if (exceptionDetails)
          throw new Error(`injected script failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      } finally {
        await cdp.detach();
      }
    },
    addInitScript: async (source) => void (await page.addInitScript({ content: source })),
    emulateColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
  };
}

/** One run of the browser on the driver's profile: what a restart replaces. */
interface Session {
  context: BrowserContext;
  cdp: CDPSession;
  extensionOrigin: string;
}

/** Debian's Chromium with dist/chrome loaded unpacked; fixtures routed, every other request aborted and recorded. */
export async function launchChromium(dist = resolve('dist/chrome')): Promise<BrowserDriver> {
  const profile = mkdtempSync(join(tmpdir(), 'glasshouse-chromium-'));
  const stray: RecordedRequest[] = [];
  let backgroundStarts = 0;

  async function open(): Promise<Session> {
    const context: BrowserContext = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...extensionArgs(dist), ...HEADLESS_ARGS, ...QUIET_ARGS],
    });
    await routeToFixtures(context, (request) => {
      const frameUrl = (() => {
        try {
          return request.frame().url();
        } catch {
          return '';
        }
      })();
      const from = request.serviceWorker() || frameUrl.startsWith('chrome-extension://') ? 'extension' : 'page';
      stray.push({ url: request.url(), from, allowed: false });
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Node's URL gives "null" as the origin of a chrome-extension: address.
    const extensionOrigin = worker.url().split('/').slice(0, 3).join('/');
    // Playwright keeps one Worker object across a stop and a restart: count the worker's starts
    // from CDP's version updates instead, on a session held for the browser's life.
    const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
    const status = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (!version.scriptURL.startsWith(extensionOrigin)) continue;
        if (version.runningStatus === 'running' && status.get(version.versionId) !== 'running') backgroundStarts += 1;
        status.set(version.versionId, version.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    return { context, cdp, extensionOrigin };
  }

  let session = await open();
  // An unpacked extension's id comes from its folder, so it survives a restart: the origin is fixed.
  const extensionOrigin = session.extensionOrigin;
  return {
    name: 'chromium',
    extensionOrigin,
    newPage: async () => wrap(await session.context.newPage()),
    async pageAt(urlPrefix, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const page = session.context.pages().find((p) => p.url().startsWith(urlPrefix));
        if (page) return wrap(page);
        if (Date.now() > deadline) throw new Error(`no tab at ${urlPrefix} after ${timeoutMs} ms`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    strayRequests: () => [...stray],
    backgroundStarts: () => backgroundStarts,
    async stopBackground() {
      // Chromium stops an idle worker after ~30 s, or whenever it likes; CDP does it now.
      await session.cdp.send('ServiceWorker.stopAllWorkers');
    },
    async reloadExtension() {
      // As an update does: the worker calls runtime.reload(); Chromium reloads the unpacked folder
      // and starts a new worker, and leaves the old content scripts in open tabs, cut off.
      const worker = session.context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin));
      if (!worker) throw new Error('no extension worker to reload');
      // Chromium reloads an unpacked extension only in developer mode (else it disables it as an
      // "unsupported developer extension"), as a developer's browser has it on.
      const extensions = await session.context.newPage();
      await extensions.goto('chrome://extensions');
      await extensions.evaluate(() =>
        (
          globalThis as unknown as { chrome: { developerPrivate: { updateProfileConfiguration(c: object): Promise<void> } } }
        ).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }),
      );
      await extensions.close();
      const before = backgroundStarts;
      // The worker goes away mid-call: the evaluation's own failure is expected.
      await worker
        .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
        .catch(() => undefined);
      // Playwright keeps one Worker object per address: the new worker shows as a start in CDP's count.
      const deadline = Date.now() + 30_000;
      while (backgroundStarts === before) {
        if (Date.now() > deadline) throw new Error('the extension did not start again after runtime.reload()');
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    async restart() {
      // Browser.close, as the user's closing the window does: the profile (and the extension's IndexedDB) stays.
      await session.context.close();
      session = await open();
      if (session.extensionOrigin !== extensionOrigin)
        throw new Error(`the extension came back as ${session.extensionOrigin}, not ${extensionOrigin}`);
    },
    async close() {
      await session.context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
