import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import { fixtureFor } from '../../../scripts/fixture-routes.js';
import { GECKO_ID } from '../../../scripts/manifest-target.ts';
import { POLL_MS, WAIT_MS, type BrowserDriver, type RecordedRequest, type TestPage } from './driver';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The fixed moz-extension uuid the extension gets (pref extensions.webextensions.uuids). */
export const FIREFOX_EXTENSION_UUID = '0e1a55e5-6a11-4c0e-9b1a-5e1f0a11c0de';

/** GLASSHOUSE_E2E_DEBUG=1: Firefox's output (with the extension's console) and every request Firefox makes itself. */
const DEBUG = process.env.GLASSHOUSE_E2E_DEBUG === '1';

/** The network schemes: everything else (moz-extension:, data:, blob:) is not intercepted and loads as usual. */
const NETWORK_PROTOCOLS = ['http', 'https', 'ws', 'wss'];

/**
 * Firefox's own background networking, off: updates, telemetry, remote settings, Normandy/Nimbus, push,
 * captive portal and connectivity checks, Safe Browsing, favicons, speculative connections, DNS prefetch,
 * DoH. (puppeteer's default profile already turns off some; these are the rest.) Remote settings ignore
 * `services.settings.server` on release builds unless MOZ_REMOTE_SETTINGS_DEVTOOLS=1 is in the environment.
 */
const QUIET_PREFS: Record<string, unknown> = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.update.auto': false,
  'app.update.service.enabled': false,
  'app.update.staging.enabled': false,
  'app.update.url': '',
  'browser.chrome.site_icons': false,
  'browser.discovery.enabled': false,
  'browser.ml.enable': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.places.speculativeConnect.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.geoSpecificDefaults': false,
  'browser.topsites.contile.enabled': false,
  'browser.translations.enable': false,
  'browser.urlbar.speculativeConnect.enabled': false,
  'datareporting.usage.uploadEnabled': false,
  'dom.push.connection.enabled': false,
  'dom.push.enabled': false,
  'dom.push.serverURL': '',
  'extensions.abuseReport.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'media.gmp-manager.url': '',
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'telemetry.fog.test.localhost_port': -1,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.updatePing.enabled': false,
};

/** The WebDriver BiDi session under puppeteer (internal fields: puppeteer-core is pinned). */
interface BidiSession {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, handler: (event: never) => void): unknown;
}

interface BeforeRequestSent {
  context: string | null;
  isBlocked: boolean;
  request: { request: string; url: string; headers: { name: string; value: { value?: string } }[] };
}

interface ScriptMessage {
  channel: string;
  data: { type: string; value?: unknown };
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

function bidiSession(page: Page): BidiSession {
  const frame = page.mainFrame() as unknown as { browsingContext: { userContext: { browser: { session: BidiSession } } } };
  return frame.browsingContext.userContext.browser.session;
}

/** `page.goto` to a moz-extension: page never resolves; a BiDi navigate does (TOOLCHAIN.md). */
async function navigate(page: Page, url: string): Promise<void> {
  if (url.startsWith('moz-extension:')) {
    const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'complete'): Promise<void> } };
    await frame.browsingContext.navigate(url, 'complete');
  } else {
    await page.goto(url, { waitUntil: 'load' });
  }
}

/**
 * Firefox's color scheme for web content, extension pages included: 0 dark, 1 light (2 follows the system).
 * The pref about:preferences' "Website appearance" sets; pages follow a change without a reload.
 */
const SET_CONTENT_COLOR_SCHEME = `(value) => Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', value)`;

type CallChrome = Session['callChrome'];

function wrap(page: Page, callChrome: CallChrome): TestPage {
  const context = (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
  return {
    goto: (url) => navigate(page, url),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = WAIT_MS) =>
      void (await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: POLL_MS }, arg)),
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
    clickAt: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as KeyInput),
    async injectScript(source) {
      // BiDi's script.evaluate compiles the source in the page's world itself: the page's CSP does not apply.
      const result = (await bidiSession(page).send('script.evaluate', {
        expression: source,
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
      })) as { result: EvaluateResult };
      if (result.result.type !== 'success') throw new Error(`injected script failed: ${result.result.exceptionDetails?.text}`);
    },
    // A BiDi preload script: it runs before the document's own scripts.
    addInitScript: async (source) => void (await page.evaluateOnNewDocument(source)),
    // puppeteer's emulateMediaFeatures is CDP-only and throws over WebDriver BiDi: Firefox's own pref instead,
    // set in the chrome scope. It is browser-wide, so every open page follows the last call.
    async emulateColorScheme(scheme) {
      await callChrome(SET_CONTENT_COLOR_SCHEME, [{ type: 'number', value: scheme === 'dark' ? 0 : 1 }]);
      await page.waitForFunction(
        (dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark,
        { timeout: WAIT_MS, polling: 50 },
        scheme === 'dark',
      );
    },
  };
}

