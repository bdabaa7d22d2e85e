// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DetectedPost } from '../../../src/core';
import { t as lookup } from '../../../src/lib/i18n';

/** Messages come back as `key(substitutions)`, so a test sees which text went where. */
const t = vi.mocked(lookup).mockImplementation((key, subs) => (subs === undefined ? key : `${key}(${[subs].flat().join(',')})`));
import { renderBadge, isLiveBadge, BADGE_ATTRIBUTE } from '../../../src/content/badge';

/** The badge's closed shadow roots, caught as they are made (the page cannot reach them; a test can). */
const roots = new Map<Element, ShadowRoot>();
const attach = HTMLElement.prototype.attachShadow;
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
});
afterEach(() => vi.restoreAllMocks());

const post = (over: Partial<DetectedPost> = {}): DetectedPost => ({
  platform: 'facebook',
  postId: '1',
  url: 'https://www.facebook.com/alice/posts/1',
  kind: 'post',
  ownerId: 'alice',
  isOwn: true,
  audience: 'friends',
  evidence: 'label',
  audienceSource: 'Shared with Friends',
  ...over,
});

function view(host: HTMLElement) {
  const root = roots.get(host)!;
  const button = root.querySelector('button')!;
  return {
    button,
    text: button.textContent,
    details: () => root.querySelector<HTMLElement>('.details'),
    paragraphs: () => [...root.querySelectorAll('.details p')].map((p) => p.textContent),
  };
}

