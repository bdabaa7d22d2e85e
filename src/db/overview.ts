import type { Overview, Platform, PlatformOverview, ViewerAccount } from '../core';
import { PLATFORMS } from '../core';
import { viewerAccounts } from './accounts';
import { unwrittenBatches } from './inbox';
import type { GlasshouseDatabase } from './schema';
import { exposureSummary } from './summary';

const RECENT_EXPOSED = 5;

async function viewerAccount(db: GlasshouseDatabase, platform: Platform): Promise<ViewerAccount | undefined> {
  const [latest] = await viewerAccounts(db, platform);
  if (!latest) return undefined;
  const account: ViewerAccount = { accountId: latest.accountId, privacy: latest.privacy, lastSeen: latest.lastSeen };
  if (latest.username) account.username = latest.username;
  if (latest.name) account.name = latest.name;
  if (latest.professional !== undefined) account.professional = latest.professional;
  return account;
}

/** Everything the popup shows, from indexes: counts, the viewer, the latest exposed posts, objections; and batches whose write keeps failing. */
export async function overview(db: GlasshouseDatabase, now: number = Date.now()): Promise<Overview> {
  const { platforms: summaries } = await exposureSummary(db);
  const platforms: PlatformOverview[] = [];
  for (const platform of PLATFORMS) {
    const summary = summaries.find((s) => s.platform === platform)!;
    const [viewer, recent, objections, prompt, diagnostics] = await Promise.all([
      viewerAccount(db, platform),
      db.posts
        .where('[platform+eligible+lastSeen]')
        .between([platform, 'yes', -Infinity], [platform, 'yes', Infinity])
        .reverse()
        .limit(RECENT_EXPOSED)
        .toArray(),
      db.objections.where('platform').equals(platform).toArray(),
      db.formPrompts.get(platform),
      db.diagnostics.get(platform),
    ]);
    const entry: PlatformOverview = {
      summary,
      recentExposed: recent.map((post) => {
        const exposed: PlatformOverview['recentExposed'][number] = {
          postId: post.postId,
          url: post.url,
          kind: post.kind,
          lastSeen: post.lastSeen,
        };
        if (post.excerpt) exposed.excerpt = post.excerpt;
        if (post.publishedAt !== undefined) exposed.publishedAt = post.publishedAt;
        return exposed;
      }),
    };
    if (viewer) entry.viewer = viewer;
    const objection = objections.sort((a, b) => b.recordedAt - a.recordedAt)[0];
    if (objection) entry.objectedAt = objection.objectedAt;
    if (prompt && !objection) entry.formOpenedAt = prompt.openedAt;
    if (diagnostics) entry.diagnostics = diagnostics;
    platforms.push(entry);
  }
  const unwritten = await unwrittenBatches(db, now);
  return unwritten > 0 ? { platforms, unwritten } : { platforms };
}
