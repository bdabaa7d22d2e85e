import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { ObservedPost } from '../../../src/core';
import { exposureSummary, fixQueue, openDatabase, overview, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../src/db';
import { freshName } from './findings-factory';

describe('schema migration', () => {
  it('reads data written under schema 1 correctly under the current schema', async () => {
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
    expect(v2.verno).toBe(6);
    expect(await v2.posts.get(['facebook', 'old'])).toMatchObject({ audience: 'public', publishedYear: 2016 });
    expect(await v2.posts.get(['facebook', 'kept'])).toMatchObject({ audience: 'friends', publishedYear: 0 });
    expect(await v2.observations.count()).toBe(1);
    // The new index answers the popup's "most recent exposed" query.
    const view = await overview(v2);
    expect(view.platforms[0]?.recentExposed.map((p) => p.postId)).toEqual(['old']);
    expect(view.platforms[0]?.summary).toMatchObject({ eligible: 1, notEligible: 1, unknown: 0, total: 2, lastSeen: 30 });
    await v2.delete();
  });

  it('counts the posts written under schema 2 into the exposure counts, and drops the indexes no query reads', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const post = (
      platform: ObservedPost['platform'],
      postId: string,
      eligible: ObservedPost['eligible'],
      lastSeen: number,
    ): ObservedPost => ({
      platform,
      postId,
      url: `https://www.${platform}.com/p/${postId}`,
      kind: 'post',
      ownerId: '1',
      audience: eligible === 'yes' ? (platform === 'facebook' ? 'public' : 'public_account') : eligible === 'no' ? 'friends' : 'unknown',
      eligible,
      evidence: 'label',
      publishedYear: 0,
      firstSeen: 1,
      lastSeen,
    });
    await v2
      .table('posts')
      .bulkPut([
        post('facebook', 'f1', 'yes', 10),
        post('facebook', 'f2', 'yes', 40),
        post('facebook', 'f3', 'no', 20),
        post('facebook', 'f4', 'unknown', 30),
        post('instagram', 'i1', 'no', 50),
        post('instagram', 'i2', 'unknown', 5),
      ]);
    await v2
      .table('observations')
      .add({ platform: 'facebook', postId: 'f1', audience: 'public', eligible: 'yes', evidence: 'label', observedAt: 10 });
    v2.close();

    const v3 = openDatabase(name);
    await v3.open();
    expect(v3.verno).toBe(6);
    expect(await v3.exposureCounts.toArray()).toEqual([
      { platform: 'facebook', eligible: 2, notEligible: 1, unknown: 1 },
      { platform: 'instagram', eligible: 0, notEligible: 1, unknown: 1 },
    ]);
    expect((await exposureSummary(v3)).platforms).toEqual([
      { platform: 'facebook', eligible: 2, notEligible: 1, unknown: 1, total: 4, lastSeen: 40 },
      { platform: 'instagram', eligible: 0, notEligible: 1, unknown: 1, total: 2, lastSeen: 50 },
    ]);
    expect(await v3.posts.count()).toBe(6);
    expect(await v3.observations.count()).toBe(1);
    expect((await overview(v3)).platforms[0]?.recentExposed.map((p) => p.postId)).toEqual(['f2', 'f1']);
    // The indexes as IndexedDB holds them, not as Dexie declares them.
    const stores = v3.backendDB().transaction(['posts', 'observations']);
    expect([...stores.objectStore('posts').indexNames]).toEqual(['[platform+eligible+lastSeen]']);
    expect([...stores.objectStore('observations').indexNames].sort()).toEqual(['[platform+eligible]', '[platform+postId]']);
    await v3.delete();
  });

  it("indexes version 3's audience history by eligibility, so the guided fix finds a post made non-public before the upgrade", async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    await v3.table('posts').put({
      platform: 'facebook',
      postId: 'was-public',
      url: 'https://www.facebook.com/a/posts/was-public',
      kind: 'post',
      ownerId: '1',
      audience: 'friends',
      eligible: 'no',
      evidence: 'label',
      publishedYear: 0,
      firstSeen: 10,
      lastSeen: 30,
    });
    await v3.table('observations').bulkAdd([
      { platform: 'facebook', postId: 'was-public', audience: 'public', eligible: 'yes', evidence: 'label', observedAt: 10 },
      { platform: 'facebook', postId: 'was-public', audience: 'friends', eligible: 'no', evidence: 'label', observedAt: 30 },
    ]);
    v3.close();

    const v4 = openDatabase(name);
    await v4.open();
    expect(v4.verno).toBe(6);
    expect(await fixQueue(v4, {})).toMatchObject({ total: 1, fixed: 1, steps: [{ id: 'was-public', state: 'fixed', fixedAt: 30 }] });
    await v4.delete();
  });
});
