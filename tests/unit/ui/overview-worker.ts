// The worker as the popup and the Glasshouse page's overview see it, for their unit tests: a fixed "now",
// platforms built from counts, and a mocked askWorker that answers overview/get. The test file itself must
// `vi.mock('…/src/lib/worker-client', () => ({ askWorker: vi.fn() }))` (a mock is hoisted per file).
import { afterEach, beforeEach, vi } from 'vitest';
import type { Overview, PlatformOverview, Request } from '../../../src/core';
import { askWorker } from '../../../src/lib/worker-client';

export const DAY = 24 * 3600 * 1000;
export const NOW = new Date(2026, 10, 29, 15, 0).getTime();

/** One platform's overview with these counts; seen yesterday when it has any. */
export function platform(
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
export function worker(overview: Overview): Request[] {
  const asked: Request[] = [];
  vi.mocked(askWorker).mockImplementation((async (request: Request) => {
    asked.push(request);
    if (request.type === 'overview/get') return { ok: true, ...overview };
    return { ok: true, done: true };
  }) as never);
  return asked;
}

/** Every test of the file runs at NOW, with a fresh worker mock. */
export function atNowWithFreshWorker(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.mocked(askWorker).mockReset();
  });
}
