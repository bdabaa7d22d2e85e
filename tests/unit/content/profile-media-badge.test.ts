// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import profileFr from '../../fixtures/facebook/profile-fr.html?raw';
import { BADGE_ATTRIBUTE, BadgePainter } from '../../../src/content/badge';
import { facebookAdapter } from '../../../src/platforms/facebook';
import { loadPage } from '../platforms/facebook/load-fixture';

// Regression: the cover photo's and profile picture's badges were put inside the <img> and the svg
// <image>, where nothing is drawn, so the two things always public on a profile never showed a badge.
describe('badges on the profile picture and cover photo', () => {
  it('go beside the image, never inside it or the link around it', () => {
    const url = 'https://www.facebook.com/alice.martin';
    const doc = loadPage(profileFr, url, ['c_user=100001']);
    const items = facebookAdapter.openSession(doc, { url }).scan(doc);
    const media = items.filter((i) => i.post.kind === 'cover_photo' || i.post.kind === 'profile_picture');
    expect(media.map((i) => i.post.kind).sort()).toEqual(['cover_photo', 'profile_picture']);
    const painter = new BadgePainter();
    for (const item of media) {
      expect(painter.paint(item), item.post.kind).toBe(true);
      const badge = item.element!.querySelector(`[${BADGE_ATTRIBUTE}]`);
      expect(badge, item.post.kind).not.toBeNull();
      expect(badge!.closest('img, svg, image, a'), item.post.kind).toBeNull();
      expect(badge!.previousElementSibling?.matches('img, svg, a'), item.post.kind).toBe(true);
    }
  });
});
