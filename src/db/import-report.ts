import type { AudienceHistoryStep, Objection, ObservedAccount, ObservedPost, Platform } from '../core';
import { newerReadingWins, postKey, yearOf } from '../core';
import { ExposureCountChange } from './exposure-counts';
import type { GlasshouseDatabase } from './schema';
import { readSettings } from './settings';

/**
 * A report file's content as database records (validated and converted by the caller: this module
 * knows the tables, not the file format).
 */
export interface ImportedRecords {
  posts: ObservedPost[];
  observations: AudienceHistoryStep[];
  accounts: ObservedAccount[];
  objections: { platform: Platform; objectedAt: number }[];
}

export interface ImportResult {
  /** Posts and comments in the file. */
  posts: number;
  added: number;
  /** Known posts whose stored reading changed (a newer reading, a wider seen-time span, a filled-in field). */
  updated: number;
  observationsAdded: number;
  accountsMerged: number;
  objectionsKept: number;
}

/** Above this many known posts, the observations table is read in one pass rather than by index. */
const OBSERVATION_LOOKUP_LIMIT = 1_000;

/** Same platform, post, moment and audience: the same observation, written once. */
const observationKey = (o: AudienceHistoryStep) => `${o.platform}:${o.postId}:${o.observedAt}:${o.audience}`;

/** Order-independent comparison of two stored posts (Dexie returns keys in any order). */
function samePost(a: ObservedPost, b: ObservedPost): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ObservedPost>;
  for (const key of keys) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  return true;
}

/**
 * `newerReadingWins` picks the current reading, as in `recordFindings`; a file's reading of the same
 * moment as the stored one changes nothing. Either way the seen-times widen and a field only one side knows is kept.
 */
function mergePost(known: ObservedPost | undefined, imported: ObservedPost, keepExcerpts: boolean): ObservedPost {
  let post: ObservedPost;
  if (!known) post = { ...imported };
  else {
    const importedWins = newerReadingWins(
      { audience: known.audience, at: known.lastSeen },
      { audience: imported.audience, at: imported.lastSeen },
      'kept',
    );
    const [winner, other] = importedWins ? [imported, known] : [known, imported];
    post = {
      ...winner,
      firstSeen: Math.min(known.firstSeen, imported.firstSeen),
      lastSeen: Math.max(known.lastSeen, imported.lastSeen),
    };
    if (post.publishedAt === undefined && other.publishedAt !== undefined) post.publishedAt = other.publishedAt;
    if (post.excerpt === undefined && other.excerpt !== undefined) post.excerpt = other.excerpt;
    if (post.ownerName === undefined && other.ownerName !== undefined) post.ownerName = other.ownerName;
  }
  post.publishedYear = yearOf(post.publishedAt);
  // The user's "keep excerpts" setting holds for imported text too.
  if (!keepExcerpts) delete post.excerpt;
  return post;
}

/** Histories united (a step once per moment and privacy); the current privacy from the newer side, as `recordAccounts` does. */
function mergeAccount(known: ObservedAccount | undefined, imported: ObservedAccount): ObservedAccount {
  if (!known) return imported;
  const steps = new Map<string, ObservedAccount['history'][number]>();
  for (const step of [...known.history, ...imported.history]) steps.set(`${step.seenAt}:${step.privacy}`, step);
  const newer = imported.lastSeen > known.lastSeen;
  const [winner, other] = newer ? [imported, known] : [known, imported];
  const account: ObservedAccount = {
    ...other,
    ...winner,
    isViewer: known.isViewer === 1 || imported.isViewer === 1 ? 1 : 0,
    firstSeen: Math.min(known.firstSeen, imported.firstSeen),
    lastSeen: Math.max(known.lastSeen, imported.lastSeen),
    history: [...steps.values()].sort((a, b) => a.seenAt - b.seenAt),
  };
  if (winner.privacy === 'unknown' && other.privacy !== 'unknown') {
    account.privacy = other.privacy;
    account.evidence = other.evidence;
  }
  return account;
}

