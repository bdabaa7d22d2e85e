import type { ScannedItem } from '../platforms/adapter';
import { isElement } from '../platforms/dom';
import { BADGE_ATTRIBUTE, isLiveBadge, renderBadge } from './badge';

const signatureOf = (item: ScannedItem) =>
  `${item.post.postId}|${item.post.audience}|${item.post.evidence}|${item.post.disagreement?.audience ?? ''}`;

/**
 * Puts one badge in each item's container, next to its anchor, and keeps it current. An item whose
 * reading has not changed since it was painted is left alone, so rescans cost no DOM writes.
 */
export class BadgePainter {
  private readonly painted = new WeakMap<Element, { signature: string; badge: HTMLElement }>();

  /** True when the badge was created or changed. */
  paint(item: ScannedItem): boolean {
    const container = item.element;
    if (!container) return false;
    const signature = signatureOf(item);
    const known = this.painted.get(container);
    if (known && known.signature === signature && container.contains(known.badge)) return false;
    // A badge copied along with the page's own nodes (a cloned or re-rendered post) is an empty
    // husk without its shadow root: drop it, or the post would show two.
    for (const stray of container.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)) if (!isLiveBadge(stray)) stray.remove();
    const badge = renderBadge(item.post, known?.badge);
    const anchor = item.badgeAnchor ?? container;
    if (anchor === container || !container.contains(anchor)) {
      if (badge.parentNode !== container || container.firstChild !== badge) container.prepend(badge);
    } else if (anchor.nextSibling !== badge) {
      anchor.after(badge);
    }
    this.painted.set(container, { signature, badge });
    return true;
  }

  static isBadge(node: Node): boolean {
    return isElement(node) && node.hasAttribute(BADGE_ATTRIBUTE);
  }
}
