// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../../../src/ui/privacy/markdown';
import { policyFor } from '../../../src/ui/privacy/policy-text';
import { PrivacyPolicy } from '../../../src/ui/privacy/privacy';
import { mount, textOf } from './render';

const PRIVACY_MD = readFileSync(resolve(__dirname, '../../../PRIVACY.md'), 'utf8');

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

  it('bundles PRIVACY.md and its translations, falling back to English where none exists', () => {
    expect(policyFor('en')).toBe(PRIVACY_MD);
    expect(policyFor('xx-YY')).toBe(PRIVACY_MD);
    expect(policyFor('fr')).toBe(readFileSync(resolve(__dirname, '../../../docs/privacy/fr.md'), 'utf8'));
    expect(policyFor('pt-BR')).toBe(readFileSync(resolve(__dirname, '../../../docs/privacy/pt_BR.md'), 'utf8'));
    expect(policyFor('fr-BE')).toBe(policyFor('fr'));
  });

  it('shows every section of PRIVACY.md as text, with no Markdown left over', async () => {
    const root = await mount(<PrivacyPolicy markdown={PRIVACY_MD} />);
    const headings = [...root.querySelectorAll('h1, h2')].map((h) => textOf(h));
    expect(headings).toEqual(PRIVACY_MD.match(/^#{1,2} .*$/gm)!.map((line) => line.replace(/^#+ /, '')));
    expect(root.querySelectorAll('li').length).toBe(PRIVACY_MD.match(/^- /gm)!.length);
    expect(textOf(root)).not.toMatch(/\*\*|`/);
    expect(textOf(root)).toContain('Nothing. Glasshouse makes no network request of its own');
  });

  it('shows every translation with no Markdown left over', async () => {
    const dir = resolve(__dirname, '../../../docs/privacy');
    for (const file of readdirSync(dir)) {
      const markdown = readFileSync(resolve(dir, file), 'utf8');
      const root = await mount(<PrivacyPolicy markdown={markdown} />);
      expect(root.querySelectorAll('h2').length, file).toBe(markdown.match(/^## /gm)!.length);
      expect(textOf(root), file).not.toMatch(/\*\*|`|^#/);
    }
  });
});
