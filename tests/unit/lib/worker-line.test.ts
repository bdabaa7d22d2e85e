import { afterEach, describe, expect, it, vi } from 'vitest';
import { WORKER_LINE, type LineRequest } from '../../../src/core';
import { WorkerLine, type LinePort } from '../../../src/lib/worker-line';

/** A port as the browser gives one: what the line posts is kept; the test answers and closes it from the worker's end. */
class FakePort implements LinePort {
  readonly posted: LineRequest[] = [];
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];
  closedByLine = false;
  failOnPost = false;
  constructor(readonly name: string) {}
  postMessage(message: LineRequest): void {
    if (this.failOnPost) throw new Error('Attempting to use a disconnected port object');
    // The browser copies what is posted (JSON in Chromium, a structured clone in Firefox).
    this.posted.push(JSON.parse(JSON.stringify(message)) as LineRequest);
  }
  disconnect(): void {
    this.closedByLine = true;
  }
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  /** The worker answers request `id`. */
  answer(id: number, reply: unknown): void {
    for (const listener of this.messageListeners) listener({ id, reply });
  }
  /** The worker's end closes (it stopped). */
  closeFromWorker(): void {
    for (const listener of this.disconnectListeners) listener();
  }
}

function lineWithPorts(idleMs?: number) {
  const ports: FakePort[] = [];
  const line = new WorkerLine((info) => {
    const port = new FakePort(info.name);
    ports.push(port);
    return port;
  }, idleMs);
  return { line, ports };
}

const batch = (batchId: string) => ({ type: 'findings/record' as const, batchId, findings: [] });
const stored = (batchId: string) => ({ ok: true, batchId, stored: 0 });

afterEach(() => vi.useRealTimers());

describe('the worker line (a content script’s port to the worker)', () => {
  it('opens one port for several asks, under its name, and matches each answer to its ask whatever their order', async () => {
    const { line, ports } = lineWithPorts();
    const first = line.ask(batch('a'));
    const second = line.ask(batch('b'));
    expect(ports).toHaveLength(1);
    expect(ports[0]!.name).toBe(WORKER_LINE);
    const [a, b] = ports[0]!.posted;
    expect(a).toEqual({ id: a!.id, request: batch('a') });
    expect(b!.request).toEqual(batch('b'));
    ports[0]!.answer(b!.id, stored('b'));
    ports[0]!.answer(a!.id, stored('a'));
    expect(await first).toEqual(stored('a'));
    expect(await second).toEqual(stored('b'));
  });

  it('parses each answer as the reply to its message: a malformed one is a failure, never a throw', async () => {
    const { line, ports } = lineWithPorts();
    const asked = line.ask(batch('a'));
    ports[0]!.answer(ports[0]!.posted[0]!.id, { ok: true, batchId: 'a', stored: 'all of them' });
    expect(await asked).toMatchObject({ ok: false, code: 'malformed-reply' });
  });

  it('ignores answers to nothing it asked, and what is not an answer at all', async () => {
    const { line, ports } = lineWithPorts();
    const asked = line.ask(batch('a'));
    const port = ports[0]!;
    port.answer(9999, stored('forged'));
    for (const listener of (port as unknown as { messageListeners: ((m: unknown) => void)[] }).messageListeners) {
      listener(null);
      listener('stored');
      listener({ id: 'x', reply: stored('a') });
    }
    port.answer(port.posted[0]!.id, stored('a'));
    expect(await asked).toEqual(stored('a'));
  });

  it('answers every ask still waiting "worker-unreachable" when the worker stops, and opens a new port for the next', async () => {
    const { line, ports } = lineWithPorts();
    const waiting = [line.ask(batch('a')), line.ask(batch('b'))];
    ports[0]!.closeFromWorker();
    for (const reply of await Promise.all(waiting)) expect(reply).toMatchObject({ ok: false, code: 'worker-unreachable' });
    expect(line.isOpen).toBe(false);
    const again = line.ask(batch('a'));
    expect(ports).toHaveLength(2);
    ports[1]!.answer(ports[1]!.posted[0]!.id, stored('a'));
    expect(await again).toEqual(stored('a'));
  });

  it('says "worker-unreachable" when no port can be opened (the extension was reloaded under the tab) or written to', async () => {
    const cutOff = new WorkerLine(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(await cutOff.ask(batch('a'))).toMatchObject({ ok: false, code: 'worker-unreachable', detail: 'Extension context invalidated.' });

    const { line, ports } = lineWithPorts();
    const first = line.ask(batch('a'));
    ports[0]!.failOnPost = true;
    expect(await line.ask(batch('b'))).toMatchObject({ ok: false, code: 'worker-unreachable' });
    // The broken port is dropped with everything waiting on it; the next ask opens another.
    expect(await first).toMatchObject({ ok: false, code: 'worker-unreachable' });
    void line.ask(batch('c'));
    expect(ports).toHaveLength(2);
  });

  it('says "worker-unreachable" when the worker answers with nothing (it gives a sender no answer)', async () => {
    const { line, ports } = lineWithPorts();
    const asked = line.ask(batch('a'));
    ports[0]!.answer(ports[0]!.posted[0]!.id, undefined);
    expect(await asked).toMatchObject({ ok: false, code: 'worker-unreachable' });
  });

  it('closes its port once nothing has waited for a while, never while an ask waits', async () => {
    vi.useFakeTimers();
    const { line, ports } = lineWithPorts(1_000);
    const first = line.ask(batch('a'));
    vi.advanceTimersByTime(5_000);
    // Still waiting for its answer: the port stays open however long that takes.
    expect(ports[0]!.closedByLine).toBe(false);
    ports[0]!.answer(ports[0]!.posted[0]!.id, stored('a'));
    await first;
    vi.advanceTimersByTime(900);
    // A new ask within the quiet time keeps the same port, and restarts the wait.
    const second = line.ask(batch('b'));
    ports[0]!.answer(ports[0]!.posted[1]!.id, stored('b'));
    await second;
    vi.advanceTimersByTime(900);
    expect(ports[0]!.closedByLine).toBe(false);
    vi.advanceTimersByTime(200);
    expect(ports[0]!.closedByLine).toBe(true);
    expect(line.isOpen).toBe(false);
    void line.ask(batch('c'));
    expect(ports).toHaveLength(2);
  });
});
