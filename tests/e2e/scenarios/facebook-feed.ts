import type { BrowserDriver, TestPage } from '../drivers/driver';
import { ask } from './scan';

export interface BadgeSeen {
  id: string;
  audience: string | null;
  eligible: string | null;
  evidence: string | null;
  count: number;
}

/** The badges inside each test-marked post or comment, read off the page. */
export async function badgesOn(page: TestPage): Promise<Record<string, BadgeSeen>> {
  const list = await page.evaluate(() =>
    [...document.querySelectorAll('[id]')]
      .filter((el) => el.getAttribute('role') === 'article' || el.hasAttribute('data-test-item'))
      .map((el) => {
        // A post's own badge: not one inside a nested comment.
        const own = [...el.querySelectorAll('[data-glasshouse-badge]')].filter(
          (b) => b.parentElement?.closest('[role="article"], [data-test-item]') === el,
        );
        const badge = own[0];
        return {
          id: el.id,
          audience: badge?.getAttribute('data-audience') ?? null,
          eligible: badge?.getAttribute('data-eligible') ?? null,
          evidence: badge?.getAttribute('data-evidence') ?? null,
          count: own.length,
        };
      }),
  );
  return Object.fromEntries(list.map((b) => [b.id, b]));
}

export async function openReady(driver: BrowserDriver, url: string): Promise<TestPage> {
  const page = await driver.newPage();
  await page.goto(url);
  await page.waitFor(() => document.documentElement.dataset.glasshouse === 'ready');
  return page;
}

export type Totals = Record<string, { eligible: number; notEligible: number; unknown: number }>;

/** One extension page per browser to ask the worker from; a restart closes it, and the next ask opens another. */
const askers = new WeakMap<BrowserDriver, Promise<TestPage>>();

/**
 * What the worker has stored, per platform: the counts the popup shows, asked with the popup's own
 * message (overview/get). A poll costs one message instead of loading the popup; the popup's drawing
 * of the counts is tested on its own (foundation.e2e.ts, ui.e2e.ts).
 */
export async function storedTotals(driver: BrowserDriver): Promise<Totals> {
  type Overview = { ok: boolean; platforms?: { summary: { platform: string; eligible: number; notEligible: number; unknown: number } }[] };
  const reply = await askWorker<Overview>(driver, { type: 'overview/get' });
  if (!reply.ok || !reply.platforms) throw new Error(`overview/get failed: ${JSON.stringify(reply)}`);
  return Object.fromEntries(
    reply.platforms.map(({ summary: { platform, eligible, notEligible, unknown } }) => [platform, { eligible, notEligible, unknown }]),
  );
}

/** Deletes everything stored, as the options page does: a test that counts starts from nothing. */
export async function clearStore(driver: BrowserDriver): Promise<void> {
  const reply = await askWorker<{ ok: boolean }>(driver, { type: 'data/delete-all', confirm: true });
  if (!reply.ok) throw new Error(`data/delete-all failed: ${JSON.stringify(reply)}`);
}

/** Sends a message of the table from the browser's asking page (opened on first use, and again after a restart). */
async function askWorker<T>(driver: BrowserDriver, message: unknown): Promise<T> {
  const once = async (retry: boolean): Promise<T> => {
    let asker = askers.get(driver);
    if (!asker) {
      asker = driver.newPage().then(async (page) => {
        await page.goto(`${driver.extensionOrigin}/src/ui/popup/index.html`);
        return page;
      });
      askers.set(driver, asker);
    }
    try {
      return await ask<T>(await asker, message);
    } catch (error) {
      askers.delete(driver);
      if (!retry) throw error;
      return once(false);
    }
  };
  return once(true);
}

/** The popup's stored total, as the popup draws it, once the worker has answered. */
export async function popupTotals(driver: BrowserDriver): Promise<Totals> {
  const popup = await driver.newPage();
  await popup.goto(`${driver.extensionOrigin}/src/ui/popup/index.html`);
  await popup.waitFor(() => document.querySelector('[data-total]') !== null);
  const totals = await popup.evaluate(() => {
    const out: Totals = {};
    for (const section of document.querySelectorAll('section[data-platform]')) {
      const n = (name: string) => Number(section.querySelector(`[data-count="${name}"]`)?.getAttribute('data-value') ?? 0);
      out[section.getAttribute('data-platform')!] = { eligible: n('eligible'), notEligible: n('not-eligible'), unknown: n('unknown') };
    }
    return out;
  });
  await popup.close();
  return totals;
}

/** Badges inside each element of `ids`, not counting those of another listed element nested in it. */
export async function badgesFor(page: TestPage, ids: string[]): Promise<Record<string, BadgeSeen>> {
  const list = await page.evaluate((wanted: string[]) => {
    const set = new Set(wanted);
    return wanted.map((id) => {
      const el = document.getElementById(id);
      const own = el
        ? [...el.querySelectorAll('[data-glasshouse-badge]')].filter((b) => {
            let up = b.parentElement;
            while (up && !(up.id && set.has(up.id))) up = up.parentElement;
            return up === el;
          })
        : [];
      const badge = own[0];
      return {
        id,
        audience: badge?.getAttribute('data-audience') ?? null,
        eligible: badge?.getAttribute('data-eligible') ?? null,
        evidence: badge?.getAttribute('data-evidence') ?? null,
        count: own.length,
      };
    });
  }, ids);
  return Object.fromEntries(list.map((b) => [b.id, b]));
}
