// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Overview, PlatformOverview, Request } from '../../../../src/core';
import { OBJECTION_FORMS } from '../../../../src/core/meta-addresses';
import { click, mount, textOf, typeInto } from '../render';

vi.mock('../../../../src/lib/worker-client', () => ({ askWorker: vi.fn() }));

import { askWorker } from '../../../../src/lib/worker-client';
import { Popup } from '../../../../src/ui/popup/popup';
const ask = vi.mocked(askWorker);

const DAY = 24 * 3600 * 1000;
const NOW = new Date(2026, 10, 29, 15, 0).getTime();

function platform(
  name: 'facebook' | 'instagram',
  extra: Partial<PlatformOverview> = {},
  counts = { eligible: 0, notEligible: 0, unknown: 0 },
): PlatformOverview {
  const total = counts.eligible + counts.notEligible + counts.unknown;
  return {
    summary: { platform: name, ...counts, total, ...(total ? { lastSeen: NOW - DAY } : {}) },
    recentExposed: [],
    ...extra,
  };
}

/** The worker: answers overview/get with `overview`, every change with done, and records what it was asked. */
function worker(overview: Overview) {
  const asked: Request[] = [];
  ask.mockImplementation((async (request: Request) => {
    asked.push(request);
    if (request.type === 'overview/get') return { ok: true, ...overview };
    return { ok: true, done: true };
  }) as never);
  return asked;
}

const section = (root: HTMLElement, name: string) => root.querySelector(`section[data-platform="${name}"]`);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  ask.mockReset();
});

