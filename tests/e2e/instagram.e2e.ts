import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { badgesFor, openReady, storedTotals } from './scenarios/facebook-feed';

const FEED_OWN = ['own-post', 'own-reel'];

/** The feed's badges; `whileOpen` runs before the tab closes (a tab closed within the batching delay may not have sent). */
async function feedBadges(driver: BrowserDriver, whileOpen?: () => Promise<void>) {
  const page = await openReady(driver, 'https://www.instagram.com/');
  await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 2);
  const badges = await badgesFor(page, [...FEED_OWN, 'other-public', 'other-private', 'other-unknown']);
  await whileOpen?.();
  await page.close();
  return badges;
}

/** The Instagram account privacy the popup shows, once the worker answered. */
async function popupPrivacy(driver: BrowserDriver): Promise<string | null> {
  const popup = await driver.newPage();
  await popup.goto(`${driver.extensionOrigin}/src/ui/popup/index.html`);
  await popup.waitFor(() => document.querySelector('[data-total]') !== null);
  const privacy = await popup.evaluate(
    () => document.querySelector('[data-platform="instagram"][data-account-privacy]')?.getAttribute('data-account-privacy') ?? null,
  );
  await popup.close();
  return privacy;
}

describe(`[${DRIVER_NAME}] Instagram: the account's privacy, carried from page to page`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('says unknown on the feed before any page showed the account', async () => {
    const badges = await feedBadges(driver);
    for (const id of FEED_OWN) expect(badges[id], id).toMatchObject({ audience: 'unknown', eligible: 'unknown', count: 1 });
    expect(badges['other-public']?.count).toBe(0);
  });

  it('badges the own public profile grid, then carries the state to the feed', async () => {
    const page = await openReady(driver, 'https://www.instagram.com/giulia.rossi/');
    await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 3);
    const grid = await badgesFor(page, ['grid-post', 'grid-reel', 'grid-old']);
    for (const id of ['grid-post', 'grid-reel', 'grid-old'])
      expect(grid[id], id).toMatchObject({ audience: 'public_account', eligible: 'yes', count: 1 });
    // The worker has the account before the tab closes (a tab closed within the batching delay may not).
    await expect.poll(() => popupPrivacy(driver), { timeout: 10_000, interval: 300 }).toBe('public');
    await page.close();
    const badges = await feedBadges(driver);
    for (const id of FEED_OWN) expect(badges[id], id).toMatchObject({ audience: 'public_account', eligible: 'yes', evidence: 'account' });
  });

  it('follows the switch to private from the settings page, and the popup counts it', async () => {
    const page = await openReady(driver, 'https://www.instagram.com/accounts/privacy_setting/');
    await expect.poll(() => popupPrivacy(driver), { timeout: 10_000, interval: 300 }).toBe('private');
    await page.close();
    const badges = await feedBadges(driver, async () => {
      // The feed's two own posts are stored as not public, beside the grid's three.
      await expect
        .poll(async () => (await storedTotals(driver)).instagram, { timeout: 20_000 })
        .toSatisfy(
          (totals) => totals !== undefined && totals.notEligible >= 2 && totals.eligible + totals.notEligible + totals.unknown >= 5,
        );
    });
    for (const id of FEED_OWN) expect(badges[id], id).toMatchObject({ audience: 'private_account', eligible: 'no', evidence: 'account' });
  });

  it('badges the own post page and the comment on a public account', async () => {
    const post = await openReady(driver, 'https://www.instagram.com/p/C7aLago0001/');
    await post.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 1);
    const onPost = await badgesFor(post, ['post-main', 'comment-marco', 'reply-own', 'more-reel']);
    expect(onPost['post-main']).toMatchObject({ count: 1 });
    expect(onPost['comment-marco']?.count).toBe(0);
    await post.close();
    const comment = await openReady(driver, 'https://www.instagram.com/p/DBmarcoPu03/');
    await comment.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 1);
    const badges = await badgesFor(comment, ['marco-post', 'comment-own']);
    expect(badges['comment-own']).toMatchObject({ audience: 'public_account', eligible: 'yes', count: 1 });
    expect(badges['marco-post']?.count).toBe(0);
    await comment.close();
  });

  it('made no network request of its own', () => {
    expect(driver.strayRequests()).toEqual([]);
  });
});