describe('a badge', () => {
  it('carries the reading on its host and shows it in a closed shadow root, in the user language', () => {
    const host = renderBadge(post());
    expect(host.hasAttribute(BADGE_ATTRIBUTE)).toBe(true);
    expect(host.dataset).toMatchObject({ audience: 'friends', eligible: 'no', evidence: 'label' });
    expect(host.shadowRoot).toBeNull();
    expect(isLiveBadge(host)).toBe(true);
    expect(isLiveBadge(host.cloneNode(true) as Element)).toBe(false);
    const { button, text } = view(host);
    expect(text).toBe('badgeNotPublic(audience_friends)');
    expect(button.getAttribute('aria-label')).toBe('badgeAccessibleName(badgeNotPublic(audience_friends),evidence_label)');
    expect(button.type).toBe('button');
  });

  it('explains itself when pressed, with the label the page showed, and hides the explanation on a second press', () => {
    const host = renderBadge(post());
    const { button, details, paragraphs } = view(host);
    // Nothing of the explanation exists until it is asked for.
    expect(details()).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    button.dispatchEvent(click);
    // The page's own click handlers (the post's link) never see it.
    expect(click.defaultPrevented).toBe(true);
    expect(details()?.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(paragraphs()).toEqual(['reasonNotPublic', 'evidence_label badgeSource(Shared with Friends)', 'adviceNotPublic']);
    button.click();
    expect(details()?.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('carries its look inline and takes the stylesheet only when focused or pressed (a sheet per shadow root costs the page style time)', () => {
    // jsdom makes no constructed sheets: there the badge falls back to a <style>, as in Firefox.
    const sheets = (host: HTMLElement) =>
      (roots.get(host)!.adoptedStyleSheets?.length ?? 0) + roots.get(host)!.querySelectorAll('style').length;
    const focused = renderBadge(post());
    const pressed = renderBadge(post());
    const untouched = renderBadge(post());
    for (const host of [focused, pressed, untouched]) expect(sheets(host)).toBe(0);
    expect(focused.style.display).toBe('inline-block');
    expect(view(focused).button.style.borderRadius).toBe('999px');
    // Focus is noticed once per window, so the badges must be on the page; a real focus fires focusin.
    document.body.append(focused, pressed, untouched);
    const focus = (host: HTMLElement) => view(host).button.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    focus(focused);
    view(pressed).button.click();
    expect(sheets(focused)).toBe(1);
    expect(sheets(pressed)).toBe(1);
    expect(sheets(untouched)).toBe(0);
    // A second focus or press adds no second sheet.
    focus(pressed);
    view(pressed).button.click();
    expect(sheets(pressed)).toBe(1);
  });

  it("keeps a press on it from the page's handlers, capturing or bubbling, and leaves presses elsewhere alone", () => {
    // A post is a link with the page's own handlers: a press on the badge must not open it or start a drag.
    const link = document.createElement('a');
    link.href = 'https://www.facebook.com/alice/posts/1';
    const elsewhere = document.createElement('span');
    link.append(elsewhere);
    document.body.append(link);
    const host = renderBadge(post());
    link.append(host);
    const seen: string[] = [];
    const types = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];
    for (const type of types) {
      link.addEventListener(type, () => seen.push(`link capture ${type}`), true);
      link.addEventListener(type, () => seen.push(`link ${type}`));
      document.addEventListener(type, () => seen.push(`document ${type}`));
    }
    const press = (target: Element, pressTypes = types) => {
      const events = pressTypes.map((type) => new MouseEvent(type, { bubbles: true, cancelable: true, composed: true }));
      for (const event of events) target.dispatchEvent(event);
      return events;
    };
    const onBadge = press(view(host).button);
    expect(seen.filter((s) => s !== 'link capture click')).toEqual([]);
    // The click opens the explanation and does not follow the post's link.
    expect(onBadge.at(-1)!.defaultPrevented).toBe(true);
    expect(view(host).details()?.hidden).toBe(false);
    // (No click elsewhere: jsdom cannot follow the link.)
    press(elsewhere, types.slice(0, -1));
    for (const type of types.slice(0, -1)) expect(seen).toContain(`link ${type}`);
    link.remove();
  });

  it('keeps its dot and words when its reading changes', () => {
    const host = renderBadge(post());
    renderBadge(post({ audience: 'public' }), host);
    const { button, text } = view(host);
    expect(text).toBe('badgePublic');
    expect(button.children).toHaveLength(1);
  });

  it('looks each text up once per reading, yet keeps each post its own label text', () => {
    t.mockClear();
    const first = renderBadge(post({ postId: 'a', audience: 'only_me', audienceSource: 'Only me' }));
    const lookups = t.mock.calls.length;
    expect(lookups).toBeGreaterThan(0);
    const second = renderBadge(post({ postId: 'b', audience: 'only_me', audienceSource: 'Moi uniquement' }));
    expect(t.mock.calls.length).toBe(lookups);
    view(second).button.click();
    expect(view(second).paragraphs()[1]).toBe('evidence_label badgeSource(Moi uniquement)');
    view(first).button.click();
    expect(view(first).paragraphs()[1]).toBe('evidence_label badgeSource(Only me)');
  });

  it('keeps readings apart: what differs in audience, evidence, kind or disagreement shows differently', () => {
    const public_ = view(renderBadge(post({ audience: 'public' })));
    const friends = view(renderBadge(post({ audience: 'friends' })));
    const unknown = view(renderBadge(post({ audience: 'unknown', evidence: 'none', audienceSource: undefined })));
    const comment = view(renderBadge(post({ audience: 'public', kind: 'comment' })));
    const disputed = view(
      renderBadge(post({ audience: 'public', evidence: 'embedded-json', disagreement: { audience: 'friends', evidence: 'label' } })),
    );
    expect(public_.text).toBe('badgePublic');
    expect(friends.text).toBe('badgeNotPublic(audience_friends)');
    expect(unknown.text).toBe('badgeUnknown');
    expect(unknown.button.dataset.eligible).toBe('unknown');
    comment.button.click();
    public_.button.click();
    expect(comment.paragraphs().at(-1)).toBe('adviceComment');
    expect(public_.paragraphs().at(-1)).toBe('adviceFacebookPublic');
    disputed.button.click();
    expect(disputed.paragraphs()).toContain('badgeDisagreement(audience_friends,evidence_label)');
    expect(public_.paragraphs()).not.toContain('badgeDisagreement(audience_friends,evidence_label)');
  });

  it("words a site's rule in the user's language, its label as the page showed it, and an old stored sentence as it is", () => {
    const cover = view(
      renderBadge(post({ kind: 'cover_photo', audience: 'public', evidence: 'account', audienceSource: { rule: 'cover_photo' } })),
    );
    const setting = view(
      renderBadge(
        post({ audience: 'private_account', evidence: 'account', audienceSource: { rule: 'instagram_setting', label: 'Account privato' } }),
      ),
    );
    // Rows stored before the rules were codes hold the English sentence.
    const old = view(
      renderBadge(post({ kind: 'cover_photo', audience: 'public', evidence: 'account', audienceSource: 'cover photo: always public' })),
    );
    for (const badge of [cover, setting, old]) badge.button.click();
    expect(cover.paragraphs()[1]).toBe('evidence_account audienceRule_cover_photo');
    expect(setting.paragraphs()[1]).toBe('evidence_account audienceRule_instagram_setting(Account privato)');
    expect(old.paragraphs()[1]).toBe('evidence_account badgeSource(cover photo: always public)');
  });

  it('follows a changed reading in place, its open explanation too', () => {
    const host = renderBadge(post({ audience: 'friends' }));
    const { button, paragraphs } = view(host);
    button.click();
    expect(renderBadge(post({ audience: 'public', audienceSource: 'Shared with Public' }), host)).toBe(host);
    expect(host.dataset).toMatchObject({ audience: 'public', eligible: 'yes' });
    expect(view(host).text).toBe('badgePublic');
    expect(button.dataset.eligible).toBe('yes');
    expect(paragraphs()[0]).toBe('reasonPublic');
    expect(paragraphs()[1]).toBe('evidence_label badgeSource(Shared with Public)');
  });
});
