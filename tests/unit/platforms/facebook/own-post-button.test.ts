import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../../src/platforms/facebook';
import { loadPage } from './load-fixture';

/** The viewer's own post as the 2024–25 site draws it: its audience is a button that opens the selector. */
function ownPost(buttonLabel: string) {
  return `<!DOCTYPE html><html lang="en"><body><div role="feed"><div role="article" aria-posinset="1">
    <h2><a href="https://www.facebook.com/profile.php?id=100001">Alice Martin</a></h2>
    <div aria-label="Actions for this post" role="button"></div>
    <span><a href="https://www.facebook.com/permalink.php?story_fbid=pfbid0own1&amp;id=100001">3h</a></span>
    <div role="button" aria-label="${buttonLabel}" tabindex="0"><svg viewBox="0 0 16 16"></svg></div>
    <div data-ad-preview="message">Garden party photos</div>
  </div></div></body></html>`;
}

function read(buttonLabel: string) {
  const doc = loadPage(ownPost(buttonLabel), 'https://www.facebook.com/', ['c_user=100001']);
  const session = facebookAdapter.openSession(doc, { url: 'https://www.facebook.com/' });
  return { post: session.scan(doc)[0]?.post, session };
}

describe('the viewer\'s own post\'s audience button ("Edit privacy. Sharing with …")', () => {
  it.each([
    ['Edit privacy. Sharing with Public. ', 'public'],
    ['Edit privacy. Sharing with Friends. ', 'friends'],
    ['Edit privacy. Sharing with Only me. ', 'only_me'],
    ['Edit privacy. Sharing with Your friends of friends. ', 'friends_of_friends'],
  ])('%s → %s', (label, audience) => {
    expect(read(label).post).toMatchObject({ isOwn: true, audience, evidence: 'label', audienceSource: label.trim() });
  });

  it('a label it cannot read is unknown, never not public; other buttons are not counted as unread labels', () => {
    const { post, session } = read('Datenschutz bearbeiten. Wird geteilt mit: Blorp');
    expect(post).toMatchObject({ isOwn: true, audience: 'unknown', evidence: 'none' });
    expect([...session.diagnostics.unreadLabels.keys()]).toEqual([]);
  });
});
