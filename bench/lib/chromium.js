// Debian's Chromium driven by playwright-core, as the e2e driver does: a persistent context with the
// extension loaded (or none), fixture pages served at https://www.facebook.com, every other request aborted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, HEADLESS_ARGS, QUIET_ARGS, routeToFixtures } from '../../scripts/chromium-launch.js';

export { CHROMIUM_PATH };

const COMMON_ARGS = [
  ...HEADLESS_ARGS,
  ...QUIET_ARGS,
  // Background tabs and idle timers must not be throttled differently on the two sides.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** Records every main-world long task from document start; also scrolls to the bottom on demand (the "scroll"). */
const PAGE_PROBE = `(() => {
  if (location.protocol !== 'https:') return;
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  window.__benchScroll = (everyMs) => {
    const timer = setInterval(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      if (window.__feedDone) clearInterval(timer);
    }, everyMs);
  };
})();`;

/**
 * @typedef {{ context: import('playwright-core').BrowserContext, extensionOrigin: string | null,
 *   profile: string, debugPort: number | null, close: () => Promise<void> }} BenchBrowser
 */

/**
 * @param {{ extension?: string | null, debugPort?: boolean, exposeGc?: boolean }} options `extension`: an unpacked
 *   build to load; `debugPort`: also listen on a DevTools port (for a second client); `exposeGc`: window.gc()
 * @returns {Promise<BenchBrowser>}
 */
export async function launch({ extension = null, debugPort = false, exposeGc = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'glasshouse-bench-'));
  const args = [...COMMON_ARGS];
  if (extension) args.unshift(...extensionArgs(extension));
  if (debugPort) args.push('--remote-debugging-port=0');
  if (exposeGc) args.push('--js-flags=--expose-gc');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  await routeToFixtures(context);
  await context.addInitScript(PAGE_PROBE);
  let extensionOrigin = null;
  if (extension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionOrigin = worker.url().split('/').slice(0, 3).join('/');
  }
  let port = null;
  if (debugPort) {
    for (let i = 0; i < 100 && port === null; i += 1) {
      try {
        port = Number(readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
      } catch {
        await sleep(50);
      }
    }
  }
  // The first page of a persistent context is about:blank; the figures open their own.
  for (const page of context.pages()) await page.close();
  return {
    context,
    extensionOrigin,
    profile,
    debugPort: port,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The browser's product string ("Chrome/156.0…") through a throwaway page. @param {import('playwright-core').BrowserContext} context */
export async function browserVersion(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const version = await cdp.send('Browser.getVersion');
  await cdp.detach();
  await page.close();
  return version.product;
}

/** Performance.getMetrics as a name → value map. @param {import('playwright-core').CDPSession} cdp */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** JS heap used after a forced garbage collection (bytes). @param {import('playwright-core').CDPSession} cdp */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize;
}

/**
 * A DevTools call's main-thread CPU time: TaskDuration (thread ticks, so time the thread was not
 * scheduled does not count) around one page.evaluate. Needs Performance.enable({ timeDomain: 'threadTicks' }).
 * @template R
 * @param {import('playwright-core').CDPSession} cdp
 * @param {import('playwright-core').Page} page
 * @param {(arg: any) => R | Promise<R>} fn
 * @returns {Promise<{ cpuMs: number, value: R }>}
 */
export async function cpuTimed(cdp, page, fn, arg) {
  const before = (await metrics(cdp)).TaskDuration;
  const value = await page.evaluate(fn, arg);
  const after = (await metrics(cdp)).TaskDuration;
  return { cpuMs: (after - before) * 1000, value };
}

/** The CPU cpuTimed() measures for an evaluate that does nothing: subtracted from each step. */
export async function evaluateOverhead(cdp, page, runs = 7) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) samples.push((await cpuTimed(cdp, page, () => 0)).cpuMs);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
