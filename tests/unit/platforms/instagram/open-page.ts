import { instagramAdapter, type InstagramSessionOptions } from '../../../../src/platforms/instagram';
import type { DetectedPost } from '../../../../src/core';
import { loadPage } from '../facebook/load-fixture';

export const VIEWER_ID = '48151623420';
export const VIEWER_COOKIE = `ds_user_id=${VIEWER_ID}`;
export const NOW = 1_720_000_000_000;

/** Opens a fixture as an Instagram page at `url` and scans it whole; items by their container's test id. */
export function openPage(html: string, url: string, options: InstagramSessionOptions & { cookies?: string[] } = {}) {
  const { cookies = [VIEWER_COOKIE], ...sessionOptions } = options;
  const doc = loadPage(html, url, cookies);
  const session = instagramAdapter.openSession(doc, { now: () => NOW, ...sessionOptions });
  const items = session.scan(doc);
  const byId = new Map<string, DetectedPost>();
  for (const item of items) {
    const id = item.element?.id || item.element?.closest('[id]')?.id;
    if (id && !byId.has(id)) byId.set(id, item.post);
  }
  const byPostId = new Map(items.map((item) => [item.post.postId, item]));
  return { doc, session, items, byId, byPostId };
}
