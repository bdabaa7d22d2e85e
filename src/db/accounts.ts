import type { AccountObservation, ObservedAccount, Platform } from '../core';
import type { GlasshouseDatabase } from './schema';

/** The viewer's own accounts on a platform (a user may have had several), the latest seen first. */
export async function viewerAccounts(db: GlasshouseDatabase, platform: Platform): Promise<ObservedAccount[]> {
  const own = await db.accounts.where('[platform+isViewer]').equals([platform, 1]).toArray();
  return own.sort((a, b) => b.lastSeen - a.lastSeen);
}

/** The viewer's username on a platform, as last seen on a page (an account's latest sighting may lack it). */
export async function viewerUsername(db: GlasshouseDatabase, platform: Platform): Promise<string | undefined> {
  return (await viewerAccounts(db, platform)).find((a) => a.username)?.username;
}

/** Keeps each account's latest privacy and a history of its changes. */
export async function recordAccounts(db: GlasshouseDatabase, observations: readonly AccountObservation[]): Promise<void> {
  await db.transaction('rw', db.accounts, async () => {
    // One read for the batch; an account named twice in it is read from what the loop wrote.
    const stored = await db.accounts.bulkGet(observations.map((seen) => [seen.platform, seen.accountId] as [Platform, string]));
    const written = new Map<string, ObservedAccount>();
    for (const [i, seen] of observations.entries()) {
      const key = `${seen.platform}:${seen.accountId}`;
      const known = written.get(key) ?? stored[i];
      const step = { privacy: seen.privacy, evidence: seen.evidence, seenAt: seen.seenAt };
      if (!known) {
        const { seenAt: _seenAt, ...fields } = seen;
        const account: ObservedAccount = {
          ...fields,
          isViewer: seen.isViewer ? 1 : 0,
          firstSeen: seen.seenAt,
          lastSeen: seen.seenAt,
          history: [step],
        };
        written.set(key, account);
        continue;
      }
      const newer = seen.seenAt >= known.lastSeen;
      const changedPrivacy = newer && seen.privacy !== 'unknown' && seen.privacy !== known.privacy;
      written.set(key, {
        ...known,
        ...(newer && seen.privacy !== 'unknown' ? { privacy: seen.privacy, evidence: seen.evidence } : {}),
        ...(seen.username ? { username: seen.username } : {}),
        ...(seen.name ? { name: seen.name } : {}),
        ...(seen.professional !== undefined ? { professional: seen.professional } : {}),
        isViewer: seen.isViewer || known.isViewer === 1 ? 1 : 0,
        lastSeen: Math.max(known.lastSeen, seen.seenAt),
        history: changedPrivacy ? [...known.history, step] : known.history,
      });
    }
    await db.accounts.bulkPut([...written.values()]);
  });
}
