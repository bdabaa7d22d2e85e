import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/store/<locale>.md: what the Chrome Web Store and addons.mozilla.org show and ask, in every UI
// language. Headings are translated; the anchors are not, so every language is checked alike.
const LOCALES = resolve('public/_locales');
const STORE = resolve('docs/store');
const locales = readdirSync(LOCALES);

const PARTS = ['short-description', 'long-description', 'privacy-practices'] as const;
const PRIVACY_ANSWERS = ['single-purpose', 'permission-justification', 'remote-code', 'data-usage'] as const;
/** The Chrome Web Store's limit for the summary (the manifest's description). */
const SHORT_MAX = 132;

/** The text after `<a id="…"></a>` up to the next anchor, without headings. */
function section(text: string, id: string): string | undefined {
  const start = text.indexOf(`<a id="${id}"></a>`);
  if (start < 0) return undefined;
  const rest = text.slice(start).split('\n').slice(1).join('\n');
  const end = rest.search(/<a id="/);
  return (end < 0 ? rest : rest.slice(0, end))
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();
}

describe('store listings', () => {
  it('exist for every UI language and for nothing else', () => {
    const listed = readdirSync(STORE)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    expect(listed.sort()).toEqual([...locales].sort());
  });

  it.each(locales.filter((l) => existsSync(join(STORE, `${l}.md`))))('%s has the three parts and every privacy answer', (locale) => {
    const text = readFileSync(join(STORE, `${locale}.md`), 'utf8');
    for (const id of [...PARTS, ...PRIVACY_ANSWERS]) expect(section(text, id), id).toBeDefined();
    for (const id of ['short-description', 'long-description', ...PRIVACY_ANSWERS]) expect(section(text, id), id).not.toBe('');
  });

  it.each(locales.filter((l) => existsSync(join(STORE, `${l}.md`))))(
    '%s: the short description is the extension description, within the store limit',
    (locale) => {
      const short = section(readFileSync(join(STORE, `${locale}.md`), 'utf8'), 'short-description') ?? '';
      const messages = JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect([...short].length).toBeLessThanOrEqual(SHORT_MAX);
      expect(short).toBe(messages.extensionDescription?.message);
    },
  );

  it.each(locales.filter((l) => existsSync(join(STORE, `${l}.md`))))('%s names every host it asks for, and no other', (locale) => {
    const answer = section(readFileSync(join(STORE, `${locale}.md`), 'utf8'), 'permission-justification') ?? '';
    const manifest = JSON.parse(readFileSync(resolve('manifest.json'), 'utf8')) as { host_permissions: string[] };
    const hosts = manifest.host_permissions.map((pattern) => new URL(pattern.replace('/*', '/')).hostname);
    for (const host of hosts) expect(answer).toContain(host);
    const named = answer.match(/\b[a-z0-9.-]+\.(?:com|net|org)\b/g) ?? [];
    expect(named.filter((host) => !hosts.includes(host))).toEqual([]);
  });
});
