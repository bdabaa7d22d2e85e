import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Words a component may show as they are: brand names, the same in every language. */
const BRANDS = ['Glasshouse', 'Facebook', 'Instagram', 'Meta'];
const CHECKED_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
]);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** Text that carries a letter once brand names are taken out. */
function hasWords(text: string): boolean {
  let rest = text;
  for (const brand of BRANDS) rest = rest.split(brand).join('');
  return /\p{L}/u.test(rest);
}

/** Every user-visible literal of a .tsx source: JSX text, string literals as JSX children, and literal text attributes. */
export function literalStrings(source: string, fileName = 'component.tsx'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const stringsIn = (node: ts.Node | undefined): string[] => {
    if (!node) return [];
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
    if (ts.isJsxExpression(node) || ts.isParenthesizedExpression(node)) return stringsIn(node.expression);
    if (ts.isConditionalExpression(node)) return [...stringsIn(node.whenTrue), ...stringsIn(node.whenFalse)];
    if (ts.isBinaryExpression(node)) {
      // Only what can be rendered: `a && 'x'` shows 'x'; a comparison shows a boolean.
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return stringsIn(node.right);
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) {
        return [...stringsIn(node.left), ...stringsIn(node.right)];
      }
    }
    return [];
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      found.push(...stringsIn(node.expression).filter(hasWords));
    }
    if (ts.isJsxAttribute(node) && CHECKED_ATTRIBUTES.has(node.name.getText())) {
      found.push(...stringsIn(node.initializer).filter(hasWords));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('components show no literal text', () => {
  it('finds literals where they are (the check itself works)', () => {
    const sample = `const A = () => (
      <div title="Close" aria-label={'Open menu'}>
        Hello
        {ok ? 'Yes' : t('no')}
        {state === 'ready' && 'Done'}
        {name ?? 'Anonymous'}
        <img alt="Glasshouse" />
        {t('key')} · {' '}
      </div>
    );`;
    expect(literalStrings(sample)).toEqual(['Close', 'Open menu', 'Hello', 'Yes', 'Done', 'Anonymous']);
  });

  const root = resolve('src/ui');
  const files = tsxFiles(root);
  it('has components to check', () => expect(files.length).toBeGreaterThan(3));
  it.each(files.map((f) => relative(root, f)))('%s', (file) => {
    expect(literalStrings(readFileSync(join(root, file), 'utf8'), file)).toEqual([]);
  });
});
