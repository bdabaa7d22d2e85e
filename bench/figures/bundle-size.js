// Figure 6: what each context of the extension loads, from the build (the same vite config and mode as
// dist/chrome): every file an entry point pulls in (its HTML, scripts, static and dynamic imports,
// stylesheets), raw and gzipped (node:zlib, level 9), against a budget per entry.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt } from '../lib/stats.js';

export const id = 'bundle-size';
export const title = 'Bundle size of each entry point (dist/chrome)';

const KB = 1024;
/** Budgets in gzipped bytes. The page-world script runs in every Facebook page before its own scripts. */
const BUDGETS = {
  'page-world script': 4 * KB,
  'content script': 60 * KB,
  worker: 80 * KB,
  popup: 80 * KB,
  options: 80 * KB,
  'report page': 100 * KB,
};

/** Libraries a built file carries, told by names minification keeps. */
const LIBRARIES = [
  ['dexie', /\bDexie\b/],
  ['zod', /_zod\b/],
  ['papaparse', /\bunparse\b/],
  ['preact', /__H\b|\bjsxs?\b/],
  ['webextension-polyfill', /only be loaded in a browser extension/],
];

/** @param {string} code */
const librariesIn = (code) => LIBRARIES.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);

/**
 * Files a JS module imports, resolved against it: `static` (imports, re-exports: loaded with the
 * module) and `dynamic` (import() of a literal in any quotes, backticks included, as vite writes
 * them: loaded only when the code that calls it runs).
 */
function jsImports(file, dist) {
  const code = readFileSync(file, 'utf8');
  const resolveAll = (specs) =>
    [...specs]
      .filter((spec) => spec.startsWith('.') || spec.startsWith('/'))
      .map((spec) => (spec.startsWith('/') ? join(dist, spec) : resolve(dirname(file), spec)));
  const staticSpecs = new Set();
  for (const pattern of [
    /\bimport\s*[^'"`()]*?from\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bexport\s*[^'"`;]*?from\s*["']([^"']+)["']/g,
  ])
    for (const match of code.matchAll(pattern)) staticSpecs.add(match[1]);
  const dynamicSpecs = new Set();
  for (const match of code.matchAll(/\bimport\(\s*(["'`])([^"'`$]+)\1\s*\)/g)) dynamicSpecs.add(match[2]);
  return { static: resolveAll(staticSpecs), dynamic: resolveAll(dynamicSpecs) };
}

/** Files an HTML page loads: scripts, module preloads, stylesheets. */
function htmlLoads(file, dist) {
  const html = readFileSync(file, 'utf8');
  const found = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.push(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g)) found.push(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g)) found.push(match[1]);
  return found.filter((u) => !/^[a-z]+:/.test(u)).map((u) => (u.startsWith('/') ? join(dist, u) : resolve(dirname(file), u)));
}

/** Every file reachable from `roots`: through static imports only, or through dynamic ones too. */
function closure(roots, dist, { dynamic }) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('.html')) queue.push(...htmlLoads(file, dist));
    else if (file.endsWith('.js') || file.endsWith('.mjs')) {
      const imports = jsImports(file, dist);
      queue.push(...imports.static, ...(dynamic ? imports.dynamic : []));
    }
  }
  return [...seen];
}

/** Raw and gzipped sizes of `files`, largest first, with the libraries each carries. */
function measure(files, dist) {
  let raw = 0;
  let gzip = 0;
  const list = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const gz = gzipSync(bytes, { level: 9 }).length;
    raw += statSync(file).size;
    gzip += gz;
    list.push({
      file: relative(dist, file),
      raw: bytes.length,
      gzip: gz,
      libraries: /\.m?js$/.test(file) ? librariesIn(bytes.toString('utf8')) : [],
    });
  }
  return { raw, gzip, files: list.sort((a, b) => b.gzip - a.gzip) };
}

function entryPoints(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const scripts = (world) =>
    (manifest.content_scripts ?? [])
      .filter((c) => (world === 'MAIN') === (c.world === 'MAIN'))
      .flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  return {
    'page-world script': scripts('MAIN'),
    'content script': scripts('ISOLATED'),
    worker: [manifest.background?.service_worker].filter(Boolean),
    popup: [manifest.action?.default_popup].filter(Boolean),
    options: [manifest.options_ui?.page ?? manifest.options_page].filter(Boolean),
    // Not in the manifest: the report page is an extra input of vite.config.ts.
    'report page': ['src/ui/report/index.html'],
  };
}

