import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, overview, SCHEMA_V1 } from '../../../src/db';
import { freshName } from './findings-factory';

describe('schema migration', () => {
  it('reads data written under schema 1 correctly under schema 2', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    // Version 1 posts as they were written, one without a publishedYear.
    await v1.table('posts').bulkPut([
      {
        platform: 'facebook',
        postId: 'old',
        url: 'https://www.facebook.com/a/posts/old',
        kind: 'post',
        ownerId: '1',
        audience: 'public',
        eligible: 'yes',
        evidence: 'label',
        publishedAt: Date.UTC(2016, 4, 1),
        firstSeen: 10,
        lastSeen: 20,
      },
      {
        platform: 'facebook',
        postId: 'kept',
        url: 'https://www.facebook.com/a/posts/kept',
        kind: 'post',
        ownerId: '1',
        audience: 'friends',
        eligible: 'no',
        evidence: 'label',
        publishedYear: 0,
        firstSeen: 10,
        lastSeen: 30,
      },
    ]);
    await v1
      .table('observations')
      .add({ platform: 'facebook', postId: 'old', audience: 'public', eligible: 'yes', evidence: 'label', observedAt: 10 });
    v1.close();

    const v2 = openDatabase(name);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.posts.get(['facebook', 'old'])).toMatchObject({ audience: 'public', publishedYear: 2016 });
    expect(await v2.posts.get(['facebook', 'kept'])).toMatchObject({ audience: 'friends', publishedYear: 0 });
    expect(await v2.observations.count()).toBe(1);
    // The new index answers the popup's "most recent exposed" query.
    const view = await overview(v2);
    expect(view.platforms[0]?.recentExposed.map((p) => p.postId)).toEqual(['old']);
    await v2.delete();
  });
});
