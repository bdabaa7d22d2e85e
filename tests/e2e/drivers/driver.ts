/**
 * How long `waitFor` waits by default. A condition that comes true returns at once, so this only
 * bounds a failure: 30 s, because on a loaded 2-core machine one page load with its badges took
 * 10 s (the old bound): a red test there would say nothing about the extension.
 */
export const WAIT_MS = 30_000;

/**
 * How often `waitFor` checks its condition, in both browsers. Not every animation frame (Playwright's
 * default): a page polled by requestAnimationFrame renders a frame 60 times a second while it waits,
 * for as long as it waits (a 50,000-post import: a minute), and the browsers share two cores. Measured
 * 2026-12-02, both browsers' suites side by side: Chromium 412 → 399 s, Firefox 458 → 433 s.
 * Firefox polls by interval anyway: requestAnimationFrame is throttled in a background tab.
 */
export const POLL_MS = 100;

/** What a scenario needs from a browser: the same scenarios run on Chromium and Firefox. */
export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  /** Makes this the tab the user looks at (the others become hidden, as in a real window). */
  bringToFront(): Promise<void>;
  /**
   * A real mouse click at a point of the viewport (CSS px), as the user's: it reaches what is drawn there,
   * inside a closed shadow root too, which an element's click() from the page cannot.
   */
  clickAt(x: number, y: number): Promise<void>;
  /** A real key press (keydown, then keyup) on what has the focus, as the user's keyboard: one key ("Tab", "Enter"). */
  press(key: string): Promise<void>;
  /**
   * Runs a classic script's source in the page's own world, past the page's CSP (an extension page
   * forbids eval, inline and Blob scripts): for test tools such as axe-core. Optional: a driver that
   * cannot do it leaves it out, and the tests that need it say they were skipped.
   */
  injectScript?(source: string): Promise<void>;
  /**
   * Runs a classic script's source in every document this page loads from now on, before the page's
   * own scripts: for test-only overrides such as the extension's UI language, which a browser cannot
   * switch within a launch. Optional, as injectScript.
   */
  addInitScript?(source: string): Promise<void>;
  /**
   * Emulates `prefers-color-scheme` for this page (in Firefox for the whole browser: open pages follow the
   * last call). Optional, as injectScript.
   */
  emulateColorScheme?(scheme: 'light' | 'dark'): Promise<void>;
}

export interface RecordedRequest {
  url: string;
  /** Who made it, as far as the driver can tell. */
  from: 'page' | 'extension';
  allowed: boolean;
}

export interface BrowserDriver {
  readonly name: 'chromium' | 'firefox';
  /** The extension's pages' origin, e.g. chrome-extension://<id>. */
  readonly extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** An open tab whose address starts with `urlPrefix`, once there is one: e.g. the tab the full-history scan opened. */
  pageAt(urlPrefix: string, timeoutMs?: number): Promise<TestPage>;
  /** Requests that were not fixture pages: each one a failure of "nothing leaves the machine". */
  strayRequests(): RecordedRequest[];
  /** How many times the background has started (1 + wake-ups after stops). */
  backgroundStarts(): number;
  /** Stops the background (service worker / event page), as the browser does when it idles. */
  stopBackground(): Promise<void>;
  /**
   * Reloads the extension as an update does, leaving open tabs as they are; resolves once the new
   * background runs. Optional: a driver that cannot do it leaves it out, and its tests say they were skipped.
   */
  reloadExtension?(): Promise<void>;
  /**
   * Closes the browser as the user does, and starts it again on the same profile: open tabs are gone,
   * the extension's database stays. Pages from before are closed; ask for new ones.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}
