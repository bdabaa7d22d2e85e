import type { AccountObservation, ObservedAccount } from '../core';
import type { GlasshouseDatabase } from './schema';

/** Keeps each account's latest privacy and a history of its changes. */
export async function recordAccounts(db: GlasshouseDatabase, observations: readonly AccountObservation[]): Promise<void> {
  await db.transaction('rw', db.accounts, async () => {
    for (const seen of observations) {
      const known = await db.accounts.get([seen.platform, seen.accountId]);
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
        await db.accounts.put(account);
        continue;
      }
      const newer = seen.seenAt >= known.lastSeen;
      const changedPrivacy = newer && seen.privacy !== 'unknown' && seen.privacy !== known.privacy;
      await db.accounts.put({
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
  });
}
