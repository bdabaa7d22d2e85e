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
    const media = mediaBox(element);
    items.push({
      element: media.parentElement ?? media,
      badgeAnchor: media,
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

/**
 * The box a badge goes beside: an `<img>`, or the `<svg>` around an `<image>`, with the link around
 * either. A badge put inside an image is never drawn, and one inside the link would follow it when pressed.
 */
function mediaBox(element: Element): Element {
  const media = element.closest('svg') ?? element;
  const parent = media.parentElement;
  return parent?.localName === 'a' ? parent : media;
}
