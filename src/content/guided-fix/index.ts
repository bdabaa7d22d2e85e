import { FixTargetChangedNoticeSchema, isTrainingEligible, type FixTarget } from '../../core';
import type { PlatformAdapter } from '../../platforms/adapter';
import { browser } from '../../lib/browser';
import { askWorker } from '../../lib/worker-client';
import type { PageWatch } from '../page-watch';
import { FixOverlay, overlayMessage, type OverlayState } from './fix-overlay';

type Ask = typeof askWorker;

export interface GuidedFixHandle {
  /** Asks the worker whether this tab is the fix tab; asked again on in-site navigation and on the worker's nudge. */
  begin(): Promise<void>;
}

const same = (a: FixTarget | null, b: FixTarget | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The guided fix, content side (docs/GUIDED-FIX.md). Only the worker says what to point at, from
 * this tab's id: nothing the page says or posts can name a target. On the fix tab it scrolls the
 * post into view, rings its audience control and says what to choose; when the page watch reads the
 * post's new audience as not public (or the Instagram account as private), it says so. It never
 * clicks, focuses or changes anything: the findings it watches are the ones the watch stores anyway.
 */
export function prepareGuidedFix(watch: PageWatch, adapter: PlatformAdapter, doc: Document, ask: Ask = askWorker): GuidedFixHandle {
  let target: FixTarget | null = null;
  let overlay: FixOverlay | null = null;
  let state: OverlayState = 'pointing';
  let scrolled = false;
  /** The latest reading of each own post and account on this page, so a target set late starts in the right state. */
  const latest = new Map<string, 'pointing' | 'fixed'>();
  const note = (key: string, reading: 'pointing' | 'fixed' | null) => {
    if (!reading) return;
    if (latest.size > 20_000) latest.clear();
    latest.set(key, reading);
  };
  const keyOf = (t: FixTarget) => (t.kind === 'post' ? `post:${t.postId}` : `account:${t.accountId}`);

  const clear = () => {
    overlay?.remove();
    overlay = null;
  };

  /** Rings the control if the page shows it; else waits for the watch to find the post. */
  const point = () => {
    if (!target || target.platform !== adapter.id) return;
    let control: Element | null;
    let around: Element | null;
    if (target.kind === 'post') {
      const container = watch.containerOf(target.postId);
      if (!container) return;
      control = adapter.fixControl(doc, container);
      // The post itself when its control cannot be told: still the right post, never a guessed button.
      around = control ?? container;
      if (!scrolled) {
        scrolled = true;
        container.scrollIntoView({ block: 'center', behavior: 'auto' });
      }
    } else {
      control = adapter.fixControl(doc, null);
      around = control;
      if (!around) return;
      if (!scrolled) {
        scrolled = true;
        around.scrollIntoView({ block: 'center', behavior: 'auto' });
      }
    }
    overlay ??= new FixOverlay(doc, target.kind === 'post' ? target.postId : target.accountId);
    overlay.show(around, control ? 'control' : 'post', state, overlayMessage(target.kind, state));
  };

  const ownTarget = (ids: readonly string[]) => target?.kind === 'post' && ids.includes(target.postId);

  watch.observeOwnFindings((finding) => {
    // Only a reading that says "not public" counts as fixed; an unknown one changes nothing.
    const eligible = isTrainingEligible(finding.audience).eligible;
    const reading = eligible === 'no' ? 'fixed' : eligible === 'yes' ? 'pointing' : null;
    const ids = [finding.postId, ...(finding.aliasIds ?? [])];
    for (const id of ids) note(`post:${id}`, reading);
    if (!ownTarget(ids) || !reading) return;
    state = reading;
    point();
  });
  watch.observeOwnAccounts((account) => {
    const reading = account.privacy === 'private' ? 'fixed' : account.privacy === 'public' ? 'pointing' : null;
    note(`account:${account.accountId}`, reading);
    if (target?.kind !== 'account' || account.accountId !== target.accountId || !reading) return;
    state = reading;
    point();
  });

  const refresh = async () => {
    const reply = await ask({ type: 'fix/for-this-tab' });
    const next = reply.ok ? reply.target : null;
    if (same(next, target)) {
      point();
      return;
    }
    clear();
    target = next;
    state = (next && latest.get(keyOf(next))) ?? 'pointing';
    scrolled = false;
    point();
  };

  return {
    async begin() {
      browser.runtime.onMessage.addListener((message: unknown) => {
        // The nudge carries nothing: the target is asked for again, by this tab's id.
        if (FixTargetChangedNoticeSchema.safeParse(message).success) void refresh();
        return undefined;
      });
      watch.observeNavigation(() => void refresh());
      await refresh();
    },
  };
}
