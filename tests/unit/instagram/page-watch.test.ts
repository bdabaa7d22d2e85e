// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.instagram.com/giulia.rossi/" }
import { afterEach, describe, expect, it, vi } from 'vitest';
import profilePrivateIt from '../../fixtures/instagram/profile-private-it.html?raw';
import type { AccountObservation, OwnFinding } from '../../../src/core';
import { DEFAULT_SETTINGS } from '../../../src/core';

vi.mock('../../../src/lib/i18n', () => ({ t: (key: string) => key, uiLanguage: () => 'it' }));
const { PageWatch } = await import('../../../src/content/page-watch');
const { instagramAdapter } = await import('../../../src/platforms/instagram');

type Batch = { batchId: string; findings: OwnFinding[]; accounts?: AccountObservation[] };
const live: { stop(): void }[] = [];
afterEach(() => live.splice(0).forEach((watch) => watch.stop()));

describe('the content script on an Instagram profile (live DOM, jsdom globals)', () => {
  it("badges the own grid, and sends the own posts and the account's privacy", async () => {
    document.cookie = 'ds_user_id=48151623420';
    const parsed = new DOMParser().parseFromString(profilePrivateIt, 'text/html');
    document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
    document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
    const batches: Batch[] = [];
    const send = async (batch: Batch) => (batches.push(batch), { ok: true });
    const watch = new PageWatch({
      adapter: instagramAdapter,
      doc: document,
      settings: DEFAULT_SETTINGS,
      send: send as never,
      now: () => Date.UTC(2026, 0, 1),
    });
    watch.start();
    live.push(watch);
    const badge = document.querySelector('#grid-post [data-glasshouse-badge]');
    expect(badge?.getAttribute('data-audience')).toBe('private_account');
    expect(badge?.getAttribute('data-eligible')).toBe('no');
    expect(badge?.getAttribute('data-evidence')).toBe('embedded-json');
    await watch.queue.flush();
    expect(
      batches
        .flatMap((b) => b.findings)
        .map((f) => f.postId)
        .sort(),
    ).toEqual(['C9dPriv0004', 'C9ePriv0005', 'C9fPriv0006']);
    expect(batches.flatMap((b) => b.accounts ?? [])).toEqual([
      expect.objectContaining({ accountId: '48151623420', isViewer: true, privacy: 'private' }),
    ]);
  });
});
