import { afterEach, describe, expect, it } from 'vitest';
import { route } from '../../../src/background/router';
import { databaseOnDemand } from '../../../src/background/worker-database';
import { openDatabase, type GlasshouseDatabase } from '../../../src/db';
import { freshName } from '../db/findings-factory';

let db: GlasshouseDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe("the worker's database", () => {
  it('is opened again after a failed open, not refused for the rest of the worker life', async () => {
    let attempts = 0;
    const ready = databaseOnDemand(async () => {
      attempts += 1;
      if (attempts === 1) throw new DOMException('The user denied permission to access the database.', 'UnknownError');
      return (db = (await openDatabase(freshName()).open()) as GlasshouseDatabase);
    });
    expect(await route({ type: 'settings/get' }, 'extension-page', ready)).toEqual({
      ok: false,
      code: 'database-unavailable',
      detail: 'could not open the database: The user denied permission to access the database.',
    });
    expect(await route({ type: 'settings/get' }, 'extension-page', ready)).toMatchObject({ ok: true, autoDeleteDays: 0 });
    // Once open, it stays open: no third attempt.
    expect(await route({ type: 'summary/get' }, 'extension-page', ready)).toMatchObject({ ok: true });
    expect(attempts).toBe(2);
  });

  it('shares one open between requests that arrive together', async () => {
    let attempts = 0;
    const ready = databaseOnDemand(async () => {
      attempts += 1;
      return (db = (await openDatabase(freshName()).open()) as GlasshouseDatabase);
    });
    const replies = await Promise.all([
      route({ type: 'settings/get' }, 'extension-page', ready),
      route({ type: 'summary/get' }, 'extension-page', ready),
    ]);
    expect(replies).toMatchObject([{ ok: true }, { ok: true }]);
    expect(attempts).toBe(1);
  });
});
