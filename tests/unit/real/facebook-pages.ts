/**
 * The truth per post of Facebook's real saved pages (../shared/real/facebook/), transcribed from the
 * material's MANIFEST, which reads it from the page, never from Glasshouse. One home for both readers
 * of it: the jsdom tests (facebook-dom-real.test.ts) and the browser's (tests/e2e/real-pages.e2e.ts).
 */
import type { Audience } from '../../../src/core';

export interface Truth {
  /** The post's key (its permalink's id); null where the page shows no permalink (sponsored stories). */
  id: string | null;
  /** The author as a link names them: numeric id and/or username. Empty: the page links no author. */
  author: readonly string[];
  audience: Audience;
  /** The viewer's own post. */
  own?: true;
  /** A post the detector is not expected to find (a shape it does not read): absent is fine, wrong is not. */
  unread?: true;
}

export interface RealPage {
  file: string;
  /** The fragments carry no address of their own. */
  url?: string;
  /** The logged-in viewer's id (its c_user cookie). */
  viewer?: string;
  posts: Truth[];
  /** Comments the MANIFEST gives a truth for. */
  comments?: { count: number; audience: Audience; author: readonly string[] };
}

const FEED = 'https://www.facebook.com/';
export const ALBERTO = '818251551';
const FRIENDS: Audience = 'friends';
/** "Members of <group>": whether the group is public the label does not say. */
const GROUP_UNSAID: Audience = 'unknown';
const group = (id: string, author: string): Truth => ({ id, author: [author], audience: GROUP_UNSAID });

