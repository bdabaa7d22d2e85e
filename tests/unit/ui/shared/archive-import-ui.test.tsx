// @vitest-environment jsdom
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, recordFindings, type GlasshouseDatabase } from '../../../../src/db';
import { mount, settle, textOf } from '../render';
import { finding, freshName } from '../../db/findings-factory';
import { ArchiveImport } from '../../../../src/ui/shared/ArchiveImport';

const FB_PATH = 'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json';
let db: GlasshouseDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/**
 * Picks files in an input as the browser would (jsdom cannot set `files`, so it is defined), then waits
 * until the component shows `answer`: the import reads the files and the database in several steps.
 */
async function pick(input: Element | null, files: File[], answer: string): Promise<void> {
  if (!(input instanceof HTMLInputElement)) throw new Error('no input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await vi.waitFor(
    async () => {
      await settle();
      if (!document.querySelector(answer)) throw new Error(`no ${answer} yet`);
    },
    { timeout: 10_000, interval: 20 },
  );
}

const zipFile = (files: Record<string, string>, name = 'facebook-alice.zip') =>
  new File([zipSync(Object.fromEntries(Object.entries(files).map(([p, b]) => [p, strToU8(b)])))], name, { type: 'application/zip' });

describe('the archive import component', () => {
  it('reads a picked ZIP and lists the posts never seen as "audience unknown, not seen on the page"', async () => {
    db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
    await recordFindings(db, [finding({ postId: 'seen', excerpt: 'Seen on the page', publishedAt: Date.UTC(2024, 0, 1, 12) })], true);
    const posts = [
      { timestamp: Date.UTC(2024, 0, 1, 10) / 1000, data: [{ post: 'Seen on the page' }] },
      { timestamp: Date.UTC(2010, 4, 2) / 1000, data: [{ post: 'Jamais vu \u00c3\u00a0 Paris' }] },
    ];
    const root = await mount(<ArchiveImport database={async () => db!} />);
    await pick(
      root.querySelector('[data-archive-input="files"]'),
      [zipFile({ [FB_PATH]: JSON.stringify(posts) })],
      '[data-archive-platform]',
    );
    const result = root.querySelector('[data-archive-platform="facebook"]');
    expect(result?.getAttribute('data-matched')).toBe('1');
    expect(result?.getAttribute('data-unseen')).toBe('1');
    expect(textOf(result)).toContain('Posts in your export: 2. Matched with posts Glasshouse saw: 1. Never seen on a page: 1.');
    expect(textOf(result)).toContain('Audience unknown, not seen on the page');
    expect(textOf(result)).toContain('Not covered by a whole-profile scan: 1 (none has run yet');
    const unseen = result?.querySelector('li[data-audience="unknown"]');
    expect(textOf(unseen)).toContain('Jamais vu à Paris');
    expect(textOf(root)).not.toMatch(/not public/i);
    expect(textOf(root.querySelector('[role="status"]'))).toContain('Nothing from the export was stored.');
  });

  it('shows a clear error for a malformed file and stores nothing', async () => {
    db = (await openDatabase(freshName()).open()) as GlasshouseDatabase;
    const root = await mount(<ArchiveImport database={async () => db!} />);
    await pick(
      root.querySelector('[data-archive-input="folder"]'),
      [new File(['[{"timestamp": 12'], 'your_posts__check_ins__photos_and_videos_1.json')],
      '[role="alert"]',
    );
    const alert = root.querySelector('[role="alert"]');
    expect(textOf(alert)).toMatch(
      /^The file your_posts__check_ins__photos_and_videos_1\.json is not valid JSON \(.+\)\. Nothing was imported\.$/,
    );
    expect(root.querySelector('[data-archive-platform]')).toBeNull();
    expect(await db.posts.count()).toBe(0);
    expect(await db.scans.count()).toBe(0);
  });
});
