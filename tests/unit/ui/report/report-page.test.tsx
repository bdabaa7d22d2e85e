// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../../../src/core';
import { openDatabase, readReportTables, recordFindings, recordObjection, type GlasshouseDatabase } from '../../../../src/db';
import { buildReport, parseReportJson, toJson } from '../../../../src/report';
import { toFindingRow } from '../../../../src/ui/report/finding-rows';
import { click, mount, settle, textOf, typeInto } from '../render';
import { freshName } from '../../db/findings-factory';
import { generatedPosts } from './rows-factory';

// The page's overview sections ask the worker (tests/unit/report-page/home-overview.test.tsx); here it has nothing to say.
vi.mock('../../../../src/lib/worker-client', () => ({
  askWorker: vi.fn(async () => ({ ok: false, code: 'worker-unreachable', detail: 'no worker in this test' })),
}));

import { ReportPage } from '../../../../src/ui/report/report-page';
import { FindingsTable } from '../../../../src/ui/report/findings-table';

const at = (iso: string) => Date.parse(iso);

function finding(postId: string, extra: Partial<Finding> = {}): Finding {
  return {
    platform: 'facebook',
    postId,
    url: `https://www.facebook.com/alice/posts/${postId}`,
    kind: 'post',
    ownerId: '100001',
    isOwn: true,
    audience: 'public',
    evidence: 'label',
    seenAt: at('2025-06-01T09:00:00.000Z'),
    ...extra,
  };
}

let db: GlasshouseDatabase;
const downloads: { name: string; blob: Blob }[] = [];

