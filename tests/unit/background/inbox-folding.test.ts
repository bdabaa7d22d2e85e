import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inboxFolding } from '../../../src/background/inbox-folding';
import { openDatabase, receiveBatch, type GlasshouseDatabase } from '../../../src/db';
import { finding, freshName } from '../db/findings-factory';

let db: GlasshouseDatabase;
beforeEach(async () => {
  db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const timing = { quietMs: 750, mostWaitMs: 3000 };

/** A batch kept as the router keeps it, then the worker told so. */
async function receive(folding: { received(): void }): Promise<void> {
  await receiveBatch(db, { findings: [finding({ seenAt: Date.now() })] }, Date.now());
  folding.received();
}

/**
 * Waits until `done` holds, letting IndexedDB (which answers outside the fake timers) work, without
 * moving the fake clock: vi.waitFor would move it, and fire the very timers under test.
 */
async function until(done: () => Promise<boolean>): Promise<void> {
  for (let turn = 0; turn < 2000; turn += 1) {
    if (await done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the condition never held');
}
const inboxEmpty = async () => (await db.inbox.count()) === 0;

describe("the worker's inbox folds", () => {
  it('wait for a pause in the batches, then write them all at once', async () => {
    const told = vi.fn();
    const folding = inboxFolding(async () => db, told, timing);
    for (let i = 0; i < 3; i += 1) {
      await receive(folding);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(await db.posts.count()).toBe(0);
    await vi.advanceTimersByTimeAsync(300);
    await until(inboxEmpty);
    expect(await db.posts.count()).toBe(3);
    await until(async () => told.mock.calls.length > 0);
    expect(told).toHaveBeenCalledTimes(1);
  });

  it('write a steady stream at least every few seconds, though it never pauses', async () => {
    const folding = inboxFolding(
      async () => db,
      () => undefined,
      timing,
    );
    for (let i = 0; i < 6; i += 1) {
      await receive(folding);
      await vi.advanceTimersByTimeAsync(600);
    }
    // 3.6 s of batches 0.6 s apart: never a 0.75 s pause, yet what came in the first 3 s is written.
    await until(async () => (await db.posts.count()) >= 5);
  });

  it('write at once when a request is about to read, and tell the badge only when something was written', async () => {
    const told = vi.fn();
    const folding = inboxFolding(async () => db, told, timing);
    await folding.settle();
    expect(told).not.toHaveBeenCalled();
    await receive(folding);
    await folding.settle();
    expect(await db.posts.count()).toBe(1);
    expect(told).toHaveBeenCalledTimes(1);
    // The timer that was waiting finds nothing left.
    await vi.advanceTimersByTimeAsync(1000);
    expect(told).toHaveBeenCalledTimes(1);
  });
});
