// The command line's sources are TypeScript and Node 20 cannot run them: the first run (and the
// first after a source change) bundles src/cli/main.ts into one ES module with vite's build API
// (vite is already installed for the extension), under node_modules/.cache/glasshouse-cli/, named
// by a hash of the sources. Later runs import that file directly. `node bin/build-cli.js` builds ahead.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'src/cli/main.ts';
/** What the bundle is made of: a change to any of these rebuilds it (the report's English comes from public/_locales/en). */
const SOURCE_DIRS = ['src/core', 'src/platforms', 'src/report', 'src/cli', 'public/_locales/en'];
/** Files hashed besides the sources: the packages bundled in come from the lock file's versions. */
const OTHER_INPUTS = ['package-lock.json'];
/** linkedom's selector engine is replaced by this module, which compiles each selector once (it says why). */
const CACHED_SELECTORS = 'src/cli/cached-selectors.ts';
// Inside node_modules, under .cache. Tests point GLASSHOUSE_CLI_CACHE (a name under node_modules/.cache)
// at a fresh folder to see a first run.
const cacheDir = path.join(root, 'node_modules', '.cache', process.env.GLASSHOUSE_CLI_CACHE || 'glasshouse-cli');
// GLASSHOUSE_CLI_SELECTORS=linkedom builds without the cached selectors (below): the bench's "before",
// measured in the same run as the "after" (bench/figures/exports.js). Part of the hash, so never mixed up.
const plainSelectors = process.env.GLASSHOUSE_CLI_SELECTORS === 'linkedom';

async function sourceFiles() {
  const files = [];
  for (const dir of SOURCE_DIRS) {
    const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !/\.(ts|tsx|json)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
      files.push(path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)));
    }
  }
  return files.sort();
}

/** A hash of the sources' contents, this builder, and vite's version. */
async function sourceHash() {
  const hash = createHash('sha256');
  const builder = fileURLToPath(import.meta.url);
  const vitePackage = path.join(root, 'node_modules', 'vite', 'package.json');
  for (const file of [...(await sourceFiles()), ...OTHER_INPUTS, path.relative(root, builder), path.relative(root, vitePackage)]) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(path.join(root, file)))
      .update('\0');
  }
  hash.update(plainSelectors ? 'selectors: linkedom' : 'selectors: cached');
  return hash.digest('hex').slice(0, 16);
}

/**
 * linkedom imports css-select, which compiles a selector at every call; the bundle gives linkedom
 * src/cli/cached-selectors.ts instead, and that module alone the real css-select (linkedom's own copy).
 */
function cachedSelectors() {
  const replacement = path.join(root, CACHED_SELECTORS);
  const linkedom = `${path.sep}node_modules${path.sep}linkedom${path.sep}`;
  return {
    name: 'glasshouse-cached-selectors',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== 'css-select' || !importer) return null;
      if (importer.includes(linkedom)) return replacement;
      if (importer === replacement) {
        // The real one, as linkedom would have resolved it.
        const matches = path.join(root, 'node_modules', 'linkedom', 'esm', 'shared', 'matches.js');
        return this.resolve(source, matches, { skipSelf: true });
      }
      return null;
    },
  };
}

async function bundle() {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    publicDir: false,
    plugins: plainSelectors ? [] : [cachedSelectors()],
    // Every package is bundled in: one module for node to load and link instead of zod's and linkedom's
    // hundreds, and linkedom's selector engine can be replaced (above).
    ssr: { noExternal: true },
    build: {
      ssr: ENTRY,
      write: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rolldownOptions: { output: { format: 'es', codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`expected one bundle, vite wrote ${chunks.length}`);
  return chunks[0].code;
}

/** The bundle's path, built first if missing or out of date; safe when several runs start at once. */
export async function ensureCli() {
  const target = path.join(cacheDir, `cli-${await sourceHash()}.mjs`);
  if (existsSync(target)) return target;
  const code = await bundle();
  await mkdir(cacheDir, { recursive: true });
  // Written aside and renamed: a concurrent run sees either no file or a whole one.
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, `// Built by bin/build-cli.js from ${ENTRY}; do not edit.\n${code}`);
  await rename(temporary, target);
  for (const name of await readdir(cacheDir)) {
    if (name !== path.basename(target) && /^cli-[0-9a-f]+\.mjs$/.test(name)) await rm(path.join(cacheDir, name), { force: true });
  }
  return target;
}

/** The command line's module: `runCli(argv)` resolves to the exit status. */
export async function loadCli() {
  const bundle = pathToFileURL(await ensureCli()).href;
  // eslint-disable-next-line no-unsanitized/method -- the path is the bundle ensureCli just built or found, never input
  return import(bundle);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = await ensureCli();
  console.log(path.relative(process.cwd(), target));
}
