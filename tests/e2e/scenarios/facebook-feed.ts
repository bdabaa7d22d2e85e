import type { BrowserDriver, TestPage } from '../drivers/driver';

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

/** The popup's stored total, once the worker has answered. */
export async function popupTotals(
  driver: BrowserDriver,
): Promise<Record<string, { eligible: number; notEligible: number; unknown: number }>> {
  const popup = await driver.newPage();
  await popup.goto(`${driver.extensionOrigin}/src/ui/popup/index.html`);
  await popup.waitFor(() => document.querySelector('[data-total]') !== null);
  const totals = await popup.evaluate(() => {
    const out: Record<string, { eligible: number; notEligible: number; unknown: number }> = {};
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
