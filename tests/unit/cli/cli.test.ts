import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIo, runCli } from '../../../src/cli/main';
import { parseReportJson } from '../../../src/report';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => path.join(root, 'tests/fixtures/facebook', name);
/** Our own page modelled on a real logged-out Page profile: one public story, only in the inline data. */
const STORY_PAGE = fixture('page-story-loggedout-en.html');
const FEED = fixture('feed-en.html');
const NOW = Date.parse('2025-07-15T08:00:00.000Z');
const scratch = mkdtempSync(path.join(tmpdir(), 'glasshouse-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the command line in this process, capturing its output. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, {
    ...nodeIo,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    now: () => NOW,
  });
  return { status, stdout, stderr };
}

function reportOf(stdout: string) {
  const parsed = parseReportJson(stdout);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.report;
}

// jsdom reading a 670 KB page takes seconds on a busy machine.
describe('glasshouse audit', { timeout: 60_000 }, () => {
  it('reports the one public story of a logged-out page with --all-authors', async () => {
    const { status, stdout, stderr } = await run('audit', STORY_PAGE, '--all-authors');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const report = reportOf(stdout);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      platform: 'facebook',
      postId: '2000000000000001',
      kind: 'post',
      owner: { id: '100020000000001', name: 'Café Lumière' },
      audience: 'public',
      eligible: 'yes',
      evidence: 'embedded-json',
      publishedAt: '2023-01-14T09:34:59.000Z',
      firstSeen: '2025-07-15T08:00:00.000Z',
    });
    expect(report.summary.platforms[0]).toMatchObject({
      platform: 'facebook',
      eligible: 1,
      total: 1,
      eligibleByYear: [{ year: 2023, eligible: 1 }],
    });
  });

  it('reports no own post on a logged-out page, and still succeeds', async () => {
    const { status, stdout, stderr } = await run('audit', STORY_PAGE);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(reportOf(stdout).findings).toEqual([]);
  });

  it("reports the viewer's own posts of the feed, the viewer known from the page's USER_ID", async () => {
    const { status, stdout, stderr } = await run('audit', FEED, '--url', 'https://www.facebook.com/');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const findings = reportOf(stdout).findings.map((f) => [f.postId, f.kind, f.audience, f.eligible, f.evidence]);
    expect(findings).toEqual([
      ['pfbid02bob1public_5501', 'comment', 'public', 'yes', 'label'],
      ['pfbid02own1public', 'post', 'public', 'yes', 'label'],
      ['pfbid02own2friends', 'post', 'friends', 'no', 'label'],
      ['pfbid02own4reshare', 'post', 'friends', 'no', 'label'],
      ['pfbid0dan77_6601', 'comment', 'friends', 'no', 'label'],
    ]);
    const everyone = reportOf((await run('audit', FEED, '--url', 'https://www.facebook.com/', '--all-authors')).stdout).findings;
    expect(everyone.length).toBeGreaterThan(findings.length);
    expect(everyone.map((f) => f.owner.id)).toContain('bob.dupont');
  });

  it('writes CSV and HTML to --out', async () => {
    const csvFile = path.join(scratch, 'feed.csv');
    expect(await run('audit', FEED, '--url', 'https://www.facebook.com/', '--format', 'csv', '--out', csvFile)).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFFplatform,post_id,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(7);

    const htmlFile = path.join(scratch, 'real.html');
    expect((await run('audit', STORY_PAGE, '--all-authors', '--format', 'html', '--out', htmlFile)).status).toBe(0);
    const html = readFileSync(htmlFile, 'utf8');
    expect(html).toContain('<h2>Your public posts (1)</h2>');
    expect(html).toContain('href="https://www.facebook.com/permalink.php?story_fbid=');
  });

  it('skips an unrecognised page among recognised ones, saying so', async () => {
    const { status, stderr } = await run('audit', STORY_PAGE, FEED);
    expect(status).toBe(0);
    expect(stderr).toBe(`glasshouse: skipped ${FEED}: not a saved facebook.com or instagram.com page, answer or HAR file\n`);
  });

  it('exits 1 when no page is recognised', async () => {
    expect(await run('audit', FEED)).toEqual({
      status: 1,
      stdout: '',
      stderr: `glasshouse: nothing recognised: ${FEED} is not a saved facebook.com or instagram.com page, answer or HAR file (give its address with --url)\n`,
    });
    const two = await run('audit', FEED, FEED);
    expect(two.status).toBe(1);
    expect(two.stderr).toMatch(/^glasshouse: nothing recognised: none of the 2 files is a saved/);
  });

  it('exits 2 on a usage or file error, with one line', async () => {
    const missing = path.join(scratch, 'missing.html');
    const cases: [string[], string][] = [
      [['audit'], 'glasshouse: audit needs at least one saved page, answer or HAR file (see glasshouse --help)\n'],
      [['audit', FEED, '--format', 'xml'], 'glasshouse: --format must be json, csv or html, not "xml" (see glasshouse --help)\n'],
      [
        ['audit', FEED, '--url', 'https://example.org/'],
        'glasshouse: --url must be a facebook.com or instagram.com address, not "https://example.org/"\n',
      ],
      [['audit', missing], `glasshouse: cannot read ${missing}: no such file\n`],
      [['audit', scratch], `glasshouse: cannot read ${scratch}: is a directory\n`],
      [
        ['audit', STORY_PAGE, '--out', path.join(scratch, 'no/such/dir/r.json')],
        `glasshouse: cannot write ${path.join(scratch, 'no/such/dir/r.json')}: no such file\n`,
      ],
    ];
    for (const [argv, stderr] of cases) expect(await run(...argv), argv.join(' ')).toEqual({ status: 2, stdout: '', stderr });
  });

  it('prints its usage for --help', async () => {
    const { status, stdout } = await run('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: glasshouse audit <file>\.\.\./);
  });
});

