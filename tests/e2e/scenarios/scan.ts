// The full-history scan as a test sees it: its panel on the page, and the worker's answers.
import type { TestPage } from '../drivers/driver';

export interface PanelState {
  status: string | null;
  found: number;
  public: number;
  oldest: string | null;
  reason: string | null;
  catchingUp: string | null;
  /** "true" while the scan waits for its tab to come back to the scan's page. */
  elsewhere: string | null;
  scrollY: number;
}

/** The scan's panel, read from its host's data attributes (its shadow root is closed). */
export function panelOf(page: TestPage): Promise<PanelState | null> {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-glasshouse-scan]');
    if (!host) return null;
    return {
      status: host.dataset.status ?? null,
      found: Number(host.dataset.found ?? 0),
      public: Number(host.dataset.public ?? 0),
      oldest: host.dataset.oldest ?? null,
      reason: host.dataset.reason ?? null,
      catchingUp: host.dataset.catchingUp ?? null,
      elsewhere: host.dataset.elsewhere ?? null,
      scrollY: Math.round(window.scrollY),
    };
  });
}

/** Sends a message of the table from an extension page, as the popup does. */
export function ask<T>(page: TestPage, message: unknown): Promise<T> {
  return page.evaluate((m) => {
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
    return (scope.browser ?? scope.chrome).runtime.sendMessage(m) as Promise<T>;
  }, message);
}

export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 200));
    last = await read();
  }
  return last;
}

/**
 * Waits until the page's own loader (the scan fixtures' 250 ms interval, counted in `window.__checks`)
 * has run `turns` more times: a span on the page's clock, for checks that something did not happen (a
 * paused scan does not scroll). Under load the page's timers and the content script's slow down
 * together, where a fixed sleep in the test would shrink the span the extension had.
 */
export async function pageTicks(page: TestPage, turns: number): Promise<void> {
  const from = await page.evaluate(() => (window as unknown as { __checks: number }).__checks);
  await page.waitFor((until) => (window as unknown as { __checks: number }).__checks >= until, from + turns, 30_000);
}