export const PAGES: RealPage[] = [
  {
    file: 'fbtrex-2016-post.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '10154575795176552', author: [ALBERTO, 'agranzot'], audience: 'public', own: true }],
  },
  {
    file: 'fbtrex-2016-post01.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '1132045500176946', author: ['158503560864483'], audience: 'custom' }],
  },
  {
    file: 'fbtrex-2016-post02.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '10154603530677053', author: ['502992052', 'lastknight'], audience: 'public' }],
  },
  {
    // The context line "Caterina Porcellini replied to a comment on this" comes first: the post is Edoardo Pavesi's.
    file: 'fbtrex-2016-postCommentedByFriend.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '10210966616944881', author: ['1337551372', 'dodo.pavesi'], audience: 'public' }],
  },
  {
    file: 'fbtrex-2016-privateSharePublicPost.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '10155142762582565', author: ['563937564', 'roldano.depersio'], audience: FRIENDS }],
  },
  {
    // "Shared with: Ryan's friends and Alberto": Ryan chose friends; the shared original is the viewer's.
    file: 'fbtrex-2016-sharedPost.html',
    url: FEED,
    viewer: ALBERTO,
    posts: [{ id: '10103791223584550', author: ['20900426', 'ryanair.henderson'], audience: FRIENDS }],
  },
  {
    // Logged in as Jan Baykara, whose id the page does not give: every story is someone else's.
    file: 'wtm-2017-classic-newsfeed-trimmed.html',
    url: FEED,
    posts: [
      { id: '10154714614488940', author: ['745208939'], audience: FRIENDS },
      { id: null, author: ['149145438467889'], audience: 'public' },
      { id: '10106976425708776', author: ['2501414'], audience: FRIENDS },
      { id: '1464291283638320', author: ['100001723865100'], audience: 'public' },
      { id: '10102293617174960', author: ['36900672'], audience: 'public' },
      // "Shared with: James's friends and friends of anyone tagged"
      { id: '10158693274670440', author: ['618720439'], audience: FRIENDS },
      { id: '10154855680446939', author: ['6622931938'], audience: 'public' },
      { id: '1590398967645890', author: ['163571453661989'], audience: 'public' },
      { id: '1248148111978586', author: ['313227042137369'], audience: 'public' },
      { id: '10154855770681939', author: ['6622931938'], audience: 'public' },
      { id: '465253453821103', author: ['448953172117798'], audience: 'public' },
      { id: null, author: ['1451289585107545'], audience: 'public' },
      { id: '10154232284381324', author: ['696056323'], audience: FRIENDS },
      { id: '10155559575924162', author: ['6149699161'], audience: 'public' },
      group('1361450323942215', '549706186'),
      group('1712989455396824', '100015891377311'),
      { id: null, author: ['194923330869269'], audience: 'public' },
      group('1361270493960198', '100003815313382'),
      group('1712443535451416', '100000262817870'),
      group('1712500905445679', '100001362026264'),
      { id: '10154524101052411', author: ['25749647410'], audience: 'public' },
      // Behind the context line "Robert Hedges and 5 others commented on this."
      group('798466546986760', '100000487652859'),
      { id: '10213448655071229', author: ['1245934361'], audience: FRIENDS },
      group('1713228488706254', '100000676432849'),
      group('1712246302137806', '100000966371022'),
      group('1361429110611003', '1540631717'),
      { id: '1875361329370530', author: ['100006900431120'], audience: FRIENDS },
      group('1712673648761738', '1178210925'),
      group('10155339330696974', '100000041830506'),
      { id: '10106976428039106', author: ['2501414'], audience: FRIENDS },
      group('1361381340615780', '1541306930'),
      { id: null, author: ['50097478644'], audience: 'custom' },
      { id: '10154486534156643', author: ['504961642'], audience: FRIENDS },
      { id: '10213443171254137', author: ['1245934361'], audience: FRIENDS },
      { id: '1509509939123356', author: ['100001930947948'], audience: FRIENDS },
      group('1713264338702669', '100001565093921'),
      { id: '10154232295961324', author: ['696056323'], audience: FRIENDS },
      group('1712441455451624', '100004712943554'),
    ],
  },
  {
    file: 'garcon-2022-v1-page-timeline-pl-loggedout.html',
    posts: [
      ...[
        '2385635615012196',
        '2385517911690633',
        '2378495385726219',
        '2377781032464321',
        '2377153185860439',
        '2376464095929348',
        '2375021466073611',
        '2371503593092065',
        '2369216289987462',
        '2367006246875133',
        '2364540033788421',
        '2363823310526760',
        '2362955620613529',
        '2357670637808694',
        '2352062648369493',
        '2350532298522528',
        '2346903232218768',
        '2346741902234901',
        '2342169022692189',
      ].map((id): Truth => ({ id, author: ['1597565460485886'], audience: 'public' })),
      // Visitors' posts, in a side box with no story container: not read.
      { id: '1432712923438754', author: ['nina.tyrka'], audience: 'public', unread: true },
      { id: '1427034437339936', author: ['nina.tyrka'], audience: 'public', unread: true },
      { id: '1843835255858904', author: [], audience: 'public', unread: true },
    ],
  },
  {
    // The 2024 Page layout, logged out: the post lives only in the page's inline data (its permalink names the Page's id).
    file: 'garcon-2024-v2-page-a-pl-loggedout.html',
    posts: [{ id: '1054930068793510', author: ['100028295814975'], audience: 'public' }],
  },
  {
    file: 'kevinzg-2021-mfacebook-page-timeline-nintendo.html',
    posts: [
      { id: '4194934713924283', author: ['nintendo'], audience: 'public' },
      // Its permalink is the video's (286348296528911); the story's top_level_post_id is 4193752747375813.
      { id: '286348296528911', author: ['nintendo'], audience: 'public' },
    ],
  },
  {
    file: 'kevinzg-2021-mfacebook-group-permalink.html',
    posts: [{ id: '1629606003787605', author: ['omarflorez'], audience: 'public' }],
  },
  {
    file: 'tanjin-2025-comet-permalink-loggedout-public.html',
    posts: [{ id: '3741738029450159', author: ['100008419968650', 'salmanmd.sultan.1'], audience: 'public' }],
    comments: { count: 10, audience: 'public', author: ['100008419968650', 'salmanmd.sultan.1'] },
  },
];
