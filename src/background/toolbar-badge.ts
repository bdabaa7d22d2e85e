import { publicNowInput, type GlasshouseDatabase, type PublicNowInput } from '../db';

/**
 * The toolbar icon carries the answer (issue 18): its badge is the number of the user's own posts
 * that are public now, so it shows without opening anything, and it is empty when there are none.
 * Only `action.setBadgeText` and `setBadgeBackgroundColor`: no permission needed.
 */

/** The part of the browser's `action` API the badge uses (injected, so tests give a fake one). */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/** The popup's "public" red (`--exposed` in src/ui/shared/theme.css), dark enough for the badge's white text. */
export const BADGE_COLOR = '#a51d2d';

/** A badge has room for about four characters. */
const MOST_SHOWN = 999;

/**
 * The own posts public now: those stored as public, except on an Instagram account the user has made
 * private since (its posts are not public any more; the popup counts them as "public when seen").
 */
export function publicNow({ platforms }: PublicNowInput): number {
  return platforms.reduce((sum, p) => {
    const madePrivate = p.summary.platform === 'instagram' && p.viewer?.privacy === 'private';
    return sum + (madePrivate ? 0 : p.summary.eligible);
  }, 0);
}

/** The badge's text for a count: nothing at 0, the number, or "999+" beyond what fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > MOST_SHOWN ? `${MOST_SHOWN}+` : String(count);
}

/**
 * Messages after which the count may have changed: deletion, and the pages' reads (an import writes
 * from the page). A new batch is not one: it changes the count when the inbox is folded into the
 * posts, and the worker redraws the badge then (src/background/inbox-folding.ts).
 */
const COUNT_MOMENTS = new Set(['settings/set', 'data/delete-all', 'overview/get']);

export function countMayHaveChanged(message: unknown): boolean {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' && COUNT_MOMENTS.has(type);
}

/** Reads the count and shows it. Never throws: a badge that could not be drawn must not fail a message. */
export async function refreshToolbarBadge(db: () => Promise<GlasshouseDatabase>, action: BadgeAction | undefined): Promise<void> {
  if (!action) return;
  try {
    const text = badgeText(publicNow(await publicNowInput(await db())));
    await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    await action.setBadgeText({ text });
  } catch {
    // The next moment tries again.
  }
}

/**
 * `refresh` for a stream of moments: one run at a time, and the moments that come during a run make
 * one more run after it, not one each. A content script's queue sends a batch as soon as the last is
 * answered, so during a scan the worker would otherwise read the counts once per batch, alongside the
 * next batch's write.
 */
export function coalesced(refresh: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await refresh();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  return run;
}