/** bin/glasshouse.js as a user runs it: a Node process, no TypeScript loader (the first run builds). */
function spawnCli(argv: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const options = { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } };
    execFile(process.execPath, [path.join(root, 'bin/glasshouse.js'), ...argv], options, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('bin/glasshouse.js, as a subprocess', () => {
  it('builds itself on a first run, then audits a saved page', { timeout: 120_000 }, async () => {
    const cacheName = `glasshouse-cli-test-${process.pid}`;
    const cacheDir = path.join(root, 'node_modules/.cache', cacheName);
    try {
      const { status, stdout, stderr } = await spawnCli(['audit', STORY_PAGE, '--all-authors'], { GLASSHOUSE_CLI_CACHE: cacheName });
      expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
      const report = reportOf(stdout);
      expect(report.findings.map((f) => [f.audience, f.evidence])).toEqual([['public', 'embedded-json']]);
      expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^cli-[0-9a-f]{16}\.mjs$/)]);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
    expect(existsSync(cacheDir)).toBe(false);
  });

  // The bundle gives linkedom a selector engine that compiles each selector once (src/cli/cached-selectors.ts);
  // in this process linkedom runs as published. Every fixture page must read the same either way.
  it('reads every fixture page as the unbundled readers do (selectors compiled once)', { timeout: 120_000 }, async () => {
    const pages = readdirSync(path.join(root, 'tests/fixtures/facebook')).filter((name) => name.endsWith('.html'));
    const timeless = (stdout: string) =>
      reportOf(stdout).findings.map(({ firstSeen: _first, lastSeen: _last, history, ...finding }) => ({
        ...finding,
        history: history.map(({ observedAt: _at, ...step }) => step),
      }));
    let read = 0;
    for (const name of pages) {
      const argv = ['audit', fixture(name), '--url', 'https://www.facebook.com/', '--all-authors'];
      const [bundled, unbundled] = [await spawnCli(argv), await run(...argv)];
      expect(bundled.status, name).toBe(unbundled.status);
      if (unbundled.status !== 0) continue;
      expect(timeless(bundled.stdout), name).toEqual(timeless(unbundled.stdout));
      read += reportOf(unbundled.stdout).findings.length;
    }
    expect(read).toBeGreaterThan(pages.length);
  });

  it('exits 1 and 2 with their one-line reasons', { timeout: 120_000 }, async () => {
    expect(await spawnCli(['audit', FEED])).toEqual({
      status: 1,
      stdout: '',
      stderr: `glasshouse: nothing recognised: ${FEED} is not a saved facebook.com or instagram.com page, answer or HAR file (give its address with --url)\n`,
    });
    expect(await spawnCli(['audit', '--nope'])).toEqual({
      status: 2,
      stdout: '',
      stderr: "glasshouse: unknown option '--nope' (see glasshouse --help)\n",
    });
  });
});

