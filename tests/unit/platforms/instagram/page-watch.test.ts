// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.instagram.com/giulia.rossi/" }
import { afterEach, describe, expect, it } from 'vitest';
import profilePrivateIt from '../../../fixtures/instagram/profile-private-it.html?raw';
import type { AccountObservation, OwnFinding } from '../../../../src/core';
import { DEFAULT_SETTINGS } from '../../../../src/core';
import { PageWatch } from '../../../../src/content/page-watch';
import { instagramAdapter } from '../../../../src/platforms/instagram';

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

  it('sends a post again when data answered after it rendered adds its date', async () => {
    document.cookie = 'ds_user_id=48151623420';
    const parsed = new DOMParser().parseFromString(profilePrivateIt, 'text/html');
    document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
    document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
    // A grid cell the site rendered before its data came: no date yet.
    const late = document.createElement('div');
    const link = document.createElement('a');
    link.href = '/giulia.rossi/p/CLateData01/';
    link.id = 'grid-late';
    late.append(link);
    document.querySelector('#grid-post')!.parentElement!.after(late);
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
    const sent = () => batches.flatMap((b) => b.findings).filter((f) => f.postId === 'CLateData01');
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.publishedAt).toBeUndefined();
    const owner = { pk: '48151623420', id: '48151623420', username: 'giulia.rossi' };
    watch.readNetworkPayload(
      JSON.stringify({
        data: {
          xdt_api__v1__feed__user_timeline_graphql_connection: {
            edges: [{ node: { code: 'CLateData01', pk: '1', taken_at: 1_714_550_400, media_type: 1, user: owner, owner } }],
          },
        },
      }),
    );
    watch.drain();
    await watch.queue.flush();
    expect(sent()).toHaveLength(2);
    expect(sent()[1]).toMatchObject({ audience: sent()[0]!.audience, publishedAt: 1_714_550_400_000 });
  });
});
