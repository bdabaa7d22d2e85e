import { describe, expect, it } from 'vitest';
import type { OwnFinding, Request } from '../../../../src/core';
import { FindingQueue, type BatchReply } from '../../../../src/content/finding-queue';
import { progressReporter } from '../../../../src/content/full-scan/progress-report';
import type { askWorker } from '../../../../src/lib/worker-client';

const own = (i: number): OwnFinding => ({
  platform: 'facebook',
  postId: `p${i}`,
  url: `https://www.facebook.com/alice.martin/posts/p${i}`,
  kind: 'post',
  ownerId: 'alice.martin',
  isOwn: true,
  audience: 'public',
  evidence: 'label',
  seenAt: Date.UTC(2026, 0, 1),
});

/** A worker that stores batches (or refuses them while `down`), and logs every message in order. */
function fakeWorker() {
  const log: string[] = [];
  const stored = new Set<string>();
  const state = { down: false };
  const send = async ({ findings }: { findings: OwnFinding[] }): Promise<BatchReply> => {
    if (state.down) {
      log.push('batch refused');
      return { ok: false, error: 'worker restarting' };
    }
    for (const f of findings) stored.add(f.postId);
    log.push(`batch ${findings.length}`);
    return { ok: true };
  };
  const ask = (async (request: Request) => {
    if (request.type !== 'scan/progress') throw new Error(`unexpected ${request.type}`);
    // What the worker would keep: the count must never exceed what it has stored.
    log.push(`progress ${request.progress.postsFound} with ${stored.size} stored`);
    return { ok: true, status: 'running' };
  }) as unknown as typeof askWorker;
  return { log, stored, state, send, ask };
}

describe('a full-history scan reports its progress', () => {
  it('only after the findings it counts are stored', async () => {
    const worker = fakeWorker();
    // A long batching delay: without the flush, the progress would go first.
    const queue = new FindingQueue(worker.send, () => undefined, 60_000);
    const report = progressReporter(7, queue, worker.ask);
    for (let i = 0; i < 12; i += 1) queue.add(own(i));
    expect(await report({ postsFound: 12, publicFound: 12, cursor: 'p11' })).toEqual({ status: 'running', reason: undefined });
    expect(worker.log).toEqual(['batch 12', 'progress 12 with 12 stored']);
  });

  it('not at all while the findings cannot be stored: the driver counts it as unanswered', async () => {
    const worker = fakeWorker();
    const queue = new FindingQueue(worker.send, () => undefined, 60_000);
    const report = progressReporter(7, queue, worker.ask);
    queue.add(own(1));
    worker.state.down = true;
    expect(await report({ postsFound: 1, publicFound: 1, cursor: 'p1' })).toBeNull();
    expect(worker.log).toEqual(['batch refused']);
    // The worker is back: the finding goes first, then the count.
    worker.state.down = false;
    expect(await report({ postsFound: 1, publicFound: 1, cursor: 'p1' })).toMatchObject({ status: 'running' });
    expect(worker.log.slice(1)).toEqual(['batch 1', 'progress 1 with 1 stored']);
  });

  it('as stopped when the worker refuses it (the scan is no longer this tab\u2019s), and null when it does not answer', async () => {
    const queue = new FindingQueue(
      async () => ({ ok: true }),
      () => undefined,
    );
    const refusing = (async () => ({ ok: false, code: 'scan-not-this-tab', detail: 'not this tab' })) as unknown as typeof askWorker;
    expect(await progressReporter(1, queue, refusing)({ postsFound: 0, publicFound: 0 })).toEqual({ status: 'stopped' });
    const silent = (async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as unknown as typeof askWorker;
    expect(await progressReporter(1, queue, silent)({ postsFound: 0, publicFound: 0 })).toBeNull();
    // askWorker's own failures (no worker, a reply that is not one) are unanswered too, not a refusal.
    for (const code of ['worker-unreachable', 'malformed-reply'] as const) {
      const undelivered = (async () => ({ ok: false, code, detail: '' })) as unknown as typeof askWorker;
      expect(await progressReporter(1, queue, undelivered)({ postsFound: 0, publicFound: 0 }), code).toBeNull();
    }
  });
});
