import { beforeAll, expect, it } from 'vitest';
import { facebookAdapter } from '../../../src/platforms/facebook';
import { loadPage } from '../platforms/facebook/load-fixture';
import { describeWithMaterial, readReal, sharedPath } from './real-material';

const PAGE = sharedPath('fixtures/facebook-real/page-public-story-en.html');

const URL = 'https://www.facebook.com/people/P%C3%B3%C5%82-%C5%BBartem-P%C3%B3%C5%82-Serio/100028295814975/';

function read(html: string) {
  const doc = loadPage(html, URL);
  const session = facebookAdapter.openSession(doc, { url: URL });
  return { session, rendered: session.scan(doc), data: session.dataOnlyPosts() };
}

describeWithMaterial('the real saved facebook.com page (logged out, English)', [PAGE], () => {
  // Read in beforeAll, not here: a skipped describe's body still runs, and the file is absent in a clone.
  let realPage = '';
  beforeAll(() => {
    realPage = readReal(PAGE);
  });
  it('finds its one story in the inline requireLazy data and calls it public from its description (icon_image.name agrees)', () => {
    const { session, rendered, data } = read(realPage);
    expect(session.viewer).toBeNull();
    expect(rendered).toEqual([]);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      postId: '1053189635634220',
      audience: 'public',
      evidence: 'embedded-json',
      audienceSource: 'description=Public',
      ownerId: '100028295814975',
      isOwn: false,
      kind: 'post',
    });
    expect(data[0]?.url).toMatch(/^https:\/\/www\.facebook\.com\/permalink\.php\?story_fbid=pfbid0NPAVi78/);
  });

  it('does not depend on the English word', () => {
    const { data } = read(realPage.replaceAll('"description":"Public"', '"description":"Zorgblorp"'));
    expect(data[0]).toMatchObject({ audience: 'public', evidence: 'embedded-json' });
  });

  it('says unknown for an icon name nobody has seen, and counts it', () => {
    const { data, session } = read(
      realPage.replaceAll('{"name":"everyone"},"description":"Public"', '{"name":"new_icon_x"},"description":"Zorgblorp"'),
    );
    expect(data[0]).toMatchObject({ audience: 'unknown', evidence: 'none' });
    expect(session.diagnostics.unreadLabels.get('icon_image.name=new_icon_x')).toBeGreaterThan(0);
  });
});
