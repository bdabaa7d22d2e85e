import type { Audience } from './audience';

/** One reading of a post's audience: what a page said, and when. */
export interface AudienceReading {
  audience: Audience;
  at: number;
}

/**
 * Which side a reading taken at the same moment as the kept one goes to: a page read just now is
 * fresher than what was stored (`incoming`); a report file's copy of a stored reading changes nothing (`kept`).
 */
export type TieGoesTo = 'incoming' | 'kept';

/**
 * "Newer reading wins": whether `incoming` replaces `kept` as a post's current reading. The later
 * reading wins; a reading that only says `unknown` never replaces a known audience (an unreadable
 * page is no evidence that the audience changed). Nothing kept yet: the incoming reading wins.
 */
export function newerReadingWins(kept: AudienceReading | undefined, incoming: AudienceReading, tie: TieGoesTo): boolean {
  if (!kept) return true;
  if (kept.audience !== 'unknown' && incoming.audience === 'unknown') return false;
  return tie === 'incoming' ? incoming.at >= kept.at : incoming.at > kept.at;
}