/**
 * Runs in the browser window's chrome (privileged) global, reporting on a BiDi channel:
 * - every HTTP channel of the parent process: requests from tabs are left to the BiDi intercept; the
 *   rest — the extension's background page, which BiDi's network module does not see, and Firefox's own —
 *   are cancelled before they connect and reported as ['request', url, fromExtension];
 * - the background's starts and stops, from the notification about:debugging shows them with, as
 *   ['background', isRunning].
 */
const WATCH_CHROME = `(report, extensionId, extensionOrigin) => {
  const inTab = (bc) => bc?.top?.embedderElement?.ownerDocument?.documentURI === 'chrome://browser/content/browser.xhtml';
  const observer = {
    observe(subject) {
      const channel = subject.QueryInterface(Ci.nsIHttpChannel);
      const info = channel.loadInfo;
      let bc = null;
      try { bc = info.browsingContext; } catch {}
      if (inTab(bc)) return;
      let topUrl = '';
      try { topUrl = bc?.top?.currentURI?.spec ?? ''; } catch {}
      const fromExtension =
        [info.triggeringPrincipal, info.loadingPrincipal].some((p) => p?.addonId === extensionId) ||
        topUrl.startsWith(extensionOrigin + '/');
      let url = channel.URI.spec;
      if (info.externalContentPolicyType === Ci.nsIContentPolicy.TYPE_WEBSOCKET) url = url.replace(/^http/, 'ws');
      channel.cancel(Cr.NS_ERROR_ABORT);
      report(['request', url, fromExtension]);
    },
  };
  const background = {
    observe(subject) {
      const status = subject.wrappedJSObject ?? subject;
      if (status.addonId === extensionId) report(['background', status.isRunning]);
    },
  };
  Services.obs.addObserver(observer, 'http-on-modify-request');
  Services.obs.addObserver(background, 'extension:background-script-status');
  window.__glasshouseObservers = [observer, background];
}`;

/**
 * Stops the event page the way Firefox does when it idles: Extension#terminateBackground() is what the
 * idle timer (extensions.background.idle.timeout, 30 s) calls, and what about:debugging's "Terminate
 * background script" calls. It fires runtime.onSuspend and unloads the background page; the next event (a
 * content script's message) starts it again. disableResetIdleForTest makes it stop even with a message
 * listener still pending, as the idle timer does on its second expiry.
 */
const TERMINATE_BACKGROUND = `async (extensionId) => {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = ExtensionParent.GlobalManager.getExtension(extensionId);
  if (!extension) return 'no extension';
  if (extension.backgroundState === 'running') {
    await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
  }
  const running = ExtensionParent.DebugUtils.isBackgroundScriptRunning(extensionId);
  return extension.backgroundState + (running ? ' with a live page' : '');
}`;

const BACKGROUND_STATE = `(extensionId) => {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  return ExtensionParent.GlobalManager.getExtension(extensionId)?.backgroundState ?? 'no extension';
}`;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One run of Firefox on the driver's profile: what a restart replaces. */
interface Session {
  browser: Browser;
  callChrome(fn: string, args: unknown[]): Promise<unknown>;
}

/**
 * Debian's Firefox ESR over WebDriver BiDi, with dist/firefox installed as a temporary add-on under a
 * fixed moz-extension uuid. Fixtures answered by a BiDi network intercept; every other http(s)/ws(s)
 * request aborted and recorded.
 */