beforeEach(async () => {
  db = openDatabase(freshName());
  await db.open();
  downloads.length = 0;
  let pending: Blob | undefined;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    pending = blob;
    return `blob:glasshouse/${downloads.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (this.download && pending) downloads.push({ name: this.download, blob: pending });
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  await db.delete();
});

async function seed(): Promise<void> {
  await recordFindings(
    db,
    [
      finding('lake', {
        publishedAt: at('2024-03-10T12:00:00.000Z'),
        excerpt: 'Sunset at the lake',
        seenAt: at('2025-06-03T09:00:00.000Z'),
      }),
      finding('dinner', { audience: 'friends', publishedAt: at('2025-04-02T18:00:00.000Z'), excerpt: 'Family dinner' }),
      finding('note', { kind: 'comment', parentPostId: 'bob1', excerpt: 'Nice one', seenAt: at('2025-06-05T09:00:00.000Z') }),
      finding('mystery', { audience: 'unknown', evidence: 'none', publishedAt: at('2023-08-20T07:30:00.000Z') }),
      finding('gram', {
        platform: 'instagram',
        url: 'https://www.instagram.com/p/Cgram/',
        audience: 'public_account',
        evidence: 'account',
        publishedAt: at('2025-01-05T10:00:00.000Z'),
      }),
    ],
    true,
  );
  await recordObjection(db, 'facebook', at('2025-05-20T00:00:00.000Z'), at('2025-05-21T00:00:00.000Z'));
}

/** Settles until `check` holds: the page loads in steps (database, then charts built in chunks). */
async function until(check: () => boolean, rounds = 50): Promise<void> {
  for (let i = 0; i < rounds && !check(); i += 1) await settle();
  expect(check()).toBe(true);
}

async function openPage(): Promise<HTMLElement> {
  const root = await mount(<ReportPage db={db} />);
  await until(() => root.querySelector('[data-section="charts"] svg, [data-section="charts"] p') !== null);
  return root;
}

const shownIds = (root: HTMLElement) => [...root.querySelectorAll('tr[data-row]')].map((row) => row.getAttribute('data-row'));

async function choose(root: HTMLElement, id: string, value: string): Promise<void> {
  const select = root.querySelector<HTMLSelectElement>(`#${id}`)!;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

async function chooseFile(root: HTMLElement, name: string, text: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('#import-file')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], name, { type: 'application/json' })] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the report page', () => {
  it('shows every finding in a table with a caption, scoped headers and sortable columns', async () => {
    await seed();
    const root = await openPage();
    expect(textOf(root.querySelector('h1'))).toBe('Glasshouse');
    const table = root.querySelector('table.findings')!;
    expect(textOf(table.querySelector('caption'))).toBe('Your posts and comments, and who can see them');
    const headers = [...table.querySelectorAll('thead th')];
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(headers.map(textOf)).toEqual(['Platform↕', 'Kind', 'Published▼', 'Last seen↕', 'Audience↕', 'AI training', 'Text', 'Link']);
    // Sortable headers are buttons; only the sorted one carries aria-sort.
    expect(table.querySelectorAll('thead th button')).toHaveLength(4);
    expect([...table.querySelectorAll('th[aria-sort]')].map((th) => [th.getAttribute('data-sort'), th.getAttribute('aria-sort')])).toEqual([
      ['published', 'descending'],
    ]);
    expect(shownIds(root)).toEqual(['facebook:dinner', 'instagram:gram', 'facebook:lake', 'facebook:mystery', 'facebook:note']);
    const lake = table.querySelector('tr[data-row="facebook:lake"]')!;
    expect(textOf(lake)).toContain('Sunset at the lake');
    expect(textOf(lake)).toContain('Public (AI training)');
    expect(lake.querySelector('a')?.getAttribute('href')).toBe('https://www.facebook.com/alice/posts/lake');
    expect(textOf(lake.querySelector('a'))).toBe('Open on Facebook (opens in a new tab)');
    expect(textOf(root.querySelector('[data-matching]'))).toBe('Showing 1–5 of 5 matching (5 in all).');
  });

  it('sorts by a header, and again the other way', async () => {
    await seed();
    const root = await openPage();
    const lastSeen = () => root.querySelector('th[data-sort="lastSeen"]')!;
    await click(lastSeen().querySelector('button'));
    expect(lastSeen().getAttribute('aria-sort')).toBe('descending');
    expect(root.querySelector('th[data-sort="published"]')!.hasAttribute('aria-sort')).toBe(false);
    expect(shownIds(root).slice(0, 2)).toEqual(['facebook:note', 'facebook:lake']);
    await click(lastSeen().querySelector('button'));
    expect(lastSeen().getAttribute('aria-sort')).toBe('ascending');
    expect(shownIds(root).slice(-2)).toEqual(['facebook:lake', 'facebook:note']);
    await click(root.querySelector('th[data-sort="platform"] button'));
    expect(root.querySelector('th[data-sort="platform"]')!.getAttribute('aria-sort')).toBe('ascending');
    expect(shownIds(root).at(-1)).toBe('instagram:gram');
  });

  it('filters with labelled controls and searches text and addresses', async () => {
    await seed();
    const root = await openPage();
    for (const control of root.querySelectorAll('.filters select, .filters input')) {
      expect(root.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
    }
    await choose(root, 'filter-eligible', 'yes');
    expect(shownIds(root)).toEqual(['instagram:gram', 'facebook:lake', 'facebook:note']);
    await choose(root, 'filter-kind', 'comment');
    expect(shownIds(root)).toEqual(['facebook:note']);
    await choose(root, 'filter-kind', 'all');
    await choose(root, 'filter-platform', 'instagram');
    expect(shownIds(root)).toEqual(['instagram:gram']);
    await click(root.querySelector('[data-action="filters-reset"]'));
    await choose(root, 'filter-year', '2023');
    expect(shownIds(root)).toEqual(['facebook:mystery']);
    await choose(root, 'filter-year', '0');
    expect(shownIds(root)).toEqual(['facebook:note']);
    await choose(root, 'filter-year', 'all');
    await choose(root, 'filter-audience', 'friends');
    expect(shownIds(root)).toEqual(['facebook:dinner']);
    await choose(root, 'filter-audience', 'all');
    await typeInto(root.querySelector('#filter-search'), 'LAKE');
    expect(shownIds(root)).toEqual(['facebook:lake']);
    await typeInto(root.querySelector('#filter-search'), 'instagram.com/p/cgram');
    expect(shownIds(root)).toEqual(['instagram:gram']);
    await typeInto(root.querySelector('#filter-search'), 'nothing like this');
    expect(shownIds(root)).toEqual([]);
    expect(textOf(root.querySelector('[data-matching]'))).toBe('Nothing matches this search and these filters.');
  });

  it('pages through many rows', async () => {
    await recordFindings(
      db,
      Array.from({ length: 250 }, (_, i) => finding(`p${i}`, { seenAt: at('2025-06-01T09:00:00.000Z') + i })),
      false,
    );
    const root = await openPage();
    expect(shownIds(root)).toHaveLength(100);
    expect(textOf(root.querySelector('.pager [data-page]'))).toBe('Page 1 of 3');
    const previous = root.querySelector('[data-action="page-previous"]')!;
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    await click(previous);
    expect(textOf(root.querySelector('.pager [data-page]'))).toBe('Page 1 of 3');
    await click(root.querySelector('[data-action="page-next"]'));
    await click(root.querySelector('[data-action="page-next"]'));
    expect(textOf(root.querySelector('.pager [data-page]'))).toBe('Page 3 of 3');
    expect(shownIds(root)).toHaveLength(50);
    expect(root.querySelector('[data-action="page-next"]')!.getAttribute('aria-disabled')).toBe('true');
    expect(textOf(root.querySelector('[data-matching]'))).toBe('Showing 201–250 of 250 matching (250 in all).');
  });

  it("shows the HTML report's charts, rebuilt without anything that could run", async () => {
    await seed();
    const root = await openPage();
    const charts = root.querySelector('[data-section="charts"]')!;
    expect(textOf(charts.querySelector('h2'))).toBe('Charts');
    expect([...charts.querySelectorAll('figcaption')].map(textOf)).toEqual([
      'Your public posts per year of publication',
      'Your posts by platform and audience',
      'Public posts before and after your objection',
    ]);
    expect(charts.querySelectorAll('svg[role="img"][aria-label]').length).toBeGreaterThanOrEqual(3);
    expect(charts.querySelector('svg')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(charts.querySelectorAll('rect').length).toBeGreaterThan(0);
    expect(charts.querySelectorAll('script, a, [onload], [onclick]')).toHaveLength(0);
  });

  it('says so when nothing was seen yet, and still offers import', async () => {
    const root = await openPage();
    expect(textOf(root.querySelector('[data-empty]'))).toBe('Glasshouse has not seen any of your posts yet.');
    expect(root.querySelector('table.findings')).toBeNull();
    expect(root.querySelector('#import-file')).not.toBeNull();
  });

  it('exports JSON, CSV and HTML as downloads, with what the database holds', async () => {
    await seed();
    const root = await openPage();
    const status = root.querySelector('[data-section="export"] [role="status"]')!;
    // A labelled progress bar is shown while the file is built.
    const progressBars: { label: string; max: string | null }[] = [];
    const watch = new MutationObserver(() => {
      const bar = root.querySelector<HTMLProgressElement>('[data-section="export"] progress');
      if (bar) progressBars.push({ label: textOf(root.querySelector(`label[for="${bar.id}"]`)), max: bar.getAttribute('max') });
    });
    watch.observe(root, { subtree: true, childList: true, attributes: true });
    await click(root.querySelector('[data-action="export-csv"]'));
    await until(() => status.getAttribute('data-outcome') === 'done');
    expect(textOf(status)).toMatch(/^Sent to your downloads: glasshouse-report-\d{4}-\d{2}-\d{2}\.csv$/);
    watch.disconnect();
    expect(progressBars[0]).toEqual({ label: 'Preparing the CSV file…', max: '100' });
    expect(root.querySelector('[data-section="export"] progress')).toBeNull();
    // Blob#text() would drop the byte-order mark: read the bytes.
    expect([...new Uint8Array(await downloads[0]!.blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await downloads[0]!.blob.text();
    expect(csv.trimEnd().split('\r\n')).toHaveLength(6);

    await click(root.querySelector('[data-action="export-json"]'));
    await until(() => downloads.length === 2);
    const json = parseReportJson(await downloads[1]!.blob.text());
    expect(json.ok && json.report.findings.map((f) => f.postId).sort()).toEqual(['dinner', 'gram', 'lake', 'mystery', 'note']);

    await click(root.querySelector('[data-action="export-html"]'));
    await until(() => downloads.length === 3);
    const html = await downloads[2]!.blob.text();
    expect(downloads[2]!.name).toMatch(/\.html$/);
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/<script/i);
  });

  it('refuses a bad file with a clear message and changes nothing', async () => {
    await seed();
    const root = await openPage();
    const before = await readReportTables(db);
    await chooseFile(root, 'notes.json', '{"hello": "world"}');
    await until(() => root.querySelector('[data-import="refused"]') !== null);
    const alert = root.querySelector('[data-section="import"] [role="alert"]')!;
    expect(textOf(alert)).toContain('Not imported; nothing was changed. The file is not a Glasshouse report.');
    expect(textOf(alert)).toContain('Details: Not a Glasshouse report: it has no schemaVersion.');
    expect(await readReportTables(db)).toEqual(before);
    expect(shownIds(root)).toHaveLength(5);

    await chooseFile(root, 'cut.json', '{"schemaVersion": 1, "findings": [{"platform": "face');
    await until(() => textOf(root.querySelector('[data-section="import"] [role="alert"]')).includes('cut short'));
    expect(await readReportTables(db)).toEqual(before);
  });

  it('imports a good file, merges it and shows the new rows', async () => {
    await seed();
    const root = await openPage();
    const report = buildReport({ ...(await readReportTables(db)), now: at('2025-09-01T00:00:00.000Z') });
    const lake = report.findings.find((f) => f.postId === 'lake')!;
    report.findings.push({
      ...lake,
      postId: 'imported',
      url: 'https://www.facebook.com/alice/posts/imported',
      excerpt: 'From the other laptop',
      history: [{ audience: 'public', eligible: 'yes', evidence: 'label', observedAt: '2025-08-01T00:00:00.000Z' }],
    });
    await chooseFile(root, 'report.json', toJson(report));
    await until(() => root.querySelector('[data-import="done"]') !== null);
    expect(textOf(root.querySelector('[data-import="done"]'))).toBe('Imported. Findings in the file: 6; new: 1; updated: 0.');
    await until(() => shownIds(root).length === 6);
    expect(shownIds(root)).toContain('facebook:imported');
    expect(textOf(root.querySelector('[data-section="import"] [role="alert"]'))).toBe('');
  });
});

describe('the report table at 50,000 rows, rendered', () => {
  it('answers a sort, a filter and a keystroke quickly (timings printed, not asserted)', async () => {
    const rows = generatedPosts(50_000).map(toFindingRow);
    const timings: Record<string, number> = {};
    const timed = async (label: string, work: () => void) => {
      const start = performance.now();
      await act(async () => work());
      timings[label] = performance.now() - start;
    };
    const start = performance.now();
    const root = await mount(<FindingsTable rows={rows} />);
    timings['first render (ranks, sort, 100 rows)'] = performance.now() - start;
    const select = (id: string, value: string) => () => {
      const element = root.querySelector<HTMLSelectElement>(`#${id}`)!;
      element.value = value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const search = (value: string) => () => {
      const input = root.querySelector<HTMLInputElement>('#filter-search')!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const sortBy = (key: string) => () => root.querySelector<HTMLButtonElement>(`th[data-sort="${key}"] button`)!.click();
    await timed('sort by last seen', sortBy('lastSeen'));
    await timed('sort by last seen, reversed', sortBy('lastSeen'));
    await timed('sort by audience', sortBy('audience'));
    await timed('sort by platform', sortBy('platform'));
    await timed('sort by published (again: cached)', sortBy('published'));
    await timed('filter: AI training = public', select('filter-eligible', 'yes'));
    await timed('filter: + comments', select('filter-kind', 'comment'));
    await timed('filter: + year 2014', select('filter-year', '2014'));
    await timed('clear filters', () => root.querySelector<HTMLButtonElement>('[data-action="filters-reset"]')!.click());
    await timed('search: "l"', search('l'));
    await timed('search: "la"', search('la'));
    await timed('search: "lake"', search('lake'));
    await timed('next page', () => root.querySelector<HTMLButtonElement>('[data-action="page-next"]')!.click());
    console.log(
      `Report table, 50,000 rows, through the component, jsdom's slow DOM included (ms):\n${Object.entries(timings)
        .map(([what, ms]) => `  ${what}: ${ms.toFixed(1)}`)
        .join('\n')}`,
    );
    expect(root.querySelectorAll('tr[data-row]')).toHaveLength(100);
    expect(root.querySelector('[data-matching]')!.getAttribute('data-matching')).not.toBe('50000');
  }, 60_000);
});
