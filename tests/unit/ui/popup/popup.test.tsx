// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { INSTAGRAM_PRIVACY_SETTING, OWN_PROFILE } from '../../../../src/core/meta-addresses';
import { mount, textOf } from '../render';
import { atNowWithFreshWorker, NOW, platform, worker } from '../overview-worker';

vi.mock('../../../../src/lib/worker-client', () => ({ askWorker: vi.fn() }));
vi.mock('../../../../src/lib/browser', () => ({
  browser: { runtime: { getURL: (path: string) => `chrome-extension://glasshouse/${path}` } },
}));

import { askWorker } from '../../../../src/lib/worker-client';
import { Popup } from '../../../../src/ui/popup/popup';
const ask = vi.mocked(askWorker);

const section = (root: HTMLElement, name: string) => root.querySelector(`section[data-platform="${name}"]`);

atNowWithFreshWorker();

describe('popup', () => {
  it('says when findings could not be written yet (a full disk), as its counts may then be too low, and says nothing otherwise', async () => {
    worker({ platforms: [platform('facebook', {}, { eligible: 3, notEligible: 0, unknown: 0 }), platform('instagram')], unwritten: 2 });
    const root = await mount(<Popup />);
    expect(textOf(root.querySelector('[data-unwritten="2"]'))).toBe(
      'Some findings are not saved yet (disk full?): these counts may be too low.',
    );
    expect(root.querySelector('[data-total]')?.getAttribute('data-total')).toBe('3');
    worker({ platforms: [platform('facebook'), platform('instagram')] });
    expect((await mount(<Popup />)).querySelector('[data-unwritten]')).toBeNull();
  });

  it('says per platform that nothing was seen yet, and how to start, with no counts', async () => {
    worker({ platforms: [platform('facebook'), platform('instagram')] });
    const root = await mount(<Popup />);
    expect(root.querySelector('[data-total]')?.getAttribute('data-total')).toBe('0');
    expect(root.querySelector('[data-empty]')).not.toBeNull();
    expect(root.querySelectorAll('[data-count]')).toHaveLength(0);
    const facebook = section(root, 'facebook')!;
    expect(textOf(facebook.querySelector('[data-verdict]'))).toBe('Glasshouse has not seen you on Facebook yet.');
    expect(facebook.querySelector('[data-step="open-site"] a')?.getAttribute('href')).toBe(OWN_PROFILE.facebook);
    expect(textOf(facebook.querySelector('[data-step]'))).toContain('Open Facebook and scroll through your own profile');
    expect(section(root, 'instagram')!.querySelector('[data-step="open-site"] a')?.getAttribute('href')).toBe(OWN_PROFILE.instagram);
    // One sentence per platform: never "not seen" beside a count.
    expect(facebook.querySelectorAll('p.verdict')).toHaveLength(1);
  });

  it('shows the sentence, the counts and the next step: object first, then fix N', async () => {
    worker({
      platforms: [
        platform(
          'facebook',
          { viewer: { accountId: '100001', name: 'Alice Martin', privacy: 'unknown', lastSeen: NOW } },
          { eligible: 12_345, notEligible: 3, unknown: 2 },
        ),
        platform('instagram', { objectedAt: new Date(2025, 4, 20).getTime() }, { eligible: 1, notEligible: 0, unknown: 0 }),
      ],
    });
    const root = await mount(<Popup />);
    expect(root.querySelector('[data-total]')?.getAttribute('data-total')).toBe('12351');
    expect(root.querySelector('[data-empty]')).toBeNull();
    const facebook = section(root, 'facebook')!;
    expect(textOf(facebook.querySelector('[data-verdict]'))).toBe(
      '12,345 of your posts and comments seen so far are public: Meta may use them to train its AI.',
    );
    expect(textOf(facebook.querySelector('[data-count="eligible"]'))).toBe('12,345');
    expect(facebook.querySelector('[data-count="eligible"]')?.getAttribute('data-value')).toBe('12345');
    expect(facebook.querySelector('[data-count="not-eligible"]')?.getAttribute('data-value')).toBe('3');
    expect(facebook.querySelector('[data-count="unknown"]')?.getAttribute('data-value')).toBe('2');
    expect(facebook.querySelector('[data-step="object"] a')?.getAttribute('href')).toBe('../report/index.html#object');
    expect(textOf(facebook.querySelector('[data-step]'))).toContain('Object to AI training');
    const instagram = section(root, 'instagram')!;
    expect(textOf(instagram.querySelector('[data-verdict]'))).toBe(
      '1 of your posts and comments seen so far is public; your objection of May 20, 2025 does not change that.',
    );
    const fix = instagram.querySelector('[data-step="fix"] a');
    expect(fix?.getAttribute('href')).toBe('chrome-extension://glasshouse/src/ui/fix/index.html');
    expect(fix?.getAttribute('target')).toBe('_blank');
    expect(textOf(fix)).toContain('Fix 1 public post');
  });

  it("follows Instagram's account privacy: make it private; private means nothing to do, counts labelled as seen", async () => {
    const viewer = (privacy: 'public' | 'private', professional?: boolean) => ({
      viewer: { accountId: '42', username: 'alice', privacy, lastSeen: NOW, ...(professional ? { professional } : {}) },
    });
    worker({ platforms: [platform('facebook'), platform('instagram', viewer('public'), { eligible: 4, notEligible: 0, unknown: 0 })] });
    let root = await mount(<Popup />);
    let instagram = section(root, 'instagram')!;
    expect(instagram.getAttribute('data-account-privacy')).toBe('public');
    expect(textOf(instagram.querySelector('[data-verdict]'))).toContain('Your account is public, so everything you post is public');
    expect(instagram.querySelector('[data-step="make-private"] a')?.getAttribute('href')).toBe(INSTAGRAM_PRIVACY_SETTING);

    worker({
      platforms: [platform('facebook'), platform('instagram', viewer('public', true), { eligible: 4, notEligible: 0, unknown: 0 })],
    });
    root = await mount(<Popup />);
    instagram = section(root, 'instagram')!;
    expect(textOf(instagram.querySelector('[data-verdict]'))).toContain('cannot be made private');
    expect(instagram.querySelector('[data-step="object"]')).not.toBeNull();

    worker({ platforms: [platform('facebook'), platform('instagram', viewer('private'), { eligible: 4, notEligible: 1, unknown: 0 })] });
    root = await mount(<Popup />);
    instagram = section(root, 'instagram')!;
    expect(textOf(instagram.querySelector('[data-verdict]'))).toBe('Your account is private, so your posts are not public now.');
    expect(textOf(instagram.querySelector('[data-count="eligible"]')?.previousElementSibling)).toBe('Public when seen');
    expect(textOf(instagram.querySelector('[data-step="nothing"]'))).toBe('Nothing to do for now.');
  });

  it('says when only unreadable posts were seen, and when none is public', async () => {
    worker({
      platforms: [
        platform('facebook', { objectedAt: new Date(2025, 4, 20).getTime() }, { eligible: 0, notEligible: 1, unknown: 1 }),
        platform('instagram', {}, { eligible: 0, notEligible: 3, unknown: 0 }),
      ],
    });
    const root = await mount(<Popup />);
    const facebook = section(root, 'facebook')!;
    expect(textOf(facebook.querySelector('[data-verdict]'))).toBe(
      'You objected on May 20, 2025. None of your posts and comments seen so far is known to be public, but for 1 Glasshouse could not tell who can see it.',
    );
    expect(facebook.querySelector('[data-step="review-unknown"] a')?.getAttribute('href')).toBe('../report/index.html#posts');
    expect(textOf(section(root, 'instagram')!.querySelector('[data-verdict]'))).toBe(
      'None of your posts and comments seen so far is public.',
    );
    expect(section(root, 'instagram')!.querySelector('[data-step="nothing"]')).not.toBeNull();
  });

  it('links the Glasshouse page and the settings, and keeps the rest off the popup', async () => {
    worker({
      platforms: [
        platform(
          'facebook',
          { recentExposed: [{ postId: 'a', url: 'https://www.facebook.com/p/a', kind: 'post', lastSeen: NOW }] },
          { eligible: 1, notEligible: 0, unknown: 0 },
        ),
        platform('instagram'),
      ],
    });
    const root = await mount(<Popup />);
    expect(root.querySelector('[data-link="home"]')?.getAttribute('href')).toBe('../report/index.html');
    expect(root.querySelector('a[href="../options/index.html"]')).not.toBeNull();
    for (const moved of [
      '[data-post-id]',
      '[data-objection]',
      '[data-section="fixing"]',
      '[data-action^="export"]',
      '[data-action^="scan"]',
      '[data-diagnostics]',
    ])
      expect(root.querySelector(moved), moved).toBeNull();
  });

  it('says so when the worker does not answer', async () => {
    ask.mockResolvedValue({ ok: false, code: 'worker-unreachable', detail: 'no reply from the worker' });
    const root = await mount(<Popup />);
    expect(textOf(root.querySelector('[role="alert"]'))).toContain('no reply from the worker');
  });
});
