import { failure, type FixStep, type Reply } from '../core';
import {
  currentFixStep,
  fixQueue,
  fixStep,
  fixTabId,
  fixTargetOfTab,
  nextFixStep,
  noteFixTab,
  skipFixStep,
  type GlasshouseDatabase,
} from '../db';
import type { Handlers, RouteContext } from './route-context';

type FixType = 'fix/queue' | 'fix/open' | 'fix/skip' | 'fix/next' | 'fix/for-this-tab';

/**
 * Shows `step` in the fix tab: the same tab each time while it is open, else a new one. The target
 * is written before the tab moves, and the tab is nudged after, so its content script learns it
 * whether it asks before or after (docs/GUIDED-FIX.md).
 */
async function openStep(db: GlasshouseDatabase, step: FixStep, context: RouteContext): Promise<Reply<'fix/open'>> {
  const tabs = context.fixTabs;
  if (!tabs) return failure('fix-no-tabs', 'this browser offers no tabs to the worker');
  const now = (context.now ?? Date.now)();
  const ref = { platform: step.platform, id: step.id };
  const known = await fixTabId(db);
  let tabId: number;
  if (known !== undefined && (await tabs.exists(known))) {
    tabId = known;
    await noteFixTab(db, ref, tabId, now);
    await tabs.navigate(tabId, step.url);
  } else {
    tabId = await tabs.open(step.url);
    await noteFixTab(db, ref, tabId, now);
  }
  await tabs.notify(tabId);
  return { ok: true, current: ref };
}

/** The guided fix's messages: the page's queue and walk, and the fix tab's question. */
export const fixHandlers: Handlers<FixType> = {
  'fix/queue': async (request, db) => ({ ok: true, ...(await fixQueue(db, request.filter)) }),
  'fix/open': async (request, db, context) => {
    const step = await fixStep(db, request.step);
    if (!step) return failure('fix-step-unknown', 'that step is not in the queue');
    return openStep(db, step, context);
  },
  'fix/skip': async (request, db, context) => {
    if (!(await fixStep(db, request.step))) return failure('fix-step-unknown', 'that step is not in the queue');
    await skipFixStep(db, request.step, (context.now ?? Date.now)());
    return { ok: true, done: true };
  },
  'fix/next': async (request, db, context) => {
    const next = await nextFixStep(db, request.filter, await currentFixStep(db));
    if (!next) return { ok: true, current: null };
    return openStep(db, next, context);
  },
  // Only the sender's tab id decides (the router sets it for content scripts only): a page cannot name a target.
  'fix/for-this-tab': async (_request, db, context) => ({
    ok: true,
    target: context.fromContentScript ? await fixTargetOfTab(db, context.tabId) : null,
  }),
};
