import { isElement } from '../dom';
import type { AudienceRule, DetectedPost } from '../../core';
import type { ScannedItem } from '../adapter';
import type { FacebookScanContext } from './scan';
import { FB } from './selectors';
import { isViewer } from './viewer';

/**
 * On the viewer's own profile page: the profile picture and cover photo, which Facebook always
 * shows to everyone (docs/FACTS.md#what-is-public), so they are public by rule, whatever the page says.
 */
export function profileItems(root: ParentNode, doc: Document, context: FacebookScanContext): ScannedItem[] {
  const viewer = context.viewer;
  if (!viewer) return [];
  const page = context.links.profileOf(context.baseUrl);
  if (!isViewer(page, viewer)) return [];
  const items: ScannedItem[] = [];
  const media: [DetectedPost['kind'] & AudienceRule, string][] = [
    ['cover_photo', FB.coverPhoto],
    ['profile_picture', FB.profilePicture],
  ];
  for (const [kind, selector] of media) {
    const element = isElement(root) && root.matches(selector) ? root : root.querySelector(selector);
    if (!element || !doc.contains(element)) continue;
    items.push({
      element,
      badgeAnchor: element.parentElement ?? element,
      post: {
        platform: 'facebook',
        postId: `${viewer.id}_${kind}`,
        url: new URL(context.baseUrl).origin + new URL(context.baseUrl).pathname,
        kind,
        ownerId: viewer.id,
        isOwn: true,
        audience: 'public',
        evidence: 'account',
        audienceSource: { rule: kind },
      },
    });
  }
  return items;
}