export async function run(env) {
  if (!env.extensionDir) throw new Error(`extension build missing: ${env.buildErrors.extensionDir ?? 'not built'}`);
  const dist = env.extensionDir;
  const entries = {};
  for (const [name, roots] of Object.entries(entryPoints(dist))) {
    const paths = roots.map((r) => join(dist, r));
    // The budget is for what the context loads when it opens; import() chunks load when their code runs.
    const firstLoad = closure(paths, dist, { dynamic: false });
    const onDemand = closure(paths, dist, { dynamic: true }).filter((file) => !firstLoad.includes(file));
    const lazy = measure(onDemand, dist);
    entries[name] = { ...measure(firstLoad, dist), budget: BUDGETS[name], onDemand: lazy };
    env.log(
      `  ${name}: ${fmt(entries[name].raw / KB)} KB raw, ${fmt(entries[name].gzip / KB)} KB gzipped at first load (budget ${fmt(
        BUDGETS[name] / KB,
      )} KB) in ${firstLoad.length} files; ${fmt(lazy.gzip / KB)} KB gzipped more on demand in ${onDemand.length} files`,
    );
  }
  const misses = Object.entries(entries).filter(([, e]) => e.files.length === 0 || e.gzip > e.budget);
  const analysis = misses.map(([name, e]) =>
    e.files.length === 0
      ? `${name}: no file found in the build.`
      : `${name} is ${fmt(e.gzip / KB)} KB gzipped, over its ${fmt(e.budget / KB)} KB budget. Its largest files: ${e.files
          .slice(0, 3)
          .map((f) => `${f.file} ${fmt(f.gzip / KB)} KB${f.libraries.length ? ` (${f.libraries.join(', ')})` : ''}`)
          .join(', ')}. ` +
        // The content script is one IIFE (nothing loads on demand there): its own paragraph follows.
        (name === 'content script'
          ? ''
          : 'What the first render does not need (code behind a button or a file picker, a library used once) can load on demand with import() when the user asks for it, so the page’s first load stays within the budget.'),
  );
  const content = entries['content script'];
  if (content?.files.length && content.gzip > 0.8 * content.budget && content.files.some((f) => f.libraries.includes('zod'))) {
    analysis.push(
      `The content script is at ${fmt((100 * content.gzip) / content.budget)} % of its budget. It carries zod: src/core defines its schemas at module level, so they come along with whatever the content script imports from there, although at run time it only checks the page-world bridge’s messages and its own built-in vocabulary. Keeping the schemas out of its import graph (types through \`import type\`, the bridge check in a module of its own, the vocabulary checked by a unit test instead of at load) is the lever if it grows.`,
    );
  }
  return {
    goal: Object.entries(BUDGETS)
      .map(([name, budget]) => `${name} ≤ ${budget / KB} KB gz`)
      .join(', '),
    status: misses.length === 0 ? 'PASS' : 'MISS',
    runs: 'one build (sizes do not vary); gzip level 9 per file, summed over the files each entry loads when it opens (its HTML, static imports and stylesheets; shared chunks counted in each entry); chunks reached only through import() are listed apart, as loaded on demand, outside the budget',
    headline: Object.entries(entries)
      .map(([name, e]) => `${name} ${fmt(e.gzip / KB)} KB gz${e.gzip > e.budget ? ' (over)' : ''}`)
      .join(', '),
    rows: Object.entries(entries).flatMap(([name, e]) => [
      {
        metric: `${name}, first load (${e.files.length} files)`,
        value: `${fmt(e.raw / KB)} KB raw, ${fmt(e.gzip / KB)} KB gz`,
        goal: `≤ ${e.budget / KB} KB gz`,
        status: e.files.length > 0 && e.gzip <= e.budget ? 'PASS' : 'MISS',
      },
      ...(e.onDemand.files.length > 0
        ? [
            {
              metric: `${name}, loaded on demand by import() (${e.onDemand.files.length} files)`,
              value: `${fmt(e.onDemand.raw / KB)} KB raw, ${fmt(e.onDemand.gzip / KB)} KB gz: ${e.onDemand.files
                .slice(0, 3)
                .map((f) => `${f.file}${f.libraries.length ? ` (${f.libraries.join(', ')})` : ''}`)
                .join(', ')}`,
            },
          ]
        : []),
    ]),
    analysis,
    data: { dist: relative(env.root, dist), budgets: BUDGETS, entries },
  };
}