describe('glasshouse audit of saved data answers and HAR files', { timeout: 60_000 }, () => {
  const answers = path.join(root, 'tests/fixtures/facebook/answers');
  const ownTimeline = path.join(answers, 'own-timeline-de.json');

  it('reads a saved answer, the viewer given with --viewer (an answer does not say who is logged in)', async () => {
    const { status, stdout, stderr } = await run('audit', ownTimeline, '--viewer', '100001');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(
      reportOf(stdout)
        .findings.map((f) => [f.postId, f.audience, f.evidence])
        .sort(),
    ).toEqual([
      ['5000000000000001', 'friends', 'graphql'],
      ['5000000000000002', 'public', 'graphql'],
      ['5000000000000003', 'friends_except', 'graphql'],
      ['5000000000000004', 'custom', 'graphql'],
      ['5000000000000005', 'only_me', 'graphql'],
      ['5000000000000006', 'friends', 'graphql'],
    ]);
    // Without --viewer nothing is the user's: everyone's posts are still there with --all-authors.
    expect(reportOf((await run('audit', ownTimeline)).stdout).findings).toEqual([]);
    expect(reportOf((await run('audit', ownTimeline, '--all-authors')).stdout).findings.length).toBe(9);
  });

  it('reads a HAR recording: its answers in order, the viewer from the recorded c_user cookie', async () => {
    const entry = (url: string, text: string, mimeType = 'application/json') => ({
      request: { url, method: 'POST', cookies: [{ name: 'c_user', value: '100003' }], headers: [] },
      response: { status: 200, content: { mimeType, text } },
    });
    const harFile = path.join(scratch, 'edit.har');
    const load = JSON.stringify({
      data: {
        node: {
          __typename: 'Story',
          post_id: '8000000000000001',
          actors: [{ __typename: 'User', id: '100003', name: 'Ola Nowak' }],
          comet_sections: {
            audience: {
              __typename: 'CometFeedStoryPrivacySelectorStrategy',
              story: { privacy_scope: { privacy_scope_renderer: { privacy_row_input: { base_state: 'FRIENDS', allow: [], deny: [] } } } },
            },
          },
        },
      },
    });
    const save = readFileSync(path.join(answers, 'audience-save-pl.json'), 'utf8');
    const har = {
      log: {
        version: '1.2',
        entries: [
          entry('https://www.facebook.com/api/graphql/', load),
          entry('https://static.xx.fbcdn.net/rsrc.php/x.js', 'var x;', 'text/javascript'),
          entry('https://www.facebook.com/api/graphql/', save),
          { broken: true },
        ],
      },
    };
    writeFileSync(harFile, JSON.stringify(har));
    const { status, stdout, stderr } = await run('audit', harFile);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(reportOf(stdout).findings.map((f) => [f.postId, f.audience])).toEqual([['8000000000000001', 'only_me']]);
  });

  it('says when a JSON file is no answer of either site', async () => {
    const other = path.join(scratch, 'other.json');
    writeFileSync(other, '{"hello":"world"}');
    expect((await run('audit', other)).status).toBe(1);
  });

  it('refuses a --viewer that is not an account id', async () => {
    expect(await run('audit', ownTimeline, '--viewer', 'alice')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'glasshouse: --viewer must be a numeric account id, not "alice" (see glasshouse --help)\n',
    });
  });
});