describe('popup', () => {
  it('shows an honest empty state when nothing was seen', async () => {
    worker({ platforms: [platform('facebook'), platform('instagram')] });
    const root = await mount(<Popup />);
    expect(root.querySelector('[data-total]')?.getAttribute('data-total')).toBe('0');
    const empty = root.querySelector('[data-empty]');
    expect(textOf(empty)).toContain('Nothing seen yet');
    expect(textOf(empty)).toContain('Open your own profile');
    expect(textOf(empty)).toContain('scan your whole history');
    expect(root.querySelectorAll('[data-count]')).toHaveLength(0);
    expect(textOf(section(root, 'facebook'))).toContain('Your account has not been seen yet.');
    expect(textOf(section(root, 'facebook'))).not.toMatch(/none of the posts .* are public/i);
  });

  it('shows the counts, the account and a verdict per platform', async () => {
    worker({
      platforms: [
        platform(
          'facebook',
          { viewer: { accountId: '100001', name: 'Alice Martin', username: 'alice.martin', privacy: 'unknown', lastSeen: NOW } },
          { eligible: 12, notEligible: 3, unknown: 2 },
        ),
        platform(
          'instagram',
          { viewer: { accountId: '42', username: 'alice', privacy: 'public', professional: true, lastSeen: NOW } },
          { eligible: 0, notEligible: 4, unknown: 0 },
        ),
      ],
    });
    const root = await mount(<Popup />);
    expect(root.querySelector('[data-total]')?.getAttribute('data-total')).toBe('21');
    expect(root.querySelector('[data-empty]')).toBeNull();
    const facebook = section(root, 'facebook')!;
    expect(textOf(facebook.querySelector('[data-count="eligible"]'))).toBe('12');
    expect(textOf(facebook.querySelector('[data-count="not-eligible"]'))).toBe('3');
    expect(textOf(facebook.querySelector('[data-count="unknown"]'))).toBe('2');
    expect(textOf(facebook)).toContain('Seen as Alice Martin (alice.martin)');
    expect(textOf(facebook.querySelector('[data-verdict]'))).toBe(
      "12 of your posts and comments seen so far are public and may be used to train Meta's AI. For 2, Glasshouse could not tell who can see them: treat them as possibly public.",
    );
    expect(textOf(facebook)).toContain('Last seen:');
    const instagram = section(root, 'instagram')!;
    expect(textOf(instagram.querySelector('[data-verdict]'))).toBe('None of the posts and comments seen so far are public.');
    expect(textOf(instagram)).toContain('Seen as alice');
    expect(textOf(instagram)).toContain('Public account');
    expect(textOf(instagram)).toContain('Professional accounts cannot be private.');
  });

  it('uses the singular form for one public post, and says when only unknowns were seen', async () => {
    worker({
      platforms: [
        platform('facebook', {}, { eligible: 1, notEligible: 0, unknown: 0 }),
        platform('instagram', {}, { eligible: 0, notEligible: 1, unknown: 1 }),
      ],
    });
    const root = await mount(<Popup />);
    expect(textOf(section(root, 'facebook')!.querySelector('[data-verdict]'))).toBe(
      "1 of your posts and comments seen so far is public and may be used to train Meta's AI.",
    );
    expect(textOf(section(root, 'instagram')!.querySelector('[data-verdict]'))).toBe(
      'None of the posts and comments seen so far is known to be public. For 1, Glasshouse could not tell who can see it: treat it as possibly public.',
    );
  });

  it('links only http(s) Facebook and Instagram addresses, and shows hostile text as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const post = (postId: string, url: string, excerpt?: string) => ({
      postId,
      url,
      kind: 'post' as const,
      lastSeen: NOW,
      ...(excerpt ? { excerpt } : {}),
    });
    worker({
      platforms: [
        platform(
          'facebook',
          {
            recentExposed: [
              post('a', 'https://www.facebook.com/alice.martin/posts/pfbid0a', hostile),
              post('b', 'javascript:alert(1)', 'script link'),
              post('c', 'https://evil.example/facebook.com/x', 'other host'),
              post('d', 'https://facebook.com.evil.example/p', 'look-alike host'),
              post('e', 'http://m.facebook.com/story.php?id=1'),
            ],
          },
          { eligible: 5, notEligible: 0, unknown: 0 },
        ),
        platform(
          'instagram',
          { recentExposed: [post('f', 'https://www.instagram.com/p/ABC/', 'reel')] },
          { eligible: 1, notEligible: 0, unknown: 0 },
        ),
      ],
    });
    const root = await mount(<Popup />);
    const item = (id: string) => root.querySelector(`[data-post-id="${id}"]`)!;
    const link = (id: string) => item(id).querySelector('a');
    expect(link('a')?.getAttribute('href')).toBe('https://www.facebook.com/alice.martin/posts/pfbid0a');
    expect(link('a')?.getAttribute('target')).toBe('_blank');
    expect(link('a')?.getAttribute('rel')).toBe('noreferrer noopener');
    expect(link('b')).toBeNull();
    expect(link('c')).toBeNull();
    expect(link('d')).toBeNull();
    expect(link('e')?.getAttribute('href')).toBe('http://m.facebook.com/story.php?id=1');
    expect(link('f')?.getAttribute('href')).toBe('https://www.instagram.com/p/ABC/');
    // The hostile excerpt is text: no element was made of it.
    expect(root.querySelector('img')).toBeNull();
    expect(link('a')?.textContent).toContain(hostile);
    expect(textOf(item('b'))).toContain('script link');
    // A post without an excerpt is named by its kind.
    expect(textOf(link('e'))).toContain('Post');
  });

  it('explains what a recorded objection means, and undoes it', async () => {
    const objectedAt = new Date(2026, 5, 1).getTime();
    const asked = worker({
      platforms: [
        platform(
          'facebook',
          {
            objectedAt,
            recentExposed: [
              { postId: 'old', url: 'https://www.facebook.com/p/old', kind: 'post', lastSeen: NOW, publishedAt: objectedAt - 30 * DAY },
            ],
          },
          { eligible: 1, notEligible: 0, unknown: 0 },
        ),
        platform('instagram'),
      ],
    });
    const root = await mount(<Popup />);
    const block = root.querySelector('[data-objection="facebook"]')!;
    expect(block.getAttribute('data-objected')).toBe('yes');
    expect(textOf(block)).toContain('You objected on June 1, 2026.');
    expect(textOf(block)).toContain('Content you publish after that date should not be used');
    expect(textOf(block)).toContain('Public posts from before it may already have been used');
    expect(textOf(block)).toContain('Verbraucherzentrale NRW');
    expect(textOf(root.querySelector('[data-post-id="old"]'))).toContain('before your objection');
    // Instagram has none: the form link and "I have objected".
    const instagram = root.querySelector('[data-objection="instagram"]')!;
    expect(instagram.querySelector('a')?.getAttribute('href')).toBe(OBJECTION_FORMS.instagram);
    await click(block.querySelector('[data-action="objection-undo"]'));
    expect(asked).toContainEqual({ type: 'objection/clear', platform: 'facebook' });
    expect(asked.filter((r) => r.type === 'overview/get')).toHaveLength(2);
  });

  it('records "I have objected" with a date, today by default and never in the future', async () => {
    const asked = worker({ platforms: [platform('facebook'), platform('instagram')] });
    const root = await mount(<Popup />);
    const block = () => root.querySelector('[data-objection="instagram"]')!;
    await click(block().querySelector('[data-action="objection-start"]'));
    const input = block().querySelector('input[type="date"]') as HTMLInputElement;
    expect(input.value).toBe('2026-11-29');
    expect(input.max).toBe('2026-11-29');
    expect(block().querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    expect(document.activeElement).toBe(input);
    await typeInto(input, '2026-12-25');
    await click(block().querySelector('button[type="submit"]'));
    expect(textOf(block().querySelector('[role="alert"]'))).toBe('The date cannot be in the future.');
    expect(asked.some((r) => r.type === 'objection/record')).toBe(false);
    await typeInto(block().querySelector('input[type="date"]'), '2026-06-02');
    await click(block().querySelector('button[type="submit"]'));
    expect(asked).toContainEqual({ type: 'objection/record', platform: 'instagram', objectedAt: new Date(2026, 5, 2).getTime() });
  });

  it('notes that the form was opened, and asks whether it was sent', async () => {
    const asked = worker({ platforms: [platform('facebook', { formOpenedAt: NOW - DAY }), platform('instagram')] });
    const root = await mount(<Popup />);
    const prompt = root.querySelector('[data-prompt="facebook"]')!;
    expect(textOf(prompt)).toContain('Did you send it?');
    await click(prompt.querySelector('[data-action="prompt-yes"]'));
    expect(asked).toContainEqual({ type: 'objection/record', platform: 'facebook', objectedAt: NOW });
    await click(root.querySelector('[data-prompt="facebook"] [data-action="prompt-not-yet"]'));
    expect(asked).toContainEqual({ type: 'objection/dismiss-prompt', platform: 'facebook' });
    // The Instagram form link tells the worker it was opened.
    const link = root.querySelector(`[data-objection="instagram"] a[href="${OBJECTION_FORMS.instagram}"]`) as HTMLAnchorElement;
    link.addEventListener('click', (event) => event.preventDefault());
    await click(link);
    expect(asked).toContainEqual({ type: 'objection/form-opened', platform: 'instagram' });
  });

  it('exports the report as a download (the export itself: tests/unit/ui/report)', async () => {
    worker({ platforms: [platform('facebook'), platform('instagram')] });
    URL.createObjectURL = vi.fn(() => 'blob:glasshouse/export');
    URL.revokeObjectURL = vi.fn();
    const download = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    // The button loads the export path with import(): loaded here first, so the wait below is not for vite's transform.
    await import('../../../../src/ui/shared/export-report');
    const root = await mount(<Popup />);
    await click(root.querySelector('[data-action="export-csv"]'));
    const status = root.querySelector('[data-section="report"] [role="status"]');
    await vi.waitFor(() => expect(status?.getAttribute('data-outcome')).toBe('done'));
    expect(textOf(status)).toMatch(/^Sent to your downloads: glasshouse-report-\d{4}-\d{2}-\d{2}\.csv$/);
    download.mockRestore();
    // The full scan's button is tested in tests/unit/ui/popup/popup-scan.test.tsx.
    expect(root.querySelector('[data-section="report"] a')?.getAttribute('href')).toBe('../report/index.html');
  });

  it('shows diagnostics per platform', async () => {
    worker({
      platforms: [
        platform('facebook', {
          diagnostics: {
            platform: 'facebook',
            unknownAudiences: 3,
            errors: 1,
            lastError: 'boom',
            unreadLabels: { a: 1, Publiczne: 9, c: 2 },
            updatedAt: NOW,
          },
        }),
        platform('instagram'),
      ],
    });
    const root = await mount(<Popup />);
    const facebook = root.querySelector('[data-diagnostics="facebook"]');
    expect(textOf(facebook)).toContain('Errors: 1');
    expect(textOf(facebook)).toContain('Last error: boom');
    expect(textOf(facebook?.querySelector('ul.wrap li'))).toBe('“Publiczne” × 9');
    expect(textOf(root.querySelector('[data-diagnostics="instagram"]'))).toContain('Nothing recorded yet.');
  });

  it('says so when the worker does not answer', async () => {
    ask.mockResolvedValue({ ok: false, code: 'worker-unreachable', detail: 'no reply from the worker' });
    const root = await mount(<Popup />);
    expect(textOf(root.querySelector('[role="alert"]'))).toContain('no reply from the worker');
  });
});
