// A build step that keeps the two code sinks out of what we ship: writing HTML (innerHTML/outerHTML) and
// compiling strings (the Function constructor). Our own code has neither (eslint refuses them: post text is
// hostile input, and the extension CSP forbids eval); two libraries carry one each, as dead code for us:
// - Preact writes `dangerouslySetInnerHTML.__html` into innerHTML. We never pass that prop, so the branch
//   is replaced by a throw: a future mistake fails at render instead of writing HTML.
// - zod probes whether eval is allowed with `new Function("")`, a probe src/core/zod-setup.ts already
//   turns off (`jitless: true`) before any schema exists. The probe is removed: its answer is always false.
//   Only classic zod's object parser (the one that can compile itself) reaches the probe; zod/mini, which
//   src/ uses, does not, so today's bundles have none to remove. The rewrite stays for a zod release
//   that brings it back; anything else that calls `Function` still fails the build.
// web-ext lint reports both (UNSAFE_VAR_ASSIGNMENT, DANGEROUS_EVAL). After the rewrite every emitted
// script, the content scripts' IIFEs included, is checked, and a sink left anywhere fails the build.
import type { Plugin } from 'vite';

/** The bundled Preact: package.json's "exports" points here (preact is pinned in package.json). */
const PREACT_MODULE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;

/** Preact's minified write, e.g. `(t.innerHTML=h.__html)`: names change between releases, the shape does not. */
const PREACT_HTML_WRITE = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;

const REFUSAL = '(()=>{throw new Error("Glasshouse: dangerouslySetInnerHTML is not allowed")})()';

/**
 * zod's probe as the minifier emits it: `try { const F = Function; new F(""); return true } catch { return false }`.
 * It runs only when `jitless` is off, so `return false` is what it answers for us.
 */
const ZOD_EVAL_PROBE = /try\{return Function\(``\),!0\}catch\{return!1\}/g;

/** A write to innerHTML or outerHTML (`x.innerHTML=`, not the comparison `x.innerHTML==`), or a Function call. */
const SINKS: Record<string, RegExp> = {
  'HTML write': /\.(?:inner|outer)HTML\s*=(?!=)/,
  'Function constructor': /(?<![\w$.])Function\s*\(/,
};

/**
 * Preact's source with its one innerHTML write replaced by a throw. Anything but exactly one write (a new
 * Preact release that changed the code) fails the build, so the step cannot silently stop applying.
 */
export function withoutInnerHtml(source: string): string {
  const writes = source.match(PREACT_HTML_WRITE) ?? [];
  if (writes.length !== 1) throw new Error(`sink-free-bundle: expected 1 innerHTML write in Preact, found ${writes.length}`);
  return source.replace(PREACT_HTML_WRITE, REFUSAL);
}

/** Emitted code without zod's eval probe (none in code that does not bundle zod). */
export function withoutEvalProbe(code: string): string {
  return code.replace(ZOD_EVAL_PROBE, 'return!1');
}

/** The sinks left in emitted code, by name: empty for code we may ship. */
export function sinksIn(code: string): string[] {
  return Object.entries(SINKS)
    .filter(([, pattern]) => pattern.test(code))
    .map(([name]) => name);
}

/** Place after crx(): its generateBundle emits the content scripts' IIFEs, which this one then checks. */
export function sinkFreeBundle(): Plugin {
  return {
    name: 'glasshouse:sink-free-bundle',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!PREACT_MODULE.test(id.split('?')[0]!)) return null;
      return { code: withoutInnerHtml(code), map: null };
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/\.[cm]?js$/.test(file.fileName)) continue;
        // Chunks of this build, and assets for the IIFEs crx builds apart (without this build's plugins).
        if (file.type === 'chunk') file.code = withoutEvalProbe(file.code);
        else if (typeof file.source === 'string') file.source = withoutEvalProbe(file.source);
        const code = file.type === 'chunk' ? file.code : String(file.source);
        const sinks = sinksIn(code);
        if (sinks.length > 0) this.error(`${file.fileName} still has: ${sinks.join(', ')}`);
      }
    },
  };
}
