// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.facebook.com/" }
/**
 * Facebook's real data (GraphQL answers and page data saved by others, ../shared/real/facebook/):
 * every post with a known truth (MANIFEST.md there) gets that truth, through the content script's
 * path (the page-world bridge hands the answer to PageWatch) and through `glasshouse audit`.
 */
import { expect, it } from 'vitest';
import type { Audience, OwnFinding } from '../../../src/core';
import { DEFAULT_SETTINGS } from '../../../src/core';
import { nodeIo, runCli } from '../../../src/cli/main';
import { parseReportJson } from '../../../src/report';
import { describeWithMaterial, readReal, realPath } from './real-material';
import { PageWatch } from '../../../src/content/page-watch';
import { facebookAdapter } from '../../../src/platforms/facebook';

/** What the MANIFEST says of one post: its audience, and whether it is the viewer's. */
interface Truth {
  audience: Audience;
  own: boolean;
  owner?: string;
}

interface RealAnswer {
  file: string;
  /** The logged-in account when the answer was recorded, as the page (cookie, USER_ID) would say. */
  viewer?: string;
  /** The page's own data blocks (data-sjs payloads), one a line: read as a page's scripts too. */
  embedded?: { viewer: string | null };
  posts: Record<string, Truth>;
}

const CHASE = '61572798227018';
const own = (audience: Audience): Truth => ({ audience, own: true, owner: CHASE });
const other = (audience: Audience, owner?: string): Truth => ({ audience, own: false, ...(owner ? { owner } : {}) });

const ANSWERS: RealAnswer[] = [
  {
    file: 'cyd-2025-timeline-list-response.json',
    viewer: CHASE,
    posts: {
      // A Friends post sharing a public reel: the reel's "Public" is the reel's, not the post's.
      '122113895174759940': own('friends'),
      '122113894832759940': own('friends'),
      '122112836672759940': own('friends'),
      '565757813175226': other('public', '100092230375943'),
      '1682150576034790': other('public_group', '100015640839592'),
    },
  },
  {
    file: 'cyd-2025-manageposts-rootquery-response.json',
    viewer: CHASE,
    posts: Object.fromEntries(
      [
        '122128229618759940',
        '122113895558759940',
        '122113895174759940',
        '122113894832759940',
        '122112836672759940',
        '122112836432759940',
        '122106329372759940',
        '122106319964759940',
        '122106319826759940',
      ].map((id) => [id, own('friends')]),
    ),
  },
  {
    file: 'cyd-2025-manageposts-refetch-response.json',
    viewer: CHASE,
    posts: {
      '122106319208759940': own('friends'),
      '1660876091473110': own('public'),
      '122106318890759940': own('public'),
      '122106317240759940': own('friends_of_friends'),
    },
  },
  { file: 'cyd-2025-profile-header-composer-response.json', viewer: CHASE, posts: {} },
  { file: 'cyd-2025-home-initial-data.json', posts: {}, embedded: { viewer: '61572760629627' } },
  {
    file: 'fbscrape-2026-page-timeline-custom-icon-public.json',
    posts: {
      '858184087195647': other('public', '100090121893837'),
      '1293491472980697': other('public', '100069595681228'),
      '1284493720547139': other('public', '100069595681228'),
      '696645536751571': other('public', '100092183918230'),
      '770695526056440': other('public', '100093479979979'),
      '980168314655140': other('public', '100079859402091'),
    },
  },
  { file: 'fbscrape-2026-public-group-post-detail.json', posts: { '27209929835285847': other('public_group', '1390250696') } },
  {
    file: 'lijunle-2025-story-text-only.json',
    posts: { '1411731986983785': other('public', '100044409910181') },
    embedded: { viewer: null },
  },
  { file: 'lijunle-2025-story-video.json', posts: { '1140140214990654': other('public', '100069840579729') } },
  {
    file: 'lijunle-2025-story-attached-story-only.json',
    posts: { '2280345139142267': other('public_group', '100001914092128'), '1422788562752398': other('public') },
  },
  {
    file: 'lijunle-2025-story-attachment-photo.json',
    posts: { '25550089621287122': other('private_group', '1069070466') },
    embedded: { viewer: null },
  },
  { file: 'lijunle-2025-story-shorts-video.json', posts: { '2223425971514935': other('private_group') } },
];

const files = ANSWERS.map((answer) => realPath('facebook', answer.file));

type Batch = { batchId: string; findings: OwnFinding[] };

/** The content script's path: a facebook.com tab whose page-world bridge hands over the answer. */
async function throughContentScript(answer: RealAnswer) {
  document.cookie = answer.viewer ? `c_user=${answer.viewer}` : 'c_user=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  document.body.replaceChildren();
  const batches: Batch[] = [];
  const watch = new PageWatch({
    adapter: facebookAdapter,
    doc: document,
    settings: { ...DEFAULT_SETTINGS, badgeEveryone: true },
    send: (async (batch: Batch) => (batches.push(batch), { ok: true })) as never,
    now: () => 1_750_000_000_000,
  });
  watch.start();
  try {
    watch.readNetworkPayload(readReal(realPath('facebook', answer.file)));
    const everyone = new Map(watch.session.dataOnlyPosts().map((post) => [post.postId, post]));
    await watch.queue.flush();
    return { everyone, stored: batches.flatMap((b) => b.findings) };
  } finally {
    watch.stop();
  }
}

