import type { Finding } from '../../../src/core';

let counter = 0;
/** A valid finding of the user's, with overrides. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  counter += 1;
  return {
    platform: 'facebook',
    postId: `p${counter}`,
    url: `https://www.facebook.com/alice/posts/p${counter}`,
    kind: 'post',
    ownerId: '100001',
    isOwn: true,
    audience: 'public',
    evidence: 'label',
    seenAt: 1_750_000_000_000,
    ...overrides,
  };
}

let dbCounter = 0;
export const freshName = () => `glasshouse-test-${(dbCounter += 1)}-${Math.random().toString(36).slice(2)}`;