/** The stored post of each imported one (or undefined), read the cheaper way: by key, or the whole table when it is the smaller. */
async function storedVersions(db: GlasshouseDatabase, posts: readonly ObservedPost[]): Promise<(ObservedPost | undefined)[]> {
  if ((await db.posts.count()) >= posts.length)
    return db.posts.bulkGet(posts.map((post) => [post.platform, post.postId] as [Platform, string]));
  const stored = new Map((await db.posts.toArray()).map((post) => [postKey(post), post]));
  return posts.map((post) => stored.get(postKey(post)));
}

/**
 * Merges a report into the database in one transaction: all of it, or — if anything fails — none
 * of it. Posts are upserted keeping the newer reading; observations are added unless the same one
 * (platform, post, moment, audience) is already there; accounts' histories are united; a platform's
 * objection is replaced only by a later one (the later date covers less, so Glasshouse never claims
 * more protection than the user has).
 */
export async function importReportRecords(db: GlasshouseDatabase, records: ImportedRecords, now: number): Promise<ImportResult> {
  const result: ImportResult = {
    posts: records.posts.length,
    added: 0,
    updated: 0,
    observationsAdded: 0,
    accountsMerged: 0,
    objectionsKept: 0,
  };
  await db.transaction('rw', [db.posts, db.observations, db.accounts, db.objections, db.settings, db.exposureCounts], async () => {
    const { keepExcerpts } = await readSettings(db);

    // A file may name a post twice: the later reading of the two goes in.
    const incoming = new Map<string, ObservedPost>();
    for (const post of records.posts) {
      const key = postKey(post);
      const seen = incoming.get(key);
      incoming.set(key, seen ? mergePost(seen, post, true) : post);
    }
    const imported = [...incoming.values()];
    const known = await storedVersions(db, imported);
    const writes: ObservedPost[] = [];
    const counts = new ExposureCountChange();
    imported.forEach((post, i) => {
      const existing = known[i];
      const merged = mergePost(existing, post, keepExcerpts);
      if (!existing) result.added += 1;
      else if (samePost(existing, merged)) return;
      else result.updated += 1;
      writes.push(merged);
      counts.replace(existing, merged);
    });
    if (writes.length > 0) await db.posts.bulkPut(writes);
    await counts.applyTo(db);

    // Only a post that was already stored can have observations already: the others need no lookup.
    const storedBefore = new Set(imported.filter((_, i) => known[i] !== undefined).map(postKey));
    const present = new Set<string>();
    if (storedBefore.size > OBSERVATION_LOOKUP_LIMIT) {
      // Many keys: one pass over the table beats thousands of index lookups.
      await db.observations.each((o) => void (storedBefore.has(postKey(o)) && present.add(observationKey(o))));
    } else if (storedBefore.size > 0) {
      const lookup = imported
        .filter((post) => storedBefore.has(postKey(post)))
        .map((post) => [post.platform, post.postId] as [Platform, string]);
      for (const o of await db.observations.where('[platform+postId]').anyOf(lookup).toArray()) present.add(observationKey(o));
    }
    const newObservations: AudienceHistoryStep[] = [];
    for (const observation of records.observations) {
      const key = observationKey(observation);
      if (present.has(key)) continue;
      present.add(key);
      const { id: _id, ...rest } = observation;
      newObservations.push(rest);
    }
    if (newObservations.length > 0) await db.observations.bulkAdd(newObservations);
    result.observationsAdded = newObservations.length;

    const knownAccounts = await db.accounts.bulkGet(records.accounts.map((a) => [a.platform, a.accountId] as [Platform, string]));
    const accounts = records.accounts.map((account, i) => mergeAccount(knownAccounts[i], account));
    if (accounts.length > 0) await db.accounts.bulkPut(accounts);
    result.accountsMerged = accounts.length;

    const latest = new Map<Platform, number>();
    for (const { platform, objectedAt } of records.objections)
      latest.set(platform, Math.max(latest.get(platform) ?? -Infinity, objectedAt));
    for (const [platform, objectedAt] of latest) {
      const existing = await db.objections.where('platform').equals(platform).toArray();
      if (existing.some((o) => o.objectedAt >= objectedAt)) continue;
      await db.objections.where('platform').equals(platform).delete();
      const objection: Objection = { platform, objectedAt, recordedAt: now, how: 'imported' };
      await db.objections.add(objection);
      result.objectionsKept += 1;
    }
  });
  return result;
}
