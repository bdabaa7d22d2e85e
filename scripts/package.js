// `npm run package`: from a clean build, the store packages in dist/packages/ (gitignored):
//   glasshouse-chrome-<version>.zip   the Chrome Web Store upload (dist/chrome)
//   glasshouse-firefox-<version>.zip  the addons.mozilla.org upload (dist/firefox); signing is AMO's job
//   glasshouse-source-<version>.zip   the source addons.mozilla.org reviewers ask for: the tracked files and BUILD.md
// The version is package.json's (scripts/manifest-target.ts puts it in both manifests).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist/packages');
const run = (command, args) => execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

// A fixed date for every entry: the same build gives the same zip.
const MTIME = new Date('2026-01-01T00:00:00Z');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function zip(entries, file) {
  const tree = {};
  for (const [name, data] of [...entries].sort(([a], [b]) => a.localeCompare(b))) tree[name] = [data, { mtime: MTIME }];
  writeFileSync(file, zipSync(tree, { level: 9 }));
  console.log(`wrote ${relative(root, file)}`);
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
run('node', ['scripts/build.js']);
mkdirSync(out, { recursive: true });

for (const target of ['chrome', 'firefox']) {
  const dir = join(root, 'dist', target);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  if (manifest.version !== version) throw new Error(`dist/${target}/manifest.json says ${manifest.version}, package.json ${version}`);
  zip(
    filesUnder(dir).map((path) => [relative(dir, path), readFileSync(path)]),
    join(out, `glasshouse-${target}-${version}.zip`),
  );
}

const node = process.version.replace(/^v/, '');
const npm = run('npm', ['--version']).trim();
const build = `# Building Glasshouse ${version} from this source

The Firefox package (glasshouse-firefox-${version}.zip) is \`dist/firefox/\` as these steps build it.

Built with Node.js ${node} and npm ${npm} (Node.js 20.19 or newer works), on Debian 12; no other tool and no network
access beyond npm's registry for \`npm ci\`.

\`\`\`sh
npm ci          # the exact dependencies of package-lock.json
npm run build   # writes dist/chrome/ and dist/firefox/
\`\`\`

The README's two commands also work from here: \`npm start\` (builds, then opens Chromium with the extension on the
bundled demo pages) and \`npm test\` (type check, lint, unit tests, browser tests in Chromium and Firefox ESR, web-ext
lint; it needs Debian's \`chromium\` and \`firefox-esr\`).
`;
const tracked = run('git', ['ls-files', '-z']).split('\0').filter(Boolean);
zip(
  [...tracked.map((path) => [path, readFileSync(join(root, path))]), ['BUILD.md', Buffer.from(build)]],
  join(out, `glasshouse-source-${version}.zip`),
);
