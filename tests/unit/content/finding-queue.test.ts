// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestSchema, type OwnFinding } from '../../../src/core';
import { admitFinding } from '../../../src/content/finding-gate';
import { finding as ownFinding } from '../db/findings-factory';
import { FindingQueue, sendOnLeave, type SendBatch } from '../../../src/content/finding-queue';

const finding = (postId: string) => ({ platform: 'facebook', postId }) as OwnFinding;
const sentIds = (send: ReturnType<typeof vi.fn<SendBatch>>) => send.mock.calls.flatMap(([batch]) => batch.findings.map((f) => f.postId));

afterEach(() => vi.useRealTimers());

describe('the finding queue when the page goes away', () => {
  it('sends at once on pagehide, inside the batching delay', () => {
    vi.useFakeTimers();
    const send = vi.fn<SendBatch>(async () => ({ ok: true }));
    const queue = new FindingQueue(send, () => undefined);
    sendOnLeave(queue, window, document);
    queue.add(finding('a'));
    expect(send).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pagehide'));
    // Synchronously: a closing tab runs no timer and awaits no promise.
    expect(sentIds(send)).toEqual(['a']);
  });

  it('sends at once when the page is hidden, not when it shows again', () => {
    vi.useFakeTimers();
    const send = vi.fn<SendBatch>(async () => ({ ok: true }));
    const queue = new FindingQueue(send, () => undefined);
    sendOnLeave(queue, window, document);
    let state: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state);
    queue.add(finding('a'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(send).not.toHaveBeenCalled();
    state = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sentIds(send)).toEqual(['a']);
  });

  it('does not wait for a batch in flight: what came after it goes too', async () => {
    const answers: (() => void)[] = [];
    const send = vi.fn<SendBatch>(() => new Promise((resolve) => answers.push(() => resolve({ ok: true }))));
    const queue = new FindingQueue(send, () => undefined);
    queue.add(finding('a'));
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    queue.add(finding('b'));
    // The first batch is still unanswered (a worker waking up, say) when the tab closes.
    queue.sendNow();
    expect(send).toHaveBeenCalledTimes(2);
    // Each batch carries only what no other batch in flight carries.
    expect(sentIds(send)).toEqual(['a', 'b']);
    answers.forEach((answer) => answer());
    await queue.flush();
    expect(queue.size).toBe(0);
  });

  it('sends what one task queued together, at the end of that task: no timer a closing tab would never run', async () => {
    vi.useFakeTimers();
    const send = vi.fn<SendBatch>(async () => ({ ok: true }));
    const queue = new FindingQueue(send, () => undefined);
    queue.add(finding('a'));
    queue.add(finding('b'));
    expect(send).not.toHaveBeenCalled();
    await Promise.resolve();
    // No timer has run (they are fake and not advanced): the batch went at the end of the task.
    expect(send).toHaveBeenCalledTimes(1);
    expect(sentIds(send)).toEqual(['a', 'b']);
  });

  it('sends nothing when nothing is pending', () => {
    const send = vi.fn<SendBatch>(async () => ({ ok: true }));
    new FindingQueue(send, () => undefined).sendNow();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('a batch the worker refuses', () => {
  const good = ownFinding({ postId: 'pfbid0abc' }) as OwnFinding;
  /** A worker as strict as the real one: a batch with one finding off the schema is refused whole. */
  const strictWorker = () =>
    vi.fn<SendBatch>(async (batch) =>
      RequestSchema.safeParse({ type: 'findings/record', ...batch }).success ? { ok: true } : { ok: false, refused: true },
    );
  const checking = () => vi.fn((f: OwnFinding) => admitFinding(f).finding);

  it('checks nothing while the worker takes every batch', async () => {
    const send = strictWorker();
    const check = checking();
    const queue = new FindingQueue(send, () => undefined, 0, check);
    queue.add(good);
    queue.add({ ...good, postId: 'p2' });
    await queue.flush();
    expect(queue.acknowledged).toBe(2);
    expect(check).not.toHaveBeenCalled();
  });

  it('checks a refused batch and sends it again at once, the bad finding dropped, the trimmed one kept, none held back', async () => {
    const send = strictWorker();
    const check = checking();
    const queue = new FindingQueue(send, () => undefined, 0, check);
    queue.add(good);
    queue.add({ ...good, postId: 'evil', url: 'https://evil.example/phish' });
    queue.add({ ...good, postId: 'dated', publishedAt: 1000 });
    await vi.waitFor(() => expect(queue.size).toBe(0), { timeout: 1000 });
    expect(send).toHaveBeenCalledTimes(2);
    expect(check).toHaveBeenCalledTimes(3);
    const resent = send.mock.calls[1]![0].findings;
    expect(resent.map((f) => f.postId)).toEqual(['pfbid0abc', 'dated']);
    expect(resent[1]).not.toHaveProperty('publishedAt');
    expect(queue.acknowledged).toBe(2);
  });

  it('backs off as from any failure when the refusal is not about its findings', async () => {
    vi.useFakeTimers();
    const send = vi.fn<SendBatch>(async () => ({ ok: false, refused: true }));
    const check = checking();
    const queue = new FindingQueue(send, () => undefined, 0, check);
    queue.add(good);
    // Refused, checked (it passes), sent again at once, refused again: then the backoff's 0.5 s.
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(2);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(send).toHaveBeenCalledTimes(3);
    expect(check).toHaveBeenCalledTimes(1);
    expect(queue.size).toBe(1);
  });
});
