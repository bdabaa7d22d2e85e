import type { Eligibility, OwnFinding } from '../../core';
import { isTrainingEligible, postKey } from '../../core';
import type { ScanAssignment, ScanProgress } from '../../core/scan';
import { admitFinding } from '../finding-gate';

/** Kinds that mark a place on the timeline: a comment or a profile picture does not. */
const CURSOR_KINDS = new Set(['post', 'photo', 'video', 'reel']);

/**
 * What a scan has counted: the totals it started from (a resumed scan's) plus what this page adds.
 * A resumed scan first scrolls past its stored cursor: what it sees before that was counted last
 * time and is not counted again (the page watch still records it, as it records any post).
 */
export class ScanTally {
  private readonly counted = new Map<string, Eligibility>();
  private readonly beforeCursor = new Set<string>();
  private readonly seen = new Set<string>();
  private oldest: number | undefined;
  private cursor: string | undefined;
  private lastPosition: number | undefined;
  private fresh = 0;
  passedCursor: boolean;

  constructor(
    private readonly base: Pick<ScanAssignment, 'postsFound' | 'publicFound' | 'oldestReached' | 'cursor' | 'scrollPosition'>,
    /** How far past the stored scroll position counts as past the cursor, when the cursor post never shows. */
    private readonly positionMargin = 2000,
  ) {
    this.passedCursor = base.cursor === undefined;
    this.oldest = base.oldestReached;
    this.cursor = base.cursor;
    this.lastPosition = base.scrollPosition;
  }

  /**
   * Counts a finding as the page watch read it, as the worker will store it: checked against its
   * schema first, a bad one left out. The watch sends findings unchecked (the queue checks a batch
   * only if the worker refuses it), but the cursor and dates counted here go into progress reports
   * the worker validates. Only a scan's tab pays for this check.
   */
  noteRead(read: OwnFinding): void {
    const { finding } = admitFinding(read);
    if (finding) this.note(finding);
  }

  note(finding: OwnFinding): void {
    const key = postKey(finding);
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.fresh += 1;
    }
    if (finding.publishedAt !== undefined) this.oldest = Math.min(this.oldest ?? Infinity, finding.publishedAt);
    if (!this.passedCursor) {
      this.beforeCursor.add(key);
      if (finding.postId === this.base.cursor) this.passedCursor = true;
      return;
    }
    if (this.beforeCursor.has(key)) return;
    this.counted.set(key, isTrainingEligible(finding.audience).eligible);
    if (CURSOR_KINDS.has(finding.kind)) this.cursor = finding.postId;
  }

  /** The cursor post may be gone (deleted, or hidden by the site): well past its old place counts as past it. */
  notePosition(scrollTop: number): void {
    if (!this.passedCursor && this.base.scrollPosition !== undefined && scrollTop > this.base.scrollPosition + this.positionMargin)
      this.passedCursor = true;
    if (this.passedCursor) this.lastPosition = Math.max(this.lastPosition ?? 0, Math.round(scrollTop));
  }

  /** Own posts first seen since the last call: the scan's sign that the page still gives something. */
  takeFresh(): number {
    const fresh = this.fresh;
    this.fresh = 0;
    return fresh;
  }

  progress(): ScanProgress {
    let publicCount = 0;
    for (const eligible of this.counted.values()) if (eligible === 'yes') publicCount += 1;
    const progress: ScanProgress = {
      postsFound: this.base.postsFound + this.counted.size,
      publicFound: this.base.publicFound + publicCount,
    };
    if (this.oldest !== undefined) progress.oldestReached = this.oldest;
    if (this.cursor !== undefined) progress.cursor = this.cursor;
    if (this.lastPosition !== undefined) progress.scrollPosition = this.lastPosition;
    return progress;
  }
}
