// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../../../../src/ui/privacy/markdown';
import { policyFor } from '../../../../src/ui/privacy/policy-text';
import { PrivacyPolicy } from '../../../../src/ui/privacy/privacy';
import { mount, textOf } from '../render';

const PRIVACY_MD = readFileSync(resolve(__dirname, '../../../../PRIVACY.md'), 'utf8');
const TRANSLATIONS = resolve(__dirname, '../../../../docs/privacy');
const LOCALES = resolve(__dirname, '../../../../public/_locales');
const translation = (folder: string) => readFileSync(resolve(TRANSLATIONS, `${folder}.md`), 'utf8');

describe('the privacy page', () => {
  it('reads headings, paragraphs and lists whose items go on over indented lines', () => {
    const blocks = parseMarkdown(
      '# Title\n\nOne line\nand the next.\n\n- first item\n  goes on\n- second `code`\n\n## Part\nText **strong** end',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, content: [{ kind: 'text', text: 'Title' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'One line and the next.' }] },
      {
        kind: 'list',
        items: [
          [{ kind: 'text', text: 'first item goes on' }],
          [
            { kind: 'text', text: 'second ' },
            { kind: 'code', text: 'code' },
          ],
        ],
      },
      { kind: 'heading', level: 2, content: [{ kind: 'text', text: 'Part' }] },
      {
        kind: 'paragraph',
        content: [
          { kind: 'text', text: 'Text ' },
          { kind: 'strong', text: 'strong' },
          { kind: 'text', text: ' end' },
        ],
      },
    ]);
  });

  it('leaves an unclosed marker and markup as the text they are', () => {
    expect(parseInline('a **b and <img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: 'a **b and <img src=x onerror=alert(1)>' },
    ]);
  });

  it('bundles PRIVACY.md and falls back to it where no translation exists', () => {
    expect(policyFor('en')).toBe(PRIVACY_MD);
    expect(policyFor('xx-YY')).toBe(PRIVACY_MD);
  });

  it('picks the translation of the UI language, docs/privacy/<locale>.md', () => {
    const translation = (folder: string) => readFileSync(resolve(__dirname, `../../../../docs/privacy/${folder}.md`), 'utf8');
    expect(policyFor('fr')).toBe(translation('fr'));
    expect(policyFor('pt-BR')).toBe(translation('pt_BR'));
    expect(policyFor('pt-PT')).toBe(translation('pt_PT'));
    expect(policyFor('de-AT')).toBe(translation('de'));
    expect(policyFor('ga')).toBe(translation('ga'));
  });

  it.each(['bg', 'el', 'ga', 'mt', 'pt_BR'])('shows the %s translation as text, with no Markdown left over', async (folder) => {
    const markdown = readFileSync(resolve(__dirname, `../../../../docs/privacy/${folder}.md`), 'utf8');
    const root = await mount(<PrivacyPolicy markdown={markdown} />);
    expect(root.querySelectorAll('h1, h2').length).toBe(markdown.match(/^#{1,2} /gm)!.length);
    expect(root.querySelectorAll('li').length).toBe(PRIVACY_MD.match(/^- /gm)!.length);
    expect(textOf(root)).not.toMatch(/\*\*|`/);
    expect(textOf(root)).toContain('PRIVACY.md');
  });

  it('shows every section of PRIVACY.md as text, with no Markdown left over', async () => {
    const root = await mount(<PrivacyPolicy markdown={PRIVACY_MD} />);
    const headings = [...root.querySelectorAll('h1, h2')].map((h) => textOf(h));
    expect(headings).toEqual(PRIVACY_MD.match(/^#{1,2} .*$/gm)!.map((line) => line.replace(/^#+ /, '')));
    expect(root.querySelectorAll('li').length).toBe(PRIVACY_MD.match(/^- /gm)!.length);
    expect(textOf(root)).not.toMatch(/\*\*|`/);
    expect(textOf(root)).toContain('Nothing. Glasshouse makes no network request of its own');
  });

  it('shows the translation for the UI language: every UI language but English has one', () => {
    const folders = readdirSync(LOCALES).filter((folder) => folder !== 'en');
    expect(readdirSync(TRANSLATIONS).sort()).toEqual(folders.map((folder) => `${folder}.md`).sort());
    for (const folder of folders) expect(policyFor(folder.replace('_', '-'))).toBe(translation(folder));
    expect(policyFor('pt-BR')).not.toBe(policyFor('pt-PT'));
    expect(policyFor('fr-CA')).toBe(translation('fr'));
  });

  it('renders each translation with the English sections and no Markdown left over', async () => {
    const englishSections = PRIVACY_MD.match(/^#{1,2} .*$/gm)!.length;
    for (const file of readdirSync(TRANSLATIONS)) {
      const markdown = readFileSync(resolve(TRANSLATIONS, file), 'utf8');
      const root = await mount(<PrivacyPolicy markdown={markdown} />);
      expect(root.querySelectorAll('h1, h2').length, file).toBe(englishSections);
      expect(textOf(root), file).not.toMatch(/\*\*|`/);
    }
  });
});
