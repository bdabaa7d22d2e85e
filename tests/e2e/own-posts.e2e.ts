import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver, TestPage } from './drivers/driver';
import { DRIVER_NAME, launchDriver } from './drivers/select';
import { settleInbox } from './scenarios/inbox';
import { badgesOn, openReady } from './scenarios/facebook-feed';

const PROFILE = 'https://www.facebook.com/profile.php?id=100001&sk=own';
const SAVE_ANSWER = '/api/graphql/?doc=CometPrivacySelectorSaveMutation';
const SHARES_REEL = '5100000000000001';

/** The audience history the worker stored for one post, oldest first, read from the extension's own database. */
async function storedHistory(driver: BrowserDriver, postId: string): Promise<string[][]> {
  const page = await driver.newPage();
  await page.goto(`${driver.extensionOrigin}/src/ui/report/index.html`);
  // Batches wait in the worker's inbox until the page is quiet or a request reads: this read asks first.
  await settleInbox(page);
  const history = await page.evaluate(
    (id: string) =>
      new Promise<string[][]>((resolve, reject) => {
        const open = indexedDB.open('glasshouse');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('observations').objectStore('observations').getAll();
          request.onsuccess = () => {
            const steps = (request.result as { platform: string; postId: string; audience: string; evidence: string; id: number }[])
              .filter((step) => step.platform === 'facebook' && step.postId === id)
              .sort((a, b) => a.id - b.id);
            open.result.close();
            resolve(steps.map((step) => [step.audience, step.evidence]));
          };
        };
      }),
    postId,
  );
  await page.close();
  return history;
}

async function openProfile(driver: BrowserDriver): Promise<TestPage> {
  const page = await openReady(driver, PROFILE);
  await page.waitFor(() => document.querySelectorAll('[data-glasshouse-badge]').length >= 3);
  return page;
}

describe(`[${DRIVER_NAME}] The viewer's own Facebook posts, as the 2025 timeline loads them`, () => {
  let driver: BrowserDriver;
  beforeAll(async () => {
    driver = await launchDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it("badges each own post with the audience its editable selector says, never the shared reel's", async () => {
    const page = await openProfile(driver);
    const badges = await badgesOn(page);
    expect(badges[`own-${SHARES_REEL}`]).toMatchObject({ audience: 'friends', eligible: 'no', evidence: 'graphql', count: 1 });
    expect(badges['own-5100000000000002']).toMatchObject({ audience: 'public', eligible: 'yes', evidence: 'graphql', count: 1 });
    expect(badges['own-5100000000000003']).toMatchObject({ audience: 'only_me', eligible: 'no', evidence: 'graphql', count: 1 });
    expect(driver.strayRequests()).toEqual([]);
    await page.close();
  });

  it("follows an audience edited while the page is open, and keeps each step in the post's history", async () => {
    const page = await openProfile(driver);
    await page.waitFor(() => (window as unknown as { glasshouseFixture: { drawn: boolean } }).glasshouseFixture.drawn);
    // What the site does when the user picks "Public": the button's label first, then the save and its answer.
    await page.evaluate(
      ([id, answer]: [string, string]) =>
        (
          window as unknown as { glasshouseFixture: { editAudience(id: string, label: string, answer: string): Promise<void> } }
        ).glasshouseFixture.editAudience(id, 'Public', answer),
      [SHARES_REEL, SAVE_ANSWER] as [string, string],
    );
    // Polled, so a failure shows what the badge said instead (it once said "label": the answer was read
    // before the label it confirms; tests/unit/content/facebook-live-edits.test.ts pins that).
    await expect
      .poll(
        () =>
          page.evaluate((id: string) => {
            const badge = document.querySelector(`#own-${id} [data-glasshouse-badge]`);
            return [badge?.getAttribute('data-audience'), badge?.getAttribute('data-evidence')];
          }, SHARES_REEL),
        { timeout: 30_000, interval: 100 },
      )
      .toEqual(['public', 'graphql']);
    // The worker has the new reading once the history shows it (the queue sends within a moment).
    let history: string[][] = [];
    for (let tries = 0; tries < 100 && history.at(-1)?.[0] !== 'public'; tries += 1) history = await storedHistory(driver, SHARES_REEL);
    // The first step may come from the button's label or from the answer, whichever the page drew first.
    expect(history[0]?.[0]).toBe('friends');
    expect(history.at(-1)).toEqual(['public', 'graphql']);
    expect(history.map((step) => step[0])).not.toContain('unknown');
    expect(driver.strayRequests()).toEqual([]);
    await page.close();
  });
});
