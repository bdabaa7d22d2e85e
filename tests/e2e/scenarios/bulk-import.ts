import type { TestPage } from '../drivers/driver';

/**
 * Stores `count` generated findings (Facebook and Instagram; public, not public and unknown; posts and
 * comments) through the Glasshouse page's own import, as a user restoring an export would: one file,
 * made in the page, since 50,000 findings are ~30 MB, too much to pass through the driver. `page` is
 * the Glasshouse page, open; resolves once the import is done and the page shows the new total.
 * Without `history`, each finding comes with no audience history: half the rows to write, for a test
 * that needs only the posts (most of the import's time is IndexedDB writing rows).
 */
export async function importGeneratedFindings(
  page: TestPage,
  count: number,
  { history = true, timeoutMs = 240_000 }: { history?: boolean; timeoutMs?: number } = {},
): Promise<void> {
  await page.waitFor(() => document.querySelector('#import-file') !== null);
  const before = await page.evaluate(() => Number(document.querySelector('[data-total]')?.getAttribute('data-total') ?? 0));
  await page.evaluate(
    ({ bulk, withHistory }) => {
      const facebook = ['public', 'friends', 'only_me', 'unknown', 'public_group', 'friends_of_friends'];
      const instagramAudiences = ['public_account', 'private_account', 'close_friends', 'unknown'];
      const eligible: Record<string, string> = { public: 'yes', public_group: 'yes', public_account: 'yes', unknown: 'unknown' };
      const findings = [];
      for (let i = 0; i < bulk; i += 1) {
        const seen = new Date(Date.UTC(2025, 6, 1) + i * 1000).toISOString();
        // One in four on Instagram, with Instagram's per-account audiences.
        const instagram = i % 4 === 0;
        const shown = instagram ? instagramAudiences[(i / 4) % instagramAudiences.length]! : facebook[i % facebook.length]!;
        const finding: Record<string, unknown> = {
          platform: instagram ? 'instagram' : 'facebook',
          postId: `bulk${i}`,
          url: instagram ? `https://www.instagram.com/p/bulk${i}/` : `https://www.facebook.com/alice/posts/bulk${i}`,
          kind: i % 5 === 0 ? 'comment' : 'post',
          owner: { id: instagram ? '200002' : '100001' },
          audience: shown,
          eligible: eligible[shown] ?? 'no',
          evidence: 'label',
          firstSeen: seen,
          lastSeen: seen,
          history: withHistory ? [{ audience: shown, eligible: eligible[shown] ?? 'no', evidence: 'label', observedAt: seen }] : [],
        };
        if (i % 11) finding.publishedAt = new Date(Date.UTC(2012, 0, 1) + ((i * 7919) % 50_000) * 3 * 3_600_000).toISOString();
        if (i % 3) finding.excerpt = `Day ${i % 365} at the ${i % 2 ? 'lake' : 'mountains'} #${i}`;
        findings.push(finding);
      }
      const report = {
        schemaVersion: 1,
        generatedAt: new Date().toISOString(),
        summary: { platforms: [] },
        accounts: [],
        objections: [],
        findings,
      };
      const input = document.querySelector<HTMLInputElement>('#import-file')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([JSON.stringify(report)], 'bulk.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { bulk: count, withHistory: history },
  );
  await page.waitFor(() => document.querySelector('[data-import="done"], [data-import="refused"]') !== null, undefined, timeoutMs);
  const refused = await page.evaluate(() => document.querySelector('[data-import="refused"]')?.textContent ?? null);
  if (refused !== null) throw new Error(`the import was refused: ${refused}`);
  await page.waitFor((n) => document.querySelector(`[data-total="${n}"]`) !== null, before + count, 60_000);
}
