import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/privacy/<locale>.md: PRIVACY.md in every UI language but English. A translation says at its top
// that it is one and that the English PRIVACY.md is authoritative, and keeps the English structure: the
// same headings, list items, bold spans (plus the notice's own) and the same code spans (the hosts, the
// cookie names, the database), so a section, a host or a stored field cannot go missing unnoticed.
const LOCALES = resolve('public/_locales');
const TRANSLATIONS = resolve('docs/privacy');
const english = readFileSync(resolve('PRIVACY.md'), 'utf8');
const locales = readdirSync(LOCALES).filter((l) => l !== 'en');

const headings = (text: string) => text.match(/^#{1,3} /gm)?.length ?? 0;
const items = (text: string) => text.match(/^[-*] /gm)?.length ?? 0;
const bold = (text: string) => text.match(/\*\*[^*]+\*\*/g)?.length ?? 0;
const code = (text: string) => (text.match(/`[^`]+`/g) ?? []).sort();

describe('PRIVACY.md translations', () => {
  it('exist for every UI language but English, and for nothing else', () => {
    const translated = readdirSync(TRANSLATIONS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    expect(translated.sort()).toEqual([...locales].sort());
  });

  it.each(locales.filter((l) => existsSync(join(TRANSLATIONS, `${l}.md`))))(
    '%s says at the top that it translates PRIVACY.md',
    (locale) => {
      const lines = readFileSync(join(TRANSLATIONS, `${locale}.md`), 'utf8').split('\n');
      expect(lines[0]).toMatch(/^# /);
      const notice = lines.slice(1, 4).find((line) => line.startsWith('**'));
      expect(notice, 'a bold notice right under the title').toBeDefined();
      expect(notice!.match(/PRIVACY\.md/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    },
  );

  it.each(locales.filter((l) => existsSync(join(TRANSLATIONS, `${l}.md`))))('%s keeps the structure of PRIVACY.md', (locale) => {
    const text = readFileSync(join(TRANSLATIONS, `${locale}.md`), 'utf8');
    expect(headings(text)).toBe(headings(english));
    expect(items(text)).toBe(items(english));
    expect(bold(text)).toBe(bold(english) + 1);
    expect(code(text)).toEqual(code(english));
  });
});
