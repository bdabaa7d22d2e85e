// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Request, Settings } from '../../../../src/core';
import { click, mount, textOf, typeInto } from '../render';

vi.mock('../../../../src/lib/worker-client', () => ({ askWorker: vi.fn() }));

import { askWorker } from '../../../../src/lib/worker-client';
import { Options } from '../../../../src/ui/options/options';
const ask = vi.mocked(askWorker);

/** A worker holding settings in memory, recording what it was asked. */
function worker(initial: Settings = { badgeEveryone: false, keepExcerpts: true, autoDeleteDays: 0 }, failSet = false) {
  let settings = { ...initial };
  const asked: Request[] = [];
  ask.mockImplementation((async (request: Request) => {
    asked.push(request);
    if (request.type === 'settings/get') return { ok: true, ...settings };
    if (request.type === 'settings/set') {
      if (failSet) return { ok: false, code: 'storage-full', detail: 'storage full' };
      settings = { ...settings, ...request.settings };
      return { ok: true, ...settings };
    }
    if (request.type === 'data/delete-all') {
      settings = { badgeEveryone: false, keepExcerpts: true, autoDeleteDays: 0 };
      return { ok: true, deleted: true };
    }
    throw new Error(`unexpected ${request.type}`);
  }) as never);
  return asked;
}

const setting = (root: HTMLElement, name: string) => root.querySelector(`[data-setting="${name}"]`)!;

afterEach(() => ask.mockReset());

describe('options', () => {
  it('saves the badge scope and says so', async () => {
    const asked = worker();
    const root = await mount(<Options />);
    const everyone = setting(root, 'badgeEveryone').querySelector('input[value="everyone"]') as HTMLInputElement;
    expect(everyone.checked).toBe(false);
    expect(everyone.closest('label')).not.toBeNull();
    await click(everyone);
    expect(asked).toContainEqual({ type: 'settings/set', settings: { badgeEveryone: true } });
    const status = setting(root, 'badgeEveryone').querySelector('[role="status"]');
    expect(textOf(status)).toBe('Saved.');
    expect(everyone.checked).toBe(true);
  });

  it('says that turning excerpts off deletes them', async () => {
    const asked = worker();
    const root = await mount(<Options />);
    expect(textOf(setting(root, 'keepExcerpts'))).toContain('Turning this off deletes every excerpt kept so far.');
    await click(setting(root, 'keepExcerpts').querySelector('input[type="checkbox"]'));
    expect(asked).toContainEqual({ type: 'settings/set', settings: { keepExcerpts: false } });
    expect(textOf(setting(root, 'keepExcerpts').querySelector('[role="status"]'))).toBe(
      'Saved. The excerpts kept so far have been deleted.',
    );
  });

  it('saves automatic deletion days, refusing what is not a whole number of days', async () => {
    const asked = worker();
    const root = await mount(<Options />);
    const input = () => setting(root, 'autoDeleteDays').querySelector('input') as HTMLInputElement;
    expect(root.querySelector(`label[for="${input().id}"]`)).not.toBeNull();
    await typeInto(input(), '-3', true);
    expect(textOf(setting(root, 'autoDeleteDays').querySelector('[role="alert"]'))).toContain('whole number');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    await typeInto(input(), '90', true);
    expect(asked).toContainEqual({ type: 'settings/set', settings: { autoDeleteDays: 90 } });
    expect(setting(root, 'autoDeleteDays').querySelector('[role="alert"]')).toBeNull();
    expect(textOf(setting(root, 'autoDeleteDays').querySelector('[role="status"]'))).toBe('Saved.');
  });

  it('shows a failed save as failed', async () => {
    worker(undefined, true);
    const root = await mount(<Options />);
    await click(setting(root, 'badgeEveryone').querySelector('input[value="everyone"]'));
    expect(textOf(setting(root, 'badgeEveryone').querySelector('[role="status"]'))).toBe('Not saved: storage full');
  });

  it('deletes everything only after confirmation', async () => {
    const asked = worker({ badgeEveryone: true, keepExcerpts: false, autoDeleteDays: 30 });
    const root = await mount(<Options />);
    await click(root.querySelector('[data-action="delete-start"]'));
    expect(asked.some((r) => r.type === 'data/delete-all')).toBe(false);
    expect(document.activeElement).toBe(root.querySelector('[data-action="delete-confirm"]'));
    await click(root.querySelector('[data-action="delete-cancel"]'));
    expect(asked.some((r) => r.type === 'data/delete-all')).toBe(false);
    await click(root.querySelector('[data-action="delete-start"]'));
    await click(root.querySelector('[data-action="delete-confirm"]'));
    expect(asked).toContainEqual({ type: 'data/delete-all', confirm: true });
    expect(textOf(setting(root, 'delete-all').querySelector('[role="status"]'))).toBe('Everything Glasshouse stored has been deleted.');
    // Settings are read again: back to the defaults.
    expect((setting(root, 'keepExcerpts').querySelector('input') as HTMLInputElement).checked).toBe(true);
  });

  it('links the privacy policy packaged with the extension', async () => {
    worker();
    const root = await mount(<Options />);
    const link = root.querySelector('[data-link="privacy"] a') as HTMLAnchorElement;
    // A page of the package, never an address on the web: it shows offline.
    expect(link.getAttribute('href')).toBe('../privacy/index.html');
    expect(textOf(link)).toContain('Privacy policy');
  });
});
