import type {
  AudienceHistoryStep,
  FixFilter,
  FixQueue,
  FixStep,
  FixStepRef,
  FixTarget,
  ObservedAccount,
  ObservedPost,
  PrivacyStep,
} from '../core';
import { FIX_STEPS_SHOWN, FIXABLE_POST_KINDS, sameStep, yearOf } from '../core';
import { INSTAGRAM_PRIVACY_SETTING } from '../core/meta-addresses';
import type { GlasshouseDatabase, StoredFixSkip } from './schema';

const FIXABLE: ReadonlySet<string> = new Set(FIXABLE_POST_KINDS);

const skipKey = (ref: FixStepRef) => `${ref.platform}:${ref.id}`;

/**
 * When a history made its last public → non-public move: the first non-public step after the last
 * public one. Undefined while the latest known reading is public, or when no non-public step
 * follows (an `unknown` reading is never a fix).
 */
export function fixedAtFrom<Step>(
  steps: readonly Step[],
  isPublic: (s: Step) => boolean,
  isNotPublic: (s: Step) => boolean,
  at: (s: Step) => number,
) {
  let lastPublic = -1;
  steps.forEach((step, i) => {
    if (isPublic(step)) lastPublic = i;
  });
  if (lastPublic < 0) return undefined;
  const after = steps.slice(lastPublic + 1).find(isNotPublic);
  return after === undefined ? undefined : at(after);
}

const byTime = (a: AudienceHistoryStep, b: AudienceHistoryStep) => a.observedAt - b.observedAt || (a.id ?? 0) - (b.id ?? 0);

/** Facebook posts ever seen public (now or in their history) that the user can change on the post itself. */
async function postSteps(db: GlasshouseDatabase, skips: ReadonlyMap<string, StoredFixSkip>): Promise<FixStep[]> {
  const everPublic = await db.observations.where('[platform+eligible]').equals(['facebook', 'yes']).toArray();
  const nowPublic = await db.posts
    .where('[platform+eligible+lastSeen]')
    .between(['facebook', 'yes', -Infinity], ['facebook', 'yes', Infinity])
    .primaryKeys();
  const ids = new Set([...everPublic.map((step) => step.postId), ...nowPublic.map(([, id]) => id)]);
  const posts = (await db.posts.bulkGet([...ids].map((id) => ['facebook', id] as ['facebook', string]))).filter(
    (post): post is ObservedPost => post !== undefined && FIXABLE.has(post.kind),
  );
  const steps: FixStep[] = [];
  for (const post of posts) {
    let fixedAt: number | undefined;
    // Fixed only on evidence: the current reading is non-public, and the history says when it became so.
    if (post.eligible === 'no') {
      const history = (await db.observations.where('[platform+postId]').equals(['facebook', post.postId]).toArray()).sort(byTime);
      fixedAt = fixedAtFrom(
        history,
        (s) => s.eligible === 'yes',
        (s) => s.eligible === 'no',
        (s) => s.observedAt,
      );
    }
    const ref = { platform: 'facebook', id: post.postId } as const;
    const step: FixStep = {
      kind: 'post',
      ...ref,
      url: post.url,
      postKind: post.kind,
      state: fixedAt !== undefined ? 'fixed' : skips.has(skipKey(ref)) ? 'skipped' : 'to-fix',
    };
    if (fixedAt !== undefined) step.fixedAt = fixedAt;
    if (post.publishedAt !== undefined) step.publishedAt = post.publishedAt;
    if (post.excerpt) step.excerpt = post.excerpt;
    steps.push(step);
  }
  // Newest first; posts without a date after the dated ones, most recently seen first.
  const lastSeen = new Map(posts.map((p) => [p.postId, p.lastSeen]));
  return steps.sort((a, b) => {
    const pa = a.kind === 'post' ? a.publishedAt : undefined;
    const pb = b.kind === 'post' ? b.publishedAt : undefined;
    if (pa !== undefined && pb !== undefined) return pb - pa || a.id.localeCompare(b.id);
    if (pa !== undefined) return -1;
    if (pb !== undefined) return 1;
    return (lastSeen.get(b.id) ?? 0) - (lastSeen.get(a.id) ?? 0) || a.id.localeCompare(b.id);
  });
}

/** The viewer's Instagram accounts ever seen public: one step each, making the account private. */
async function accountSteps(db: GlasshouseDatabase, skips: ReadonlyMap<string, StoredFixSkip>): Promise<FixStep[]> {
  const own = await db.accounts.where('[platform+isViewer]').equals(['instagram', 1]).toArray();
  const everPublic = own.filter((a: ObservedAccount) => a.privacy === 'public' || a.history.some((s) => s.privacy === 'public'));
  const steps: FixStep[] = [];
  for (const account of everPublic) {
    const fixedAt =
      account.privacy === 'private'
        ? fixedAtFrom(
            [...account.history].sort((a, b) => a.seenAt - b.seenAt),
            (s: PrivacyStep) => s.privacy === 'public',
            (s: PrivacyStep) => s.privacy === 'private',
            (s: PrivacyStep) => s.seenAt,
          )
        : undefined;
    const ref = { platform: 'instagram', id: account.accountId } as const;
    // The account's posts are badged by the account's privacy: those stored as public are what this step fixes.
    const publicPosts = await db.posts
      .where('[platform+eligible+lastSeen]')
      .between(['instagram', 'yes', -Infinity], ['instagram', 'yes', Infinity])
      .count();
    const step: FixStep = {
      kind: 'account',
      ...ref,
      url: INSTAGRAM_PRIVACY_SETTING,
      publicPosts,
      state: fixedAt !== undefined ? 'fixed' : skips.has(skipKey(ref)) ? 'skipped' : 'to-fix',
    };
    if (fixedAt !== undefined) step.fixedAt = fixedAt;
    if (account.username) step.username = account.username;
    steps.push(step);
  }
  return steps;
}