export async function launchFirefox(dist = resolve('dist/firefox')): Promise<BrowserDriver> {
  const profile = mkdtempSync(join(tmpdir(), 'glasshouse-firefox-'));
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const stray: RecordedRequest[] = [];
  let backgroundStarts = 0;

  async function open(): Promise<Session> {
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        protocol: 'webDriverBiDi',
        userDataDir: profile,
        // Lets BiDi open moz-extension: pages and run the chrome-scope scripts above.
        args: ['--remote-allow-system-access'],
        dumpio: DEBUG,
        env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
        extraPrefsFirefox: {
          ...QUIET_PREFS,
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
          // A temporary add-on is uninstalled when Firefox closes; an installed one keeps its data. These
          // two make the temporary one behave like it across restart(): same uuid, same IndexedDB.
          'extensions.webextensions.keepUuidOnUninstall': true,
          'extensions.webextensions.keepStorageOnUninstall': true,
          // The background's and pages' console on Firefox's stdout (seen with GLASSHOUSE_E2E_DEBUG=1).
          'devtools.console.stdout.content': true,
        },
      });
      const session = bidiSession((await browser.pages())[0]!);
      const send = async <T>(method: string, params: object) => (await session.send(method, params)).result as T;

      // Tabs: one intercept for every context, so pages opened any way are covered.
      const contextUrl = async (context: string | null) => {
        if (!context) return '';
        const tree = await send<{ contexts: { url: string }[] }>('browsingContext.getTree', { root: context, maxDepth: 0 }).catch(
          () => null,
        );
        return tree?.contexts[0]?.url ?? '';
      };
      session.on('network.beforeRequestSent', (event: BeforeRequestSent) => {
        if (!event.isBlocked) return;
        void (async () => {
          const { url, request } = event.request;
          const fixture = fixtureFor(url);
          if (fixture) {
            // One header line per cookie: fixture-routes joins several Set-Cookie values with \n.
            const headers = Object.entries(fixture.headers).flatMap(([name, value]) =>
              value.split('\n').map((line) => ({ name, value: { type: 'string', value: line } })),
            );
            await send('network.provideResponse', {
              request,
              statusCode: fixture.status,
              reasonPhrase: 'OK',
              headers,
              body: { type: 'base64', value: Buffer.from(fixture.body).toString('base64') },
            });
            return;
          }
          const from = (await contextUrl(event.context)).startsWith('moz-extension:') ? 'extension' : 'page';
          // Firefox gives a WebSocket's handshake its http(s) address.
          const websocket = event.request.headers.some((h) => /^sec-fetch-mode$/i.test(h.name) && h.value.value === 'websocket');
          stray.push({ url: websocket ? url.replace(/^http/, 'ws') : url, from, allowed: false });
          await send('network.failRequest', { request });
        })().catch(() => undefined);
      });
      await send('network.addIntercept', {
        phases: ['beforeRequestSent'],
        urlPatterns: NETWORK_PROTOCOLS.map((protocol) => ({ type: 'pattern', protocol })),
      });

      // Everything outside tabs: the chrome window's observer. On a loaded machine the browser window
      // can be listed a moment after the session starts: asked again until it is, for up to 30 s.
      const chromeWindow = async () => {
        const chrome = await send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
        return chrome.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml')?.context;
      };
      let chromeContext = await chromeWindow();
      for (const deadline = Date.now() + 30_000; !chromeContext && Date.now() < deadline; chromeContext = await chromeWindow())
        await new Promise((resolve) => setTimeout(resolve, 100));
      if (!chromeContext) throw new Error('no chrome browsing context: is --remote-allow-system-access honoured?');
      const callChrome = async (fn: string, args: unknown[]) => {
        const result = await send<EvaluateResult>('script.callFunction', {
          functionDeclaration: fn,
          awaitPromise: true,
          target: { context: chromeContext },
          arguments: args,
          resultOwnership: 'none',
        });
        if (result.type !== 'success') throw new Error(`chrome script failed: ${result.exceptionDetails?.text}`);
        return result.result?.value;
      };
      const channel = 'glasshouse-chrome';
      session.on('script.message', (message: ScriptMessage) => {
        if (message.channel !== channel) return;
        const [kind, ...rest] = (message.data.value as { value: unknown }[]).map((item) => item.value);
        if (kind === 'background') {
          if (rest[0] === true) backgroundStarts += 1;
          if (DEBUG) console.log(`[firefox] background ${rest[0] === true ? 'started' : 'stopped'}`);
          return;
        }
        const [url, fromExtension] = rest as [string, boolean];
        if (fromExtension) stray.push({ url, from: 'extension', allowed: false });
        else if (DEBUG) console.log(`[firefox] cancelled Firefox's own request ${url}`);
      });
      await callChrome(WATCH_CHROME, [
        { type: 'channel', value: { channel, ownership: 'none' } },
        { type: 'string', value: GECKO_ID },
        { type: 'string', value: extensionOrigin },
      ]);

      const installed = await browser.installExtension(dist);
      if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
      const opened: Session = { browser, callChrome };
      await untilBackground(opened, 'running');
      return opened;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      throw error;
    }
  }

  const backgroundState = async (session: Session) =>
    String(await session.callChrome(BACKGROUND_STATE, [{ type: 'string', value: GECKO_ID }]));
  async function untilBackground(session: Session, state: string, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    let seen = await backgroundState(session);
    while (seen !== state) {
      if (Date.now() > deadline) throw new Error(`the background is ${seen}, not ${state}, after ${timeoutMs} ms`);
      await sleep(50);
      seen = await backgroundState(session);
    }
  }

  let current: Session;
  try {
    current = await open();
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    name: 'firefox',
    extensionOrigin,
    newPage: async () => wrap(await current.browser.newPage(), (fn, args) => current.callChrome(fn, args)),
    async pageAt(urlPrefix, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const page = (await current.browser.pages()).find((p) => p.url().startsWith(urlPrefix));
        if (page) return wrap(page, (fn, args) => current.callChrome(fn, args));
        if (Date.now() > deadline) throw new Error(`no tab at ${urlPrefix} after ${timeoutMs} ms`);
        await sleep(100);
      }
    },
    strayRequests: () => [...stray],
    backgroundStarts: () => backgroundStarts,
    async stopBackground() {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const state = String(await current.callChrome(TERMINATE_BACKGROUND, [{ type: 'string', value: GECKO_ID }]));
        if (state === 'stopped') return;
        // 'starting' (woken by an event just now) or 'suspending': try again once it settles.
        if (Date.now() > deadline) throw new Error(`could not stop the background: it is ${state}`);
        await sleep(50);
      }
    },
    async restart() {
      // A normal quit: Firefox shuts down and writes what it holds; the profile folder stays.
      await current.browser.close();
      current = await open();
    },
    async close() {
      await current.browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
