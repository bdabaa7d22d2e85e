// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlatformOverview, Request } from '../../../../src/core';
import type { ScanView } from '../../../../src/core/scan';
import { click, mount, textOf } from '../render';

vi.mock('../../../../src/lib/worker-client', () => ({ askWorker: vi.fn() }));

import { askWorker } from '../../../../src/lib/worker-client';
import { OverviewSections } from '../../../../src/ui/report/overview-sections';
const ask = vi.mocked(askWorker);

const empty = (name: 'facebook' | 'instagram'): PlatformOverview => ({
  summary: { platform: name, eligible: 0, notEligible: 0, unknown: 0, total: 0 },
  recentExposed: [],
});

const scan = (over: Partial<ScanView>): ScanView => ({
  id: 1,
  platform: 'facebook',
  status: 'done',
  url: 'https://www.facebook.com/me',
  startedAt: Date.UTC(2026, 0, 1),
  updatedAt: Date.UTC(2026, 0, 1),
  postsFound: 0,
  publicFound: 0,
  resumable: false,
  ...over,
});

function worker(answers: { start?: unknown; status?: Partial<Record<'facebook' | 'instagram', ScanView | null>> }) {
  const asked: Request[] = [];
  ask.mockImplementation((async (request: Request) => {
    asked.push(request);
    if (request.type === 'overview/get') return { ok: true, platforms: [empty('facebook'), empty('instagram')] };
    if (request.type === 'scan/status') return { ok: true, scan: answers.status?.[request.platform] ?? null };
    if (request.type === 'scan/start') return answers.start;
    return { ok: true, done: true };
  }) as never);
  return asked;
}

afterEach(() => ask.mockReset());

describe('the Glasshouse page and the full-history scan', () => {
  it('starts a scan from the button and says where it runs', async () => {
    const asked = worker({ start: { ok: true, opened: true, resumed: false, scan: scan({ status: 'running' }) } });
    const root = await mount(<OverviewSections />);
    await click(root.querySelector('[data-action="scan-facebook"]'));
    expect(asked).toContainEqual({ type: 'scan/start', platform: 'facebook' });
    const status = root.querySelector('[data-section="scan"] [role="status"]');
    expect(status?.getAttribute('data-outcome')).toBe('done');
    expect(textOf(status)).toContain('Your profile opened in a new tab');
  });

  it('says when it carries on, when a scan already runs, and what Instagram needs first', async () => {
    worker({ start: { ok: true, opened: true, resumed: true, scan: scan({ status: 'running' }) } });
    let root = await mount(<OverviewSections />);
    await click(root.querySelector('[data-action="scan-facebook"]'));
    expect(textOf(root.querySelector('[data-section="scan"] [role="status"]'))).toContain('Carrying on from where the last scan stopped');

    worker({ start: { ok: true, opened: false, resumed: false, scan: scan({ status: 'running' }) } });
    root = await mount(<OverviewSections />);
    await click(root.querySelector('[data-action="scan-facebook"]'));
    expect(textOf(root.querySelector('[data-section="scan"] [role="status"]'))).toContain('already running');

    // Recognised by its code: the English detail could say anything.
    worker({ start: { ok: false, code: 'scan-instagram-username-unknown', detail: 'anything' } });
    root = await mount(<OverviewSections />);
    await click(root.querySelector('[data-action="scan-instagram"]'));
    const status = root.querySelector('[data-section="scan"] [role="status"]');
    expect(status?.getAttribute('data-outcome')).toBe('unavailable');
    expect(textOf(status)).toContain('Open your own Instagram profile once');
  });

  it('shows the last scan: found, public, oldest date, and why it stopped', async () => {
    worker({
      status: {
        facebook: scan({
          status: 'done',
          reason: 'end-of-timeline',
          postsFound: 1234,
          publicFound: 56,
          oldestReached: Date.UTC(2012, 6, 14),
        }),
        instagram: scan({
          platform: 'instagram',
          status: 'stopped',
          reason: 'rate-limited',
          postsFound: 3,
          publicFound: 3,
          resumable: true,
        }),
      },
    });
    const root = await mount(<OverviewSections />);
    const facebook = root.querySelector('section[data-platform="facebook"] [data-last-scan]');
    expect(facebook?.getAttribute('data-last-scan')).toBe('done');
    expect(textOf(facebook)).toContain('Whole-profile scan (finished) — posts found: 1,234, public: 56, oldest reached: July 14, 2012.');
    const instagram = root.querySelector('section[data-platform="instagram"] [data-last-scan]');
    expect(textOf(instagram)).toContain('oldest reached: not known');
    expect(textOf(instagram)).toContain('the site asked to slow down');
  });
});
