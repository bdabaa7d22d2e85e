import type { Platform, ViewerAccount } from '../../core';
import type { FindingRow } from './finding-rows';

/**
 * The objection helper's words, built on this computer from what Glasshouse found (issue 18): a short
 * reason for Meta's objection form and a request for access (GDPR art. 15). Pure: message keys and
 * substitutions, so a test checks them in every locale. What such texts may say, and their sources:
 * docs/OBJECTION.md.
 */

/** What the reason speaks of: how many own posts are public, and the earliest year one of them was published. */
export interface PublicFacts {
  count: number;
  /** The year of the oldest public post with a known publication date; undefined when none has one. */
  since: number | undefined;
}

export function publicFacts(rows: readonly FindingRow[], platform: Platform): PublicFacts {
  let count = 0;
  let since: number | undefined;
  for (const row of rows) {
    if (row.platform !== platform || row.eligible !== 'yes') continue;
    count += 1;
    // `year` is 0 when the publication date is unknown (finding-rows.ts).
    if (row.year > 0 && (since === undefined || row.year < since)) since = row.year;
  }
  return { count, since };
}

/** A message of _locales: a counted key takes `_<plural form>` with the count as $1, then `more`. */
export interface TextMessage {
  key: string;
  count?: number;
  more: string[];
}

/** The reason: with the count and the year when known; without public posts, the objection alone. */
export function reasonMessage(facts: PublicFacts, platformName: string): TextMessage {
  if (facts.count === 0) return { key: 'objectReasonNone', more: [platformName] };
  if (facts.since === undefined) return { key: 'objectReasonCount', count: facts.count, more: [platformName] };
  return { key: 'objectReasonSince', count: facts.count, more: [platformName, String(facts.since)] };
}

/** The account named in the access request: its username or name as seen, else a blank the user fills in (`accountUnknownKey`). */
export function accessRequestMessage(platformName: string, viewer: ViewerAccount | undefined, blank: string): TextMessage {
  const account = viewer?.username ?? viewer?.name ?? blank;
  return { key: 'accessTemplate', more: [platformName, account] };
}