async function throughCli(answer: RealAnswer, ...flags: string[]) {
  let stdout = '';
  const status = await runCli(['audit', realPath('facebook', answer.file), ...flags], {
    ...nodeIo,
    stdout: (text) => void (stdout += text),
    stderr: () => undefined,
    now: () => 1_750_000_000_000,
  });
  const parsed = status === 0 ? parseReportJson(stdout) : undefined;
  if (parsed && !parsed.ok) throw new Error(parsed.error);
  return { status, findings: parsed?.report.findings ?? [] };
}

describeWithMaterial('real Facebook answers: every post gets its true audience', files, () => {
  for (const answer of ANSWERS) {
    it(`${answer.file}: through the content script`, async () => {
      const { everyone, stored } = await throughContentScript(answer);
      for (const [postId, truth] of Object.entries(answer.posts)) {
        const post = everyone.get(postId);
        expect(post, `${postId} read`).toBeDefined();
        expect([postId, post?.audience, post?.isOwn]).toEqual([postId, truth.audience, truth.own]);
        if (truth.owner) expect(post?.ownerId, `${postId} owner`).toBe(truth.owner);
      }
      // Only the viewer's own posts are stored, each with its true audience; nothing else is called theirs.
      const ownTruth = Object.entries(answer.posts).filter(([, truth]) => truth.own);
      expect(stored.map((f) => [f.postId, f.audience]).sort()).toEqual(ownTruth.map(([id, truth]) => [id, truth.audience]).sort());
      // Posts the MANIFEST does not name are never the viewer's.
      for (const post of everyone.values()) if (!(post.postId in answer.posts)) expect(post.isOwn, post.postId).toBe(false);
    });

    if (answer.embedded) {
      const { viewer } = answer.embedded;
      it(`${answer.file}: as the page's own data-sjs blocks`, () => {
        // A page holding each payload in its own data-sjs script, as the site serves them: no cookie, the data says who is logged in.
        document.cookie = 'c_user=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
        document.head.replaceChildren();
        document.body.replaceChildren();
        for (const line of readReal(realPath('facebook', answer.file)).split('\n').filter(Boolean)) {
          const script = document.createElement('script');
          script.type = 'application/json';
          script.setAttribute('data-sjs', '');
          script.textContent = line;
          document.head.append(script);
        }
        const session = facebookAdapter.openSession(document, { url: 'https://www.facebook.com/' });
        expect(session.viewer?.id ?? null).toBe(viewer);
        const posts = new Map(session.dataOnlyPosts().map((post) => [post.postId, post]));
        for (const [postId, truth] of Object.entries(answer.posts)) {
          expect([postId, posts.get(postId)?.audience, posts.get(postId)?.isOwn]).toEqual([postId, truth.audience, truth.own]);
        }
      });
    }

    it(`${answer.file}: through glasshouse audit`, async () => {
      const viewer = answer.viewer ? ['--viewer', answer.viewer] : [];
      const mine = await throughCli(answer, ...viewer);
      const ownTruth = Object.entries(answer.posts).filter(([, truth]) => truth.own);
      expect(mine.findings.map((f) => [f.postId, f.audience]).sort()).toEqual(ownTruth.map(([id, truth]) => [id, truth.audience]).sort());
      const everyone = await throughCli(answer, ...viewer, '--all-authors');
      const found = new Map(everyone.findings.map((f) => [f.postId, f.audience]));
      for (const [postId, truth] of Object.entries(answer.posts)) expect([postId, found.get(postId)]).toEqual([postId, truth.audience]);
    });
  }

  it('a variant built from two real shapes: a public post sharing a private-group reel stays public', async () => {
    // The timeline's first line holds one own Friends post sharing a public reel: made Public, its
    // reel made a private group's (as the shorts-video story's privacy_scope says), in memory only.
    const [first = '', ...rest] = readReal(realPath('facebook', 'cyd-2025-timeline-list-response.json')).split('\n');
    const variant = first
      .replaceAll('"base_state":"FRIENDS"', '"base_state":"EVERYONE"')
      .replace(
        '"description":"Public","label":"Public","display_label":"Public"',
        '"description":"Private group","label":"Private group","display_label":"Private group"',
      );
    expect(variant).not.toBe(first);
    document.cookie = `c_user=${CHASE}`;
    const session = facebookAdapter.openSession(document, { url: 'https://www.facebook.com/' });
    session.readNetworkPayload([variant, ...rest].join('\n'));
    const posts = new Map(session.dataOnlyPosts().map((post) => [post.postId, post]));
    expect(posts.get('122113895174759940')).toMatchObject({ audience: 'public', isOwn: true });
    expect(posts.get('565757813175226')).toMatchObject({ audience: 'private_group', isOwn: false });
  });
});
