import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserDriver, TestPage } from '../drivers/driver';

export const POPUP = '/src/ui/popup/index.html';
export const OPTIONS = '/src/ui/options/index.html';
/** The Glasshouse page (the report page, the app's home): everything the popup leaves out. */
export const HOME = '/src/ui/report/index.html';
/**
 * An alert with something in it: a page that failed to load says so in one. The Glasshouse page's import
 * panel keeps an empty `role="alert"` region from its first render (a live region must exist before its
 * message does), so a bare `[role="alert"]` is there before the page's data is: waiting for it once let
 * a test read the objections before they were shown (ui.e2e.ts, "deletes everything after confirmation").
 */
export const SHOWN_ALERT = '[role="alert"]:not(:empty)';

/** An extension page, once its first worker answer is on screen. */
export async function openExtensionPage(driver: BrowserDriver, path: string): Promise<TestPage> {
  const page = await driver.newPage();
  await page.goto(`${driver.extensionOrigin}${path}`);
  // The options page is ready when its settings are: its "delete everything" section shows before they load
  // (a wait for any [data-setting] once let a test read the badge choice before it existed).
  await page.waitFor((alert) => document.querySelector(`[data-total], [data-setting="badgeEveryone"], ${alert}`) !== null, SHOWN_ALERT);
  return page;
}

export interface PopupSeen {
  total: number | null;
  empty: boolean;
  failed: string | null;
  platforms: Record<
    string,
    { eligible: number; notEligible: number; unknown: number; verdict: string | null; sentence: string; step: string | null }
  >;
}

/** What the popup shows, read off its data hooks: per platform the counts, the verdict and its sentence, the next step. */
export function readPopup(page: TestPage): Promise<PopupSeen> {
  return page.evaluate(() => {
    const number = (el: Element | null) => Number(el?.getAttribute('data-value') ?? 0);
    const platforms: PopupSeen['platforms'] = {};
    for (const section of document.querySelectorAll('section[data-platform]')) {
      platforms[section.getAttribute('data-platform')!] = {
        eligible: number(section.querySelector('[data-count="eligible"]')),
        notEligible: number(section.querySelector('[data-count="not-eligible"]')),
        unknown: number(section.querySelector('[data-count="unknown"]')),
        verdict: section.querySelector('[data-verdict]')?.getAttribute('data-verdict') ?? null,
        sentence: (section.querySelector('[data-verdict]')?.textContent ?? '').trim(),
        step: section.querySelector('[data-step]')?.getAttribute('data-step') ?? null,
      };
    }
    const total = document.querySelector('[data-total]')?.getAttribute('data-total');
    return {
      total: total === undefined || total === null ? null : Number(total),
      empty: document.querySelector('[data-empty]') !== null,
      failed: document.querySelector('[role="alert"]:not(:empty)')?.textContent ?? null,
      platforms,
    };
  });
}

export interface HomeSeen {
  /** The latest public posts' links, per platform. */
  links: Record<string, string[]>;
  objections: Record<string, { objected: boolean; objectedAt: number | null; prompt: boolean; text: string }>;
}

/** Opens the Glasshouse page, once the worker's overview is on screen. */
export async function openHome(driver: BrowserDriver): Promise<TestPage> {
  const page = await openExtensionPage(driver, HOME);
  await page.waitFor((alert) => document.querySelector(`[data-objection], ${alert}`) !== null, SHOWN_ALERT);
  return page;
}

/** What the Glasshouse page's overview and objection sections show. */
export function readHome(page: TestPage): Promise<HomeSeen> {
  return page.evaluate(() => {
    const links: HomeSeen['links'] = {};
    for (const section of document.querySelectorAll('[data-section="overview"] section[data-platform]'))
      links[section.getAttribute('data-platform')!] = [...section.querySelectorAll<HTMLAnchorElement>('.recent a')].map((a) => a.href);
    const objections: HomeSeen['objections'] = {};
    for (const block of document.querySelectorAll('[data-objection]')) {
      const at = block.querySelector('[data-objected-at]')?.getAttribute('data-objected-at');
      objections[block.getAttribute('data-objection')!] = {
        objected: block.getAttribute('data-objected') === 'yes',
        objectedAt: at ? Number(at) : null,
        prompt: block.querySelector('[data-prompt]') !== null,
        text: (block.textContent ?? '').replace(/\s+/g, ' ').trim(),
      };
    }
    return { links, objections };
  });
}

/** The toolbar badge's text, read as the extension's own page may (action.getBadgeText: no permission needed). */
export function toolbarBadge(page: TestPage): Promise<string> {
  return page.evaluate(async () => {
    type Action = { action: { getBadgeText(details: object): Promise<string> } };
    const scope = globalThis as unknown as { browser?: Action; chrome: Action };
    return (scope.browser ?? scope.chrome).action.getBadgeText({});
  });
}

/** Clicks the first element matching `selector`; a link's navigation can be held back so no tab opens. */
export async function clickOn(page: TestPage, selector: string, options: { preventNavigation?: boolean } = {}): Promise<void> {
  await page.waitFor((s) => document.querySelector(s) !== null, selector);
  await page.evaluate(
    ({ selector, preventNavigation }) => {
      const element = document.querySelector<HTMLElement>(selector)!;
      if (preventNavigation) element.addEventListener('click', (event) => event.preventDefault(), { once: true });
      element.click();
    },
    { selector, preventNavigation: options.preventNavigation ?? false },
  );
}

/** Types a value as a user would: input events, then change (what a blur or Enter gives). */
export async function fillIn(page: TestPage, selector: string, value: string): Promise<void> {
  await page.waitFor((s) => document.querySelector(s) !== null, selector);
  await page.evaluate(
    ({ selector, value }) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      input.focus();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { selector, value },
  );
}

/** `YYYY-MM-DD` for a day `daysAgo` before today, in the browser's time zone, and that day's local midnight. */
export function pastDay(page: TestPage, daysAgo: number): Promise<{ value: string; time: number }> {
  return page.evaluate((days) => {
    const now = new Date();
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
    const pad = (n: number) => String(n).padStart(2, '0');
    return { value: `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`, time: day.getTime() };
  }, daysAgo);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = (() => {
  let source: string | undefined;
  return () => (source ??= readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
})();

/**
 * Runs axe-core on the page (WCAG 2.x A and AA, best practices) and returns the serious and
 * critical violations; null when the driver cannot inject a script past the page's CSP.
 */
export async function seriousAxeViolations(page: TestPage): Promise<AxeViolation[] | null> {
  if (!page.injectScript) return null;
  await page.injectScript(AXE_SOURCE());
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Opens every <details> so axe also checks what is folded away. */
export function openAllDetails(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}
