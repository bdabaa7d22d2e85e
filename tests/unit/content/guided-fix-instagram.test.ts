// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://www.instagram.com/accounts/privacy_setting/" }
import { afterEach, expect, it, vi } from 'vitest';
import settingsIt from '../../fixtures/instagram/settings-privacy-switch-it.html?raw';
import { DEFAULT_SETTINGS } from '../../../src/core';

vi.mock('../../../src/lib/browser', () => ({ browser: { runtime: { onMessage: { addListener: () => undefined } } } }));
vi.mock('../../../src/lib/worker-client', () => ({ askWorker: vi.fn() }));
const { PageWatch } = await import('../../../src/content/page-watch');
const { prepareGuidedFix } = await import('../../../src/content/guided-fix');
const { instagramAdapter } = await import('../../../src/platforms/instagram');

const live: { stop(): void }[] = [];
afterEach(() => live.splice(0).forEach((watch) => watch.stop()));

it('on the privacy settings, rings the "Private account" switch and says fixed once it is seen on; it never flips it', async () => {
  document.cookie = 'ds_user_id=48151623420';
  const parsed = new DOMParser().parseFromString(settingsIt, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  Element.prototype.scrollIntoView = vi.fn();
  let clicks = 0;
  document.addEventListener('click', () => void (clicks += 1), true);
  const watch = new PageWatch({
    adapter: instagramAdapter,
    doc: document,
    settings: DEFAULT_SETTINGS,
    send: (async () => ({ ok: true })) as never,
    now: () => Date.UTC(2026, 0, 1),
  });
  live.push(watch);
  const ask = (async () => ({ ok: true, target: { kind: 'account', platform: 'instagram', accountId: '48151623420' } })) as never;
  const fix = prepareGuidedFix(watch, instagramAdapter, document, ask);
  watch.start();
  await fix.begin();
  const overlay = () => document.querySelector('[data-glasshouse-fix]');
  const toggle = document.getElementById('private-toggle')!;
  expect(overlay()?.getAttribute('data-points-at')).toBe('control');
  expect(overlay()?.getAttribute('data-state')).toBe('pointing');
  expect(toggle.getAttribute('aria-checked')).toBe('false');
  // The user turns the switch on.
  toggle.setAttribute('aria-checked', 'true');
  watch.drain();
  expect(overlay()?.getAttribute('data-state')).toBe('fixed');
  expect(clicks).toBe(0);
});