/** Every step of the queue, newest first, before any filter: the account steps (they cover every post), then the posts. */
async function allSteps(db: GlasshouseDatabase): Promise<FixStep[]> {
  const skips = new Map((await db.fixSkips.toArray()).map((s) => [skipKey(s), s]));
  return [...(await accountSteps(db, skips)), ...(await postSteps(db, skips))];
}

/** A post step is in a year's view when published that year; an account step covers every year. */
function matches(step: FixStep, filter: FixFilter): boolean {
  if (filter.platform && step.platform !== filter.platform) return false;
  if (filter.year !== undefined && step.kind === 'post') return yearOf(step.publishedAt) === filter.year;
  return true;
}

/** The fix page's queue: reads only. Progress counts come from the database, so they survive a restart. */
export async function fixQueue(db: GlasshouseDatabase, filter: FixFilter): Promise<FixQueue> {
  const steps = await allSteps(db);
  const years = [...new Set(steps.flatMap((s) => (s.kind === 'post' && s.publishedAt !== undefined ? [yearOf(s.publishedAt)] : [])))].sort(
    (a, b) => b - a,
  );
  const shown = steps.filter((s) => matches(s, filter));
  const tab = await db.fixTab.get('current');
  return {
    steps: shown.slice(0, FIX_STEPS_SHOWN),
    total: shown.length,
    fixed: shown.filter((s) => s.state === 'fixed').length,
    years,
    current: tab ? { platform: tab.platform, id: tab.id } : null,
  };
}

/** One step of the queue as it stands, or undefined when it is not (or no longer) in it. */
export async function fixStep(db: GlasshouseDatabase, ref: FixStepRef): Promise<FixStep | undefined> {
  return (await allSteps(db)).find((s) => sameStep(s, ref));
}

/**
 * The step after `from` in the filtered queue: the next one still to fix, in order and wrapping
 * around; skipped steps only once nothing else is left. Undefined when everything is fixed.
 */
export async function nextFixStep(db: GlasshouseDatabase, filter: FixFilter, from: FixStepRef | null): Promise<FixStep | undefined> {
  const shown = (await allSteps(db)).filter((s) => matches(s, filter));
  const at = shown.findIndex((s) => sameStep(s, from));
  const rotated = at < 0 ? shown : [...shown.slice(at + 1), ...shown.slice(0, at + 1)];
  const open = rotated.filter((s) => !sameStep(s, from));
  return open.find((s) => s.state === 'to-fix') ?? open.find((s) => s.state === 'skipped');
}

/** The user skips a step: it stays in the queue, marked skipped, until it is fixed. */
export async function skipFixStep(db: GlasshouseDatabase, ref: FixStepRef, now: number): Promise<void> {
  await db.fixSkips.put({ platform: ref.platform, id: ref.id, skippedAt: now });
}

/** The fix tab now shows `ref`. */
export async function noteFixTab(db: GlasshouseDatabase, ref: FixStepRef, tabId: number, now: number): Promise<void> {
  await db.fixTab.put({ key: 'current', platform: ref.platform, id: ref.id, tabId, openedAt: now });
}

/** The step the fix tab shows, if the fix was ever opened. */
export async function currentFixStep(db: GlasshouseDatabase): Promise<FixStepRef | null> {
  const tab = await db.fixTab.get('current');
  return tab ? { platform: tab.platform, id: tab.id } : null;
}

/** A new browser session: the stored tab id may now name another tab, so it is forgotten (the step stays current). */
export async function forgetFixTab(db: GlasshouseDatabase): Promise<void> {
  await db.fixTab.toCollection().modify((tab) => void delete tab.tabId);
}

/** The fix tab's id, if the fix was opened in this browser session. */
export async function fixTabId(db: GlasshouseDatabase): Promise<number | undefined> {
  return (await db.fixTab.get('current'))?.tabId;
}

/** What the content script of tab `tabId` must point at: only the fix tab has a target. */
export async function fixTargetOfTab(db: GlasshouseDatabase, tabId: number | undefined): Promise<FixTarget | null> {
  if (tabId === undefined) return null;
  const tab = await db.fixTab.get('current');
  if (tab?.tabId === undefined || tab.tabId !== tabId) return null;
  return tab.platform === 'facebook'
    ? { kind: 'post', platform: 'facebook', postId: tab.id }
    : { kind: 'account', platform: 'instagram', accountId: tab.id };
}
