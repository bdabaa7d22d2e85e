import { afterEach, describe, expect, it } from 'vitest';
import { route } from '../../../src/background/router';
import { serveLine, type ServedPort } from '../../../src/background/worker-line';
import { WORKER_LINE, type LineAnswer } from '../../../src/core';
import { openDatabase, type GlasshouseDatabase } from '../../../src/db';
import { finding, freshName } from '../db/findings-factory';
import { malformedMessages } from './malformed-corpus';

type Sender = { kind: 'content-script' | 'stranger' };

/** The worker's end of a port: what the worker posts back is kept; the test sends from the content script's end. */
class ServedFake implements ServedPort<Sender> {
  readonly answers: LineAnswer[] = [];
  private readonly listeners: ((message: unknown) => void)[] = [];
  disconnected = false;
  gone = false;
  constructor(
    readonly name: string,
    readonly sender: Sender | undefined,
  ) {}
  postMessage(message: LineAnswer): void {
    if (this.gone) throw new Error('Attempting to use a disconnected port object');
    this.answers.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.listeners.push(listener) };
  send(message: unknown): void {
    for (const listener of this.listeners) listener(message);
  }
  get listening(): boolean {
    return this.listeners.length > 0;
  }
}

let db: GlasshouseDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** The worker's `answer` as worker.ts makes it: the router, for the sender's kind; none for a stranger. */
async function answerWithRouter() {
  const opened = (db = (await openDatabase(freshName()).open()) as GlasshouseDatabase);
  return (message: unknown, sender: Sender) => (sender.kind === 'stranger' ? undefined : route(message, sender.kind, async () => opened));
}

const trusted = (sender: Sender) => sender.kind !== 'stranger';
/** Until the worker has answered `count` requests on `port`. */
async function answered(port: ServedFake, count: number): Promise<void> {
  await expect.poll(() => port.answers.length, { timeout: 5_000, interval: 5 }).toBe(count);
}

describe("the worker's end of the worker line", () => {
  it('answers each numbered request as the router does, with its number', async () => {
    const port = new ServedFake(WORKER_LINE, { kind: 'content-script' });
    serveLine(port, await answerWithRouter(), trusted);
    port.send({ id: 7, request: { type: 'findings/record', batchId: 'b7', findings: [finding({ postId: 'x' })] } });
    port.send({ id: 8, request: { type: 'objection/record', platform: 'facebook', objectedAt: 1 } });
    await answered(port, 2);
    const byId = new Map(port.answers.map((a) => [a.id, a.reply]));
    expect(byId.get(7)).toEqual({ ok: true, batchId: 'b7', stored: 1 });
    // Who may ask what is the router's, as for a one-shot message: a content script may not record an objection.
    expect(byId.get(8)).toMatchObject({ ok: false, code: 'not-allowed' });
    expect(await db!.inbox.count()).toBe(1);
  });

  it('refuses every malformed message of the corpus on the line as the router refuses it, and stores nothing', async () => {
    const port = new ServedFake(WORKER_LINE, { kind: 'content-script' });
    serveLine(port, await answerWithRouter(), trusted);
    const corpus = malformedMessages();
    corpus.forEach(({ message }, id) => port.send({ id, request: message }));
    await answered(port, corpus.length);
    for (const { id, reply } of port.answers) expect(reply, corpus[id]!.name).toMatchObject({ ok: false, code: 'invalid-message' });
    expect(await db!.inbox.count()).toBe(0);
  });

  it('drops what is not a numbered request: there is no number to answer it with', async () => {
    const port = new ServedFake(WORKER_LINE, { kind: 'content-script' });
    serveLine(port, await answerWithRouter(), trusted);
    for (const message of [
      null,
      'findings/record',
      { request: { type: 'overview/get' } },
      { id: -1, request: {} },
      { id: 1.5, request: {} },
      { id: 1, request: {}, extra: 1 },
    ])
      port.send(message);
    port.send({ id: 3, request: { type: 'findings/record', batchId: 'b', findings: [] } });
    await answered(port, 1);
    expect(port.answers[0]!.id).toBe(3);
  });

  it('closes a port of another name, one without a sender, and a stranger’s, without listening to it', async () => {
    const answer = await answerWithRouter();
    for (const port of [
      new ServedFake('other', { kind: 'content-script' }),
      new ServedFake(WORKER_LINE, undefined),
      new ServedFake(WORKER_LINE, { kind: 'stranger' }),
    ]) {
      serveLine(port, answer, trusted);
      expect(port.disconnected).toBe(true);
      expect(port.listening).toBe(false);
    }
  });

  it('keeps working when the content script’s end is gone before the answer (its tab closed)', async () => {
    const port = new ServedFake(WORKER_LINE, { kind: 'content-script' });
    serveLine(port, await answerWithRouter(), trusted);
    port.gone = true;
    port.send({ id: 1, request: { type: 'findings/record', batchId: 'b1', findings: [finding({ postId: 'y' })] } });
    // The batch is kept all the same; the content script, never told, sends it again (tests/e2e/store.e2e.ts: each post is still stored once).
    await expect.poll(() => db!.inbox.count(), { timeout: 5_000, interval: 5 }).toBe(1);
    port.gone = false;
    port.send({ id: 2, request: { type: 'findings/record', batchId: 'b2', findings: [] } });
    await answered(port, 1);
    expect(port.answers[0]!.id).toBe(2);
  });
});
