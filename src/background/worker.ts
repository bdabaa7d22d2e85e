/**
 * The background worker. Listeners are registered synchronously at the top level, as MV3 requires
 * for a worker woken by an event; the database opens lazily, once per worker life, and automatic
 * deletion runs right after (worker-database.ts). No state lives in globals that the worker's stop
 * would lose: everything is in IndexedDB.
 */
import '../core/zod-setup';
import { browser, type Runtime } from '../lib/browser';
import { forgetFixTab, openDatabase, type GlasshouseDatabase } from '../db';
import { classifySender } from './sender';
import { route } from './router';
import { serveLine } from './worker-line';
import { pauseInterruptedScans, type ScanInterruption } from './full-scan';
import { browserScanTabs } from './scan-tabs';
import { browserFixTabs } from './fix-tabs';
import { databaseOnDemand } from './worker-database';
import { coalesced, countMayHaveChanged, refreshToolbarBadge } from './toolbar-badge';
import { inboxFolding } from './inbox-folding';

const ready = databaseOnDemand(async () => (await openDatabase().open()) as GlasshouseDatabase);

/** The toolbar badge: the count of own posts public now (toolbar-badge.ts), redrawn once for a burst of batches. */
const refreshBadge = coalesced(() => refreshToolbarBadge(ready, browser.action));

/** New batches wait in the inbox until the page is quiet or a request reads (src/db/inbox.ts); each fold that wrote redraws the badge. */
const folding = inboxFolding(ready, () => void refreshBadge());

/** One message from a sender, answered: the same whether it came as a one-shot message or on the worker line. */
function answer(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL(''));
  if (kind === 'stranger') return undefined;
  const context = { tabId: sender.tab?.id, tabs: browserScanTabs, fixTabs: browserFixTabs, settle: folding.settle };
  return route(message, kind, ready, context).then((reply) => {
    // After the answer is made, not before: neither the fold nor the badge delays a sender.
    if (reply?.ok && isNewBatch(message)) folding.received();
    else if (reply?.ok && countMayHaveChanged(message)) void refreshBadge();
    return reply;
  });
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => answer(message, sender));
// A content script's batches come on its worker line (src/core/worker-line.ts), answered as above.
browser.runtime.onConnect.addListener((port: Runtime.Port) =>
  serveLine(port, answer, (sender) => classifySender(sender, browser.runtime.id, browser.runtime.getURL('')) !== 'stranger'),
);

function isNewBatch(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'findings/record';
}

// A new browser session: the full-history scan's tab ids mean nothing now, a running scan pauses.
// (A closed scan tab is noticed when asked: listening to every tab's closing would wake the worker each time.)
browser.runtime.onStartup.addListener(() => pauseScans('browser-restarted'));
// An update leaves the old content script of a scan tab orphaned, so its scan pauses too. Any other
// reason (install, a browser update) comes with a restart: a scan row surviving it has a stale tab id.
browser.runtime.onInstalled.addListener((details: Runtime.OnInstalledDetailsType) =>
  pauseScans(details.reason === 'update' ? 'extension-updated' : 'browser-restarted'),
);

function pauseScans(reason: ScanInterruption): void {
  void ready()
    // The guided fix's tab id is as stale as a scan's: forgotten, so Next opens a new tab instead of moving another.
    .then(async (db) => {
      await forgetFixTab(db);
      await pauseInterruptedScans(db, reason);
    })
    .catch(() => undefined);
  // A browser start or an update: the badge is drawn again from what is stored (the browser does not keep it).
  void refreshBadge();
}
