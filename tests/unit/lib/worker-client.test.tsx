// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, textOf } from '../ui/render';

vi.mock('../../../src/lib/browser', () => ({ browser: { runtime: { sendMessage: vi.fn() } } }));

import { browser } from '../../../src/lib/browser';
import { askWorker } from '../../../src/lib/worker-client';
import { replySchema } from '../../../src/core';
import { Popup } from '../../../src/ui/popup/popup';
const send = vi.mocked(browser.runtime.sendMessage);

afterEach(() => send.mockReset());

describe('askWorker parses every reply with its schema', () => {
  it('passes a reply that fits its message', async () => {
    send.mockResolvedValue({ ok: true, badgeEveryone: false, keepExcerpts: true, autoDeleteDays: 30 });
    expect(await askWorker({ type: 'settings/get' })).toEqual({ ok: true, badgeEveryone: false, keepExcerpts: true, autoDeleteDays: 30 });
    send.mockResolvedValue({ ok: false, code: 'storage-full', detail: 'could not settings/set: storage full' });
    expect(await askWorker({ type: 'settings/set', settings: { keepExcerpts: false } })).toEqual({
      ok: false,
      code: 'storage-full',
      detail: 'could not settings/set: storage full',
    });
  });

  it("builds each message's reply schema once, and keeps each message's own", () => {
    expect(replySchema('overview/get')).toBe(replySchema('overview/get'));
    expect(replySchema('settings/get')).not.toBe(replySchema('overview/get'));
    const settings = { ok: true, badgeEveryone: false, keepExcerpts: true, autoDeleteDays: 30 };
    expect(replySchema('settings/get').safeParse(settings).success).toBe(true);
    expect(replySchema('overview/get').safeParse(settings).success).toBe(false);
  });

  it('turns a malformed reply into a typed failure, never a throw', async () => {
    const malformed = [
      { ok: true, platforms: 'none' },
      { ok: true },
      { ok: 'yes' },
      { ok: false, error: 'the old shape, English only' },
      { ok: false, code: 'no-such-code', detail: 'x' },
      'a string',
      null,
    ];
    for (const answer of malformed) {
      send.mockResolvedValue(answer);
      const reply = await askWorker({ type: 'overview/get' });
      expect(reply, JSON.stringify(answer)).toMatchObject({ ok: false, code: 'malformed-reply' });
      expect(reply.ok || reply.detail.startsWith('malformed reply to overview/get: ')).toBe(true);
    }
  });

  it('says worker-unreachable when no worker answers', async () => {
    send.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await askWorker({ type: 'settings/get' })).toEqual({
      ok: false,
      code: 'worker-unreachable',
      detail: 'Could not establish connection. Receiving end does not exist.',
    });
    send.mockResolvedValue(undefined);
    expect(await askWorker({ type: 'settings/get' })).toMatchObject({ ok: false, code: 'worker-unreachable' });
  });

  it('lets the popup say a malformed overview failed instead of crashing on it', async () => {
    send.mockResolvedValue({ ok: true, platforms: [{ summary: { platform: 'facebook' } }] });
    const root = await mount(<Popup />);
    expect(textOf(root.querySelector('[role="alert"]'))).toContain('malformed reply to overview/get');
  });
});
