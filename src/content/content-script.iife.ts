/**
 * The content script on facebook.com and instagram.com: picks the site's adapter and watches the
 * page. Bundled as one IIFE so it needs no web-accessible loader that pages could probe.
 */
import { BridgeMessageSchema, BRIDGE_SOURCE, CONTENT_READY_SOURCE, DEFAULT_SETTINGS, type Settings } from '../core';
import { pickAdapter } from '../platforms';
import type { PlatformAdapter, SessionOptions } from '../platforms/adapter';
import { browser } from '../lib/browser';
import { t } from '../lib/i18n';
import { askWorker } from '../lib/worker-client';
import { WorkerLine } from '../lib/worker-line';
import { ExtensionContext, sendWhileReachable } from './extension-context';
import { showResumeNotice } from './resume-notice';
import { sendOnLeave } from './finding-queue';
import { PageWatch } from './page-watch';
import { prepareFullScan } from './full-scan';
import { prepareGuidedFix } from './guided-fix';

async function loadSettings(): Promise<Settings> {
  try {
    const reply = await askWorker({ type: 'settings/get' });
    return reply.ok
      ? { badgeEveryone: reply.badgeEveryone, keepExcerpts: reply.keepExcerpts, autoDeleteDays: reply.autoDeleteDays }
      : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** What the worker knows of the viewer's account, for pages that do not show it (Instagram's feed). */
async function loadKnownAccount(adapter: PlatformAdapter): Promise<SessionOptions['knownAccount']> {
  const viewer = adapter.viewer(document);
  if (!viewer) return undefined;
  try {
    const reply = await askWorker({ type: 'accounts/viewer-state', platform: adapter.id, accountId: viewer.id });
    return reply.ok && reply.account ? reply.account : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const adapter = pickAdapter(new URL(location.href));
  if (!adapter) return;
  // Read now, while the extension answers: after an update under this tab it may not.
  const notice = { message: t('resumeNoticeMessage'), close: t('resumeNoticeClose') };
  const context = new ExtensionContext(
    () => browser.runtime,
    () => showResumeNotice(document, notice),
  );
  const [settings, knownAccount] = await Promise.all([loadSettings(), loadKnownAccount(adapter)]);
  // Batches go on the worker line (a port: a shorter round trip than a one-shot message's); those sent as
  // the page is left go as one-shot messages, which the browser delivers from a closing tab
  // (tests/e2e/updates.e2e.ts), where a port closes with its frame. Registered before sendOnLeave's.
  const line = new WorkerLine((info) => browser.runtime.connect(info));
  let leaving = false;
  window.addEventListener('pagehide', () => (leaving = true));
  window.addEventListener('pageshow', () => (leaving = false));
  const watch = new PageWatch({
    adapter,
    doc: document,
    settings,
    knownAccount,
    send: sendWhileReachable(context, async (batch) => {
      const request = { type: 'findings/record', ...batch } as const;
      const reply = await (leaving ? askWorker(request) : line.ask(request));
      return reply.ok ? { ok: true } : { ok: false, error: reply.detail, refused: reply.code === 'invalid-message' };
    }),
  });
  // Before the watch starts, so a full-history scan in this tab counts the first screen's posts too.
  const fullScan = prepareFullScan(watch, adapter, document);
  // Also before the watch starts, so the fix target's first reading on this page is seen.
  const guidedFix = prepareGuidedFix(watch, adapter, document);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== window || event.origin !== location.origin) return;
    const data = event.data as { source?: unknown } | null;
    if (!data || typeof data !== 'object' || data.source !== BRIDGE_SOURCE) return;
    // Untrusted: any page script can post this. Malformed or oversized messages are ignored.
    const parsed = BridgeMessageSchema.safeParse(data);
    if (!parsed.success) return;
    watch.readNetworkPayload(parsed.data.body);
    fullScan.notePayload(parsed.data.body);
  });
  watch.start();
  sendOnLeave(watch.queue, window, document);
  window.postMessage({ source: CONTENT_READY_SOURCE }, location.origin);
  // Tests and the demo read this to know the content script is running; it carries no data.
  document.documentElement.dataset.glasshouse = 'ready';
  void fullScan.begin();
  void guidedFix.begin();
}

void main().catch(() => undefined);
