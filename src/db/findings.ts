import type { AudienceHistoryStep, Finding, ObservedPost, Platform } from '../core';
import { isTrainingEligible, newerReadingWins, postKey, yearOf } from '../core';
import { ExposureCountChange } from './exposure-counts';
import type { GlasshouseDatabase } from './schema';

export interface RecordResult {
  stored: number;
  changed: number;
}

/** The latest reading of each post in a batch: duplicates merge before anything is written. */
function latestPerPost(findings: readonly Finding[]): Finding[] {
  const latest = new Map<string, Finding>();
  for (const finding of findings) {
    const key = postKey(finding);
    const known = latest.get(key);
    if (!known || finding.seenAt >= known.seenAt) latest.set(key, finding);
  }
  return [...latest.values()];
}

function toStored(finding: Finding, known: ObservedPost | undefined, keepExcerpts: boolean): ObservedPost {
  const { seenAt, isOwn: _isOwn, excerpt, aliasIds: _aliasIds, ...rest } = finding;
  const post: ObservedPost = {
    ...rest,
    eligible: isTrainingEligible(finding.audience).eligible,
    publishedYear: yearOf(finding.publishedAt ?? known?.publishedAt),
    firstSeen: Math.min(known?.firstSeen ?? seenAt, seenAt),
    lastSeen: Math.max(known?.lastSeen ?? seenAt, seenAt),
  };
  if (known?.publishedAt !== undefined && post.publishedAt === undefined) post.publishedAt = known.publishedAt;
  if (keepExcerpts && (excerpt ?? known?.excerpt)) post.excerpt = excerpt ?? known?.excerpt;
  return post;
}

/**
 * A post stored under another id (its permalink, read before its data arrived) moves to the
 * finding's id: its first-seen time and its history come along, and the old record goes.
 */
async function mergeAliases(db: GlasshouseDatabase, batch: readonly Finding[], change: ExposureCountChange): Promise<void> {
  const moves = batch.flatMap((f) => (f.aliasIds ?? []).filter((alias) => alias !== f.postId).map((alias) => ({ finding: f, alias })));
  if (moves.length === 0) return;
  // Moves can touch a record more than once (two aliases, one target): the counts follow the records
  // as stored before and after all the moves, not each step.
  const byKey = new Map<string, [Platform, string]>();
  for (const { finding, alias } of moves)
    for (const id of [alias, finding.postId]) byKey.set(`${finding.platform}:${id}`, [finding.platform, id]);
  const touched = [...byKey.values()];
  const before = await db.posts.bulkGet(touched);
  for (const { finding, alias } of moves) {
    // Read now, not before the loop: an earlier move may have taken this alias already (two findings
    // naming one alias), and a stale copy would reappear under a second id.
    const old = await db.posts.get([finding.platform, alias]);
    if (!old) continue;
    const current = await db.posts.get([finding.platform, finding.postId]);
    // The older record keeps its place as the history's start; the newer one's reading stays current.
    const merged: ObservedPost = current
      ? { ...current, firstSeen: Math.min(current.firstSeen, old.firstSeen), lastSeen: Math.max(current.lastSeen, old.lastSeen) }
      : { ...old, postId: finding.postId };
    await db.observations.where('[platform+postId]').equals([old.platform, old.postId]).modify({ postId: finding.postId });
    await db.posts.delete([old.platform, old.postId]);
    await db.posts.put(merged);
  }
  const after = await db.posts.bulkGet(touched);
  touched.forEach((_, i) => change.replace(before[i], after[i]));
}

/** What a batch writes, planned from the stored rows before anything is written. */
interface BatchWrites {
  posts: ObservedPost[];
  observations: AudienceHistoryStep[];
  changed: number;
}

/**
 * Which reading stays current is `newerReadingWins` (src/core/newer-reading.ts): a page read now beats
 * a stored reading of the same moment. A post seen for the first time, or whose audience or evidence
 * changed, gets a history step; a post seen again unchanged only moves its times, no step.
 */
function planWrites(
  batch: readonly Finding[],
  known: readonly (ObservedPost | undefined)[],
  keepExcerpts: boolean,
  counts: ExposureCountChange,
): BatchWrites {
  const writes: BatchWrites = { posts: [], observations: [], changed: 0 };
  batch.forEach((finding, i) => {
    const existing = known[i];
    const reading = { audience: finding.audience, at: finding.seenAt };
    if (!existing || newerReadingWins({ audience: existing.audience, at: existing.lastSeen }, reading, 'incoming')) {
      const post = toStored(finding, existing, keepExcerpts);
      writes.posts.push(post);
      counts.replace(existing, post);
      if (!existing || existing.audience !== post.audience || existing.evidence !== post.evidence) {
        writes.changed += 1;
        writes.observations.push({
          platform: post.platform,
          postId: post.postId,
          audience: post.audience,
          eligible: post.eligible,
          evidence: post.evidence,
          observedAt: finding.seenAt,
        });
      }
    } else {
      // Still seen: only the times move.
      writes.posts.push({
        ...existing,
        firstSeen: Math.min(existing.firstSeen, finding.seenAt),
        lastSeen: Math.max(existing.lastSeen, finding.seenAt),
      });
    }
  });
  return writes;
}

/**
 * Upserts a validated batch in one short transaction, in two round trips to IndexedDB whatever the
 * batch's size: every read at once (the stored posts by primary key, the counts rows, and the
 * excerpt setting when the caller is still reading it), then every write at once (posts, history
 * steps, counts). IndexedDB answers each awaited step after a trip through the browser's storage
 * process, and on a busy machine those trips, not the records, were most of a batch's time
 * (bench/notes/storage.md). Only an alias merge, which is rare, reads before that.
 */
export async function recordFindings(
  db: GlasshouseDatabase,
  findings: readonly Finding[],
  keepExcerpts: boolean | Promise<boolean>,
): Promise<RecordResult> {
  const batch = latestPerPost(findings);
  let changed = 0;
  await db.transaction('rw', db.posts, db.observations, db.exposureCounts, async () => {
    const counts = new ExposureCountChange();
    await mergeAliases(db, batch, counts);
    const [known, keep, countRows] = await Promise.all([
      db.posts.bulkGet(batch.map((f) => [f.platform, f.postId] as [Platform, string])),
      keepExcerpts,
      counts.readRows(db),
    ]);
    const writes = planWrites(batch, known, keep, counts);
    changed = writes.changed;
    await Promise.all([
      db.posts.bulkPut(writes.posts),
      writes.observations.length > 0 ? db.observations.bulkAdd(writes.observations) : undefined,
      counts.writeRows(db, countRows),
    ]);
  });
  return { stored: batch.length, changed };
}
