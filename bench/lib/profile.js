// Reading a CDP CPU profile (Profiler.stop): self time per function, per kind of code, and per source
// module of an unminified bundle, with the time of native DOM calls charged to the module that called them.
import { readFileSync } from 'node:fs';

const SPECIAL = /^\((program|garbage collector|root|idle)\)$/;

/**
 * Where each source module starts in an unminified vite bundle (its `// src/…` region comments).
 * @param {string} bundlePath
 * @returns {(line: number) => string} 0-based line → module path
 */
export function bundleModules(bundlePath) {
  const markers = [];
  readFileSync(bundlePath, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const match = /^\s*\/\/\s*((?:src|bench|node_modules)\/\S+)\s*$/.exec(text);
      if (match) markers.push({ line, module: match[1].replace(/^node_modules\/([^/]+).*/, '$1 (library)') });
    });
  return (line) => {
    let found = '(bundle prelude)';
    for (const marker of markers) {
      if (marker.line > line) break;
      found = marker.module;
    }
    return found;
  };
}

/**
 * @param {any} profile Profiler.Profile
 * @param {{ groupOf: (url: string, name: string) => string, exclude?: (name: string) => boolean,
 *   moduleOf?: (url: string, line: number) => string | null }} how `exclude`: frames (and what they call) left
 *   out of the totals, e.g. the bench's own driver; `moduleOf`: the module of a script frame, null for none
 */
export function profileBreakdown(profile, { groupOf, exclude = () => false, moduleOf = () => null }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  /** @type {Map<number, { excluded: boolean, module: string | null }>} */
  const context = new Map();
  const contextOf = (id) => {
    if (context.has(id)) return context.get(id);
    const node = byId.get(id);
    const up = parent.has(id) ? contextOf(parent.get(id)) : { excluded: false, module: null };
    const frame = node.callFrame;
    const own = frame.url ? moduleOf(frame.url, frame.lineNumber) : null;
    const value = { excluded: up.excluded || exclude(frame.functionName), module: own ?? (frame.url ? null : up.module) };
    context.set(id, value);
    return value;
  };
  const hits = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (deltas[i + 1] ?? 0)));
  const functions = new Map();
  const groups = new Map();
  const modules = new Map();
  let total = 0;
  let excluded = 0;
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  for (const [id, us] of hits) {
    const frame = byId.get(id).callFrame;
    const name = frame.functionName || '(anonymous)';
    if (name === '(idle)') continue;
    const where = contextOf(id);
    if (where.excluded) {
      excluded += us;
      continue;
    }
    total += us;
    const group = SPECIAL.test(name) ? name : groupOf(frame.url, name);
    add(groups, group, us);
    add(functions, `${name} [${group}${frame.url ? `:${frame.lineNumber + 1}` : ''}]`, us);
    add(modules, SPECIAL.test(name) ? name : (where.module ?? group), us);
  }
  const rank = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .map(([key, us]) => ({ name: key, ms: Math.round(us / 100) / 10, share: Math.round((1000 * us) / total) / 10 }));
  return {
    totalMs: Math.round(total / 1000),
    excludedMs: Math.round(excluded / 1000),
    groups: rank(groups),
    modules: rank(modules),
    functions: rank(functions),
  };
}
