import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sinksIn, withoutEvalProbe, withoutInnerHtml } from '../../../scripts/sink-free-bundle.ts';

/** The Preact the build bundles (package.json's "exports" of the pinned release). */
const preactSource = readFileSync(resolve('node_modules/preact/dist/preact.mjs'), 'utf8');

describe('the sink-free bundle step', () => {
  it("finds Preact's one innerHTML write and leaves a throw in its place", () => {
    expect(sinksIn(preactSource)).toEqual(['HTML write']);
    const rewritten = withoutInnerHtml(preactSource);
    expect(sinksIn(rewritten)).toEqual([]);
    expect(rewritten).toContain('dangerouslySetInnerHTML is not allowed');
    // Only that write changed: Preact still compares against innerHTML to skip equal HTML.
    expect(rewritten.length - preactSource.length).toBeLessThan(100);
  });

  it('fails the build when Preact no longer has exactly one write (a new release to look at)', () => {
    expect(() => withoutInnerHtml('function f(t,h){return t}')).toThrow(/found 0/);
    expect(() => withoutInnerHtml('(a.innerHTML=b.__html);(c.innerHTML=d.__html)')).toThrow(/found 2/);
  });

  it("removes zod's eval probe as the minifier emits it, answering false", () => {
    const emitted = 'var v=i(()=>{if(Z.jitless||typeof navigator<`u`)return!1;try{return Function(``),!0}catch{return!1}});';
    expect(sinksIn(emitted)).toEqual(['Function constructor']);
    const rewritten = withoutEvalProbe(emitted);
    expect(rewritten).toBe('var v=i(()=>{if(Z.jitless||typeof navigator<`u`)return!1;return!1});');
    expect(sinksIn(rewritten)).toEqual([]);
  });

  it('names every other sink, so the build fails on it', () => {
    expect(sinksIn('el.innerHTML = text')).toEqual(['HTML write']);
    expect(sinksIn('el.outerHTML=text')).toEqual(['HTML write']);
    expect(sinksIn('new Function("return 1")')).toEqual(['Function constructor']);
    expect(sinksIn('const f=Function (`a`,`return a`)')).toEqual(['Function constructor']);
    // A probe the minifier wrote differently is not rewritten, and so is still caught.
    expect(sinksIn(withoutEvalProbe('try{return new Function(""),!0}catch(e){return!1}'))).toEqual(['Function constructor']);
  });

  it('leaves alone what only looks like a sink', () => {
    expect(sinksIn('h.__html==t.innerHTML||x.innerHTML===y')).toEqual([]);
    expect(sinksIn('e.dynamicTypingFunction(t);isFunction(x);typeof f==`function`')).toEqual([]);
    expect(sinksIn('Function.prototype.call;Function.call.bind(o)')).toEqual([]);
  });
});
