import { describe, expect, it } from 'vitest';
import { RequestSchema, type OwnFinding } from '../../../src/core';
import { admitFinding } from '../../../src/content/finding-gate';

const good: OwnFinding = {
  platform: 'facebook',
  postId: 'pfbid0abc',
  url: 'https://www.facebook.com/alice.martin/posts/pfbid0abc',
  kind: 'post',
  ownerId: '100001',
  ownerName: 'Alice Martin',
  isOwn: true,
  audience: 'public',
  evidence: 'graphql',
  publishedAt: Date.UTC(2024, 4, 1),
  excerpt: 'Hello',
  seenAt: Date.UTC(2026, 0, 1),
};

/** Would the worker take a batch holding these findings? */
const workerTakes = (findings: OwnFinding[]) => RequestSchema.safeParse({ type: 'findings/record', batchId: 'b1', findings }).success;

describe('the finding gate before the queue', () => {
  it('lets a good finding through unchanged', () => {
    expect(admitFinding(good)).toEqual({ finding: good, problem: null });
  });

  it('drops what is impossible but not essential (a 1970 date, an oversized name or excerpt) and keeps the finding', () => {
    const bad = { ...good, publishedAt: 1000, ownerName: 'A'.repeat(10_000), excerpt: 'x'.repeat(100_000) };
    expect(workerTakes([bad])).toBe(false);
    const { finding, problem } = admitFinding(bad);
    for (const field of ['publishedAt', 'ownerName', 'excerpt']) expect(problem).toContain(field);
    expect(finding).not.toHaveProperty('publishedAt');
    expect(finding).toMatchObject({ postId: good.postId, audience: 'public' });
    expect(workerTakes([finding!])).toBe(true);
  });

  it('refuses a finding whose address, id, kind or audience is wrong, saying which', () => {
    const cases: [Partial<Record<keyof OwnFinding, unknown>>, string][] = [
      [{ url: 'https://evil.example/phish' }, 'url'],
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ postId: '' }, 'postId'],
      [{ postId: 'x'.repeat(5000) }, 'postId'],
      [{ kind: 'story' }, 'kind'],
      [{ audience: 'nearly-public' }, 'audience'],
      [{ platform: 'myspace' }, 'platform'],
    ];
    for (const [change, field] of cases) {
      const result = admitFinding({ ...good, ...change } as OwnFinding);
      expect(result, field).toEqual({ finding: null, problem: expect.stringContaining(field) });
    }
  });

  it('keeps a batch acceptable to the worker whatever the page produced', () => {
    const produced = [
      good,
      { ...good, postId: 'p2', url: 'https://evil.example/' },
      { ...good, postId: 'p3', publishedAt: -5 },
    ] as OwnFinding[];
    const sent = produced.map(admitFinding).flatMap((r) => (r.finding ? [r.finding] : []));
    expect(sent.map((f) => f.postId)).toEqual(['pfbid0abc', 'p3']);
    expect(workerTakes(sent)).toBe(true);
  });
});
