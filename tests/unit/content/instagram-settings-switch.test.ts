// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.instagram.com/accounts/privacy_setting/" }
import { afterEach, expect, it } from 'vitest';
import settingsIt from '../../fixtures/instagram/settings-privacy-switch-it.html?raw';
import type { AccountObservation, OwnFinding } from '../../../src/core';
import { DEFAULT_SETTINGS } from '../../../src/core';
import { PageWatch } from '../../../src/content/page-watch';
import { instagramAdapter } from '../../../src/platforms/instagram';

type Batch = { batchId: string; findings: OwnFinding[]; accounts?: AccountObservation[] };
const live: { stop(): void }[] = [];
afterEach(() => live.splice(0).forEach((watch) => watch.stop()));

it('regression: flipping the "Private account" switch (only its aria-checked changes) is seen, and the new privacy sent', async () => {
  document.cookie = 'ds_user_id=48151623420';
  const parsed = new DOMParser().parseFromString(settingsIt, 'text/html');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  const batches: Batch[] = [];
  const watch = new PageWatch({
    adapter: instagramAdapter,
    doc: document,
    settings: DEFAULT_SETTINGS,
    send: (async (batch: Batch) => (batches.push(batch), { ok: true })) as never,
    now: () => Date.UTC(2026, 0, 1),
  });
  watch.start();
  live.push(watch);
  await watch.queue.flush();
  const sent = () => batches.flatMap((b) => b.accounts ?? []).map((a) => [a.privacy, a.evidence]);
  expect(sent().at(-1)).toEqual(['public', 'account']);
  // The user turns the switch on: the site changes nothing but the switch's aria-checked.
  document.getElementById('private-toggle')!.setAttribute('aria-checked', 'true');
  watch.drain();
  await watch.queue.flush();
  expect(sent().at(-1)).toEqual(['private', 'account']);
});
