// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { route } from '../../../../src/background/router';
import type { FixTabs } from '../../../../src/background/route-context';
import { openDatabase, recordFindings, type GlasshouseDatabase } from '../../../../src/db';
import { finding, freshName } from '../../db/findings-factory';
import { click, mount, settle, textOf } from '../render';

vi.mock('../../../../src/lib/worker-client', () => ({ askWorker: vi.fn() }));

const { FixPage } = await import('../../../../src/ui/fix/fix-page');

let db: GlasshouseDatabase;
afterEach(async () => {
  await db?.delete();
});

const url = (id: string) => `https://www.facebook.com/alice/posts/${id}`;

/** The real router over a fake-indexeddb database, with the fix tab recorded instead of opened. */
async function worker() {
  db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
  const tabs: string[] = [];
  let exists = false;
  const fixTabs: FixTabs = {
    open: async (address) => {
      tabs.push(`open ${address}`);
      exists = true;
      return 3;
    },
    exists: async () => exists,
    focus: async () => undefined,
    navigate: async (tabId, address) => void tabs.push(`navigate ${tabId} ${address}`),
    notify: async () => undefined,
  };
  const ask = ((request: unknown) => route(request, 'extension-page', async () => db, { fixTabs })) as never;
  return { ask, tabs };
}

const T = 1_750_000_000_000;

async function seed() {
  await recordFindings(
    db,
    [
      finding({ postId: 'a2025', url: url('a2025'), publishedAt: Date.UTC(2025, 2, 1), excerpt: 'Beach day', seenAt: T }),
      finding({ postId: 'b2023', url: url('b2023'), publishedAt: Date.UTC(2023, 2, 1), seenAt: T }),
    ],
    true,
  );
}

/** Lets the database and the page settle until `ready` holds (fake-indexeddb answers over several ticks). */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ready(); i += 1) await settle();
}

const progress = (root: HTMLElement) => textOf(root.querySelector('#fix-progress'));
const current = (root: HTMLElement) => root.querySelector('[data-current-step]');
const button = (root: HTMLElement, action: string) => root.querySelector(`.fix-current [data-action="${action}"]`);

describe('the fix page', () => {
  it('walks the queue: opens the newest post, sees it fixed from the database, and Next moves the tab on', async () => {
    const { ask, tabs } = await worker();
    await seed();
    const root = await mount(<FixPage ask={ask} pollMs={20} />);
    expect(progress(root)).toBe('0 of 2 fixed');
    expect(current(root)?.getAttribute('data-current-step')).toBe('a2025');
    expect(textOf(current(root))).toContain('Beach day');
    expect(button(root, 'next')).toBeNull();
    await click(button(root, 'open'));
    await until(() => root.querySelector('[data-fix-status="waiting"]') !== null);
    expect(tabs).toEqual([`open ${url('a2025')}`]);
    expect(root.querySelector('[data-fix-status]')?.getAttribute('data-fix-status')).toBe('waiting');

    // The content script of the fix tab saw the new audience; the worker stored it.
    await recordFindings(db, [finding({ postId: 'a2025', url: url('a2025'), audience: 'only_me', seenAt: T + 5000 })], true);
    await until(() => progress(root) === '1 of 2 fixed');
    expect(progress(root)).toBe('1 of 2 fixed');
    expect(root.querySelector('[data-fix-status]')?.getAttribute('data-fix-status')).toBe('fixed');
    expect(root.querySelector('[data-step="a2025"]')?.getAttribute('data-state')).toBe('fixed');

    await click(button(root, 'next'));
    await until(() => current(root)?.getAttribute('data-current-step') === 'b2023');
    expect(tabs).toEqual([`open ${url('a2025')}`, `navigate 3 ${url('b2023')}`]);
    expect(current(root)?.getAttribute('data-current-step')).toBe('b2023');
  });

  it('asks the worker nothing while the page is hidden (each question would keep the worker awake), and asks at once when shown', async () => {
    const { ask: real } = await worker();
    await seed();
    const asked: unknown[] = [];
    const ask = ((request: unknown) => (asked.push(request), (real as (r: unknown) => unknown)(request))) as never;
    const visibility = vi.spyOn(document, 'visibilityState', 'get');
    // The poll's clock only: the database keeps its own timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const root = await mount(<FixPage ask={ask} pollMs={5} />);
      await until(() => progress(root) === '0 of 2 fixed');
      const shown = asked.length;
      vi.advanceTimersByTime(15);
      expect(asked.length).toBe(shown + 3);

      visibility.mockReturnValue('hidden');
      document.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(150);
      expect(asked.length).toBe(shown + 3);

      visibility.mockReturnValue('visible');
      document.dispatchEvent(new Event('visibilitychange'));
      expect(asked.length).toBe(shown + 4);
      vi.advanceTimersByTime(5);
      expect(asked.length).toBe(shown + 5);
      await until(() => progress(root) === '0 of 2 fixed');
    } finally {
      vi.useRealTimers();
      visibility.mockRestore();
    }
  });

  it('skips a post: it stays in the queue marked skipped, and the walk moves on', async () => {
    const { ask, tabs } = await worker();
    await seed();
    const root = await mount(<FixPage ask={ask} pollMs={1000} />);
    await click(button(root, 'skip'));
    await until(() => current(root)?.getAttribute('data-current-step') === 'b2023');
    expect(root.querySelector('[data-step="a2025"]')?.getAttribute('data-state')).toBe('skipped');
    expect(progress(root)).toBe('0 of 2 fixed');
    expect(tabs).toEqual([`open ${url('b2023')}`]);
    expect(current(root)?.getAttribute('data-current-step')).toBe('b2023');
  });

  it('filters by year: the list, the progress and the current step follow', async () => {
    const { ask } = await worker();
    await seed();
    const root = await mount(<FixPage ask={ask} pollMs={1000} />);
    const year = root.querySelector('select[data-filter="year"]') as HTMLSelectElement;
    expect([...year.options].map((o) => o.value)).toEqual(['', '2025', '2023']);
    year.value = '2023';
    year.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => progress(root) === '0 of 1 fixed');
    expect(progress(root)).toBe('0 of 1 fixed');
    expect([...root.querySelectorAll('[data-step]')].map((li) => li.getAttribute('data-step'))).toEqual(['b2023']);
    expect(current(root)?.getAttribute('data-current-step')).toBe('b2023');
  });

  it('says so when no post was ever seen public', async () => {
    const { ask } = await worker();
    await recordFindings(db, [finding({ postId: 'f', audience: 'friends' })], true);
    const root = await mount(<FixPage ask={ask} pollMs={1000} />);
    expect(root.querySelector('[data-empty]')).not.toBeNull();
  });
});
