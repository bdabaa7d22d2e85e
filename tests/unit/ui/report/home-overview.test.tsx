// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { OBJECTION_FORMS } from '../../../../src/core/meta-addresses';
import { click, mount, textOf, typeInto } from '../render';
import { atNowWithFreshWorker, DAY, NOW, platform, worker } from '../overview-worker';

vi.mock('../../../../src/lib/worker-client', () => ({ askWorker: vi.fn() }));

import { OverviewSections } from '../../../../src/ui/report/overview-sections';

atNowWithFreshWorker();

describe('the Glasshouse page: overview, objection, diagnostics', () => {
  it('shows each platform in detail: the sentence of the popup, the account seen, the counts', async () => {
    worker({
      platforms: [
        platform(
          'facebook',
          { viewer: { accountId: '100001', name: 'Alice Martin', username: 'alice.martin', privacy: 'unknown', lastSeen: NOW } },
          { eligible: 12, notEligible: 3, unknown: 2 },
        ),
        platform('instagram', { viewer: { accountId: '42', username: 'alice', privacy: 'unknown', lastSeen: NOW } }),
      ],
    });
    const root = await mount(<OverviewSections />);
    const facebook = root.querySelector('section[data-platform="facebook"]')!;
    expect(textOf(facebook.querySelector('.verdict'))).toBe(
      '12 of your posts and comments seen so far are public: Meta may use them to train its AI.',
    );
    expect(textOf(facebook)).toContain('Seen as Alice Martin (alice.martin)');
    expect(facebook.querySelector('[data-count="eligible"]')?.getAttribute('data-value')).toBe('12');
    expect(textOf(facebook)).toContain('Last seen:');
    const instagram = root.querySelector('section[data-platform="instagram"]')!;
    expect(textOf(instagram.querySelector('.verdict'))).toBe(
      'Your account on Instagram was seen, but none of your own posts or comments yet.',
    );
    expect(textOf(instagram)).toContain('Not known yet whether your account is public');
    expect(instagram.querySelectorAll('[data-count]')).toHaveLength(0);
    // The sections the popup's steps link to.
    for (const id of ['overview', 'object', 'fix', 'scan', 'diagnostics']) expect(root.querySelector(`#${id}`), id).not.toBeNull();
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
    const root = await mount(<OverviewSections />);
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
    const root = await mount(<OverviewSections />);
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
    const root = await mount(<OverviewSections />);
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
    const root = await mount(<OverviewSections />);
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

  it('offers a reason built from what was found beside the form, editable and copied on the click, and the access request', async () => {
    worker({
      platforms: [
        platform('facebook', {}, { eligible: 2, notEligible: 0, unknown: 0 }),
        platform('instagram', { viewer: { accountId: '42', username: 'alice', privacy: 'public', lastSeen: NOW } }),
      ],
    });
    const row = (postId: string, year: number) =>
      ({ platform: 'facebook', eligible: 'yes', year, postId }) as unknown as import('../../../../src/ui/report/finding-rows').FindingRow;
    const root = await mount(<OverviewSections rows={[row('a', 2019), row('b', 2021)]} />);
    const reason = root.querySelector<HTMLTextAreaElement>('#objection-reason-facebook')!;
    expect(reason.value).toContain('2 of my posts and comments on Facebook since 2019 are public');
    expect(root.querySelector(`label[for="${reason.id}"]`)).not.toBeNull();
    expect(root.querySelector<HTMLTextAreaElement>('#objection-reason-instagram')!.value).toBe(
      'I object to Meta using my personal data, including what I share on Instagram, to develop and improve AI at Meta (Article 21 GDPR).',
    );
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await typeInto(reason, 'My own words.');
    await click(reason.closest('[data-copyable]')!.querySelector('[data-action="copy"]'));
    expect(writeText).toHaveBeenCalledWith('My own words.');
    expect(textOf(reason.closest('[data-copyable]')!.querySelector('[role="status"]'))).toBe('Copied.');
    // The access request names the account seen, or leaves a blank to fill in.
    const access = root.querySelector<HTMLTextAreaElement>('#access-request-instagram')!;
    expect(access.value).toContain('for my Instagram account alice');
    expect(access.value).toMatch(/since when/);
    expect(root.querySelector<HTMLTextAreaElement>('#access-request-facebook')!.value).toContain('[your username]');
    writeText.mockRejectedValueOnce(new Error('denied'));
    await click(access.closest('[data-copyable]')!.querySelector('[data-action="copy"]'));
    expect(textOf(access.closest('[data-copyable]')!.querySelector('[role="status"]'))).toContain('Could not copy');
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
    const root = await mount(<OverviewSections />);
    const facebook = root.querySelector('[data-diagnostics="facebook"]');
    expect(textOf(facebook)).toContain('Errors: 1');
    expect(textOf(facebook)).toContain('Last error: boom');
    expect(textOf(facebook?.querySelector('ul.wrap li'))).toBe('“Publiczne” × 9');
    expect(textOf(root.querySelector('[data-diagnostics="instagram"]'))).toContain('Nothing recorded yet.');
    // No batch waiting to be written: nothing said about it.
    expect(root.querySelector('[data-unwritten]')).toBeNull();
  });

  it('says when batches of findings could not be written yet (they are kept and tried again)', async () => {
    worker({ platforms: [platform('facebook'), platform('instagram')], unwritten: 2 });
    const root = await mount(<OverviewSections />);
    expect(textOf(root.querySelector('[data-unwritten="2"]'))).toBe('Batches of findings not yet written, kept and tried again: 2');
  });
});
