// Writes docs/badges.png: the demo feed with Glasshouse's badges, one badge's explanation open.
// Run after `npm run build`: node scripts/badge-screenshot.js
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionArgs, HEADLESS_ARGS, QUIET_ARGS, routeToFixtures } from './chromium-launch.js';

const dist = resolve('dist/chrome');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'glasshouse-shot-')), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: 760, height: 900 },
  args: [...extensionArgs(dist), ...HEADLESS_ARGS, ...QUIET_ARGS, '--lang=en-US'],
});
await routeToFixtures(context);
const page = await context.newPage();
await page.goto('https://www.facebook.com/');
await page.waitForFunction(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 5);
// Some plain styling so the bare fixture reads like a feed in the picture.
await page.addStyleTag({
  content: `body{font:15px system-ui,sans-serif;background:#f0f2f5;margin:0;padding:16px}
  [role=feed]>h3,[role=banner],[role=navigation]{display:none}
  [data-pagelet^=FeedUnit]>[role=article]{background:#fff;border-radius:8px;padding:12px 16px;margin:0 0 12px;box-shadow:0 1px 2px #0002}
  h2{font-size:15px;margin:0 0 4px} a{color:#050505;text-decoration:none} svg{vertical-align:middle;color:#65676b}
  [role=button]{display:none} ul{list-style:none;padding:0 0 0 16px;margin:8px 0 0;border-top:1px solid #ddd}
  [role=article] [role=article]{background:#f0f2f5;border-radius:12px;padding:6px 10px;margin-top:8px}
  .attached-story-box{border:1px solid #ddd;border-radius:8px;padding:8px;margin-top:8px}`,
});
const badge = page.locator('#own-public [data-glasshouse-badge]').first();
await badge.click();
await page.screenshot({ path: 'docs/badges.png', fullPage: false });
await context.close();
console.log('wrote docs/badges.png');
