// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.facebook.com/" }
/**
 * A Facebook tab over time: the user edits a post's audience while the page is open, and moves
 * within the site. The newest reading of any signal decides; what the page's data said stays known.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OwnFinding } from '../../../src/core';
import { DEFAULT_SETTINGS } from '../../../src/core';
import { PageWatch } from '../../../src/content/page-watch';
import { facebookAdapter } from '../../../src/platforms/facebook';

type Batch = { batchId: string; findings: OwnFinding[] };
const VIEWER = '100001';
const POST = '4000000000000001';
const PERMALINK = 'https://www.facebook.com/permalink.php?story_fbid=pfbid0live1&id=100001';
const writeId = btoa(`privacy_scope_renderer:{"id":${POST}}`);

/** The answer the timeline sends: the viewer's own post, its audience in the editable renderer. */
function timelineAnswer(baseState: string): string {
  return JSON.stringify({
    data: {
      node: {
        __typename: 'Story',
        post_id: POST,
        actors: [{ __typename: 'User', id: VIEWER, name: 'Alice Martin', url: 'https://www.facebook.com/profile.php?id=100001' }],
        comet_sections: {
          content: { story: { wwwURL: PERMALINK, message: { text: 'Picnic on Sunday' } } },
          audience: {
            __typename: 'CometFeedStoryPrivacySelectorStrategy',
            story: { privacy_scope: { privacy_scope_renderer: { privacy_row_input: { base_state: baseState, allow: [], deny: [] } } } },
          },
        },
      },
    },
  });
}

/** The answer to the user saving a new audience in the post's selector. */
const saveAnswer = (baseState: string) =>
  JSON.stringify({
    data: {
      privacy_selector_save: {
        privacy_scope: {
          privacy_scope_renderer: {
            privacy_row_input: { base_state: baseState, allow: [], deny: [] },
            scope: { privacy_write_id: writeId },
          },
        },
      },
    },
  });

/** The viewer's own post as the feed renders it; its header's audience button says "Friends". */
function renderPost(label: string) {
  const article = document.createElement('div');
  article.setAttribute('role', 'article');
  article.id = 'live-post';
  const heading = document.createElement('h2');
  const author = Object.assign(document.createElement('a'), {
    href: 'https://www.facebook.com/profile.php?id=100001',
    textContent: 'Alice Martin',
  });
  heading.append(author);
  const time = Object.assign(document.createElement('a'), { href: PERMALINK, textContent: '2h' });
  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('role', 'img');
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = label;
  icon.append(title);
  const message = document.createElement('div');
  message.setAttribute('data-ad-preview', 'message');
  message.textContent = 'Picnic on Sunday';
  article.append(heading, time, icon, message);
  document.querySelector('[role="feed"]')!.append(article);
  return article;
}

let batches: Batch[];
let watch: InstanceType<typeof PageWatch>;
beforeEach(() => {
  history.replaceState(null, '', '/');
  document.cookie = `c_user=${VIEWER}`;
  document.documentElement.lang = 'en';
  document.body.innerHTML = '<div role="main"><div role="feed"></div></div>';
  batches = [];
  watch = new PageWatch({
    adapter: facebookAdapter,
    doc: document,
    settings: DEFAULT_SETTINGS,
    send: (async (batch: Batch) => (batches.push(batch), { ok: true })) as never,
    now: () => 1_750_000_000_000,
  });
  watch.start();
});
afterEach(() => watch.stop());

const badge = () => document.querySelector('#live-post [data-glasshouse-badge]');
const sent = () => batches.flatMap((b) => b.findings).map((f) => [f.audience, f.evidence]);

describe('an audience edited while the page is open', () => {
  it('the label the user just changed beats the data read at load, and the save answer confirms it', async () => {
    const step = async () => {
      await watch.queue.flush();
      return [badge()?.getAttribute('data-audience'), badge()?.getAttribute('data-evidence')];
    };
    watch.readNetworkPayload(timelineAnswer('FRIENDS'));
    const article = renderPost('Shared with Friends');
    watch.drain();
    expect(await step()).toEqual(['friends', 'graphql']);

    // The user picks "Public" in the selector: Facebook redraws the button's label first.
    article.querySelector('svg title')!.textContent = 'Shared with Public';
    watch.drain();
    expect(await step()).toEqual(['public', 'label']);

    // Then the save answer arrives; then the user changes their mind again, to Only me.
    watch.readNetworkPayload(saveAnswer('EVERYONE'));
    expect(await step()).toEqual(['public', 'graphql']);
    watch.readNetworkPayload(saveAnswer('SELF'));
    expect(await step()).toEqual(['only_me', 'graphql']);

    // Each reading reached the worker, so the post's audience history shows the edits.
    expect(sent()).toEqual([
      ['friends', 'graphql'],
      ['public', 'label'],
      ['public', 'graphql'],
      ['only_me', 'graphql'],
    ]);
  });

  // Regression (a browser test timed out on it under load): the save answer came before the frame
  // that would have read the new label, so the label was read second and outranked the answer.
  it('reads a label changed before the save answer as older than the answer, frame or no frame', async () => {
    watch.readNetworkPayload(timelineAnswer('FRIENDS'));
    const article = renderPost('Shared with Friends');
    watch.drain();
    article.querySelector('svg title')!.textContent = 'Shared with Public';
    // No drain: the answer arrives before the frame in which the watch would read the label.
    watch.readNetworkPayload(saveAnswer('EVERYONE'));
    watch.drain();
    await watch.queue.flush();
    expect([badge()?.getAttribute('data-audience'), badge()?.getAttribute('data-evidence')]).toEqual(['public', 'graphql']);
    expect(sent().at(-1)).toEqual(['public', 'graphql']);
  });

  it('at equal age the data beats a label that disagrees, keeping the label as evidence', async () => {
    watch.readNetworkPayload(timelineAnswer('FRIENDS'));
    renderPost('Shared with Public');
    watch.drain();
    await watch.queue.flush();
    expect(batches.flatMap((b) => b.findings)[0]).toMatchObject({
      audience: 'friends',
      evidence: 'graphql',
      disagreement: { evidence: 'label', audience: 'public' },
    });
  });
});

describe('moving within the site', () => {
  it("keeps the data that arrived before the address changed (the profile's first posts load exactly then)", async () => {
    watch.readNetworkPayload(timelineAnswer('FRIENDS'));
    history.pushState(null, '', '/profile.php?id=100001');
    // The profile renders the post with no audience label of its own: only the earlier data can tell.
    const article = renderPost('');
    article.querySelector('svg')!.remove();
    watch.drain();
    expect([badge()?.getAttribute('data-audience'), badge()?.getAttribute('data-evidence')]).toEqual(['friends', 'graphql']);
    expect(watch.session.viewer?.id).toBe(VIEWER);
  });
});
