/**
 * One MutationObserver for the page. Mutations are only collected as they come (the page's own
 * work must not wait for ours). A burst is handled in the next animation frame, before the browser
 * renders it, so its badges show in the frame that shows its posts (inserting them afterwards
 * would make the browser lay out and paint the grown page once more). What the frame's budget
 * leaves over, and everything while the page is hidden (no frames come then), is handled in idle
 * time, a few roots at a time. Each root is handled once per batch; nodes inside another pending
 * root are dropped.
 */
export class MutationBatcher {
  private readonly observer: MutationObserver;
  private pending = new Set<Node>();
  /** Roots collected but not handled yet: a long burst is handled across several idle periods. */
  private backlog: Node[] = [];
  private frameRequested = false;
  private idleRequested = false;
  private readonly now: () => number;
  private readonly frameBudgetMs: number;
  private readonly attributes: string[];

  constructor(
    private readonly handle: (roots: Node[]) => void,
    private readonly ignore: (node: Node) => boolean,
    options: { now?: () => number; frameBudgetMs?: number; attributes?: readonly string[] } = {},
  ) {
    this.observer = new MutationObserver((records) => this.collect(records));
    this.now = options.now ?? (() => performance.now());
    this.frameBudgetMs = options.frameBudgetMs ?? FRAME_BUDGET_MS;
    this.attributes = [...(options.attributes ?? [])];
  }

  start(target: Node): void {
    this.observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      // Only the attributes the site's reader takes an audience from: the rest of the page's churn is not ours.
      attributes: this.attributes.length > 0,
      ...(this.attributes.length > 0 ? { attributeFilter: this.attributes } : {}),
    });
  }

  stop(): void {
    this.observer.disconnect();
    this.pending.clear();
    this.backlog = [];
  }

  private collect(records: MutationRecord[]): void {
    for (const record of records) {
      if (this.ignore(record.target)) continue;
      if (record.type === 'childList') {
        let added = false;
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && !this.ignore(node)) {
            this.pending.add(node);
            added = true;
          }
        }
        // Removals matter too: a header icon replaced by another shows up as a removal + an addition.
        if (!added && record.removedNodes.length > 0 && [...record.removedNodes].some((n) => !this.ignore(n)))
          this.pending.add(record.target);
      } else {
        this.pending.add(record.target);
      }
    }
    if (this.pending.size > 0) this.schedule();
  }

  private schedule(): void {
    if (framesCome()) this.requestFrame();
    else this.requestIdle();
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.work(this.now() + this.frameBudgetMs, 'frame');
    });
    // A page hidden before its next frame gets none until shown again: then idle time takes over.
    setTimeout(() => this.frameRequested && this.requestIdle(), FRAME_BACKSTOP_MS);
  }

  private requestIdle(): void {
    if (this.idleRequested) return;
    this.idleRequested = true;
    const run = (deadline?: IdleDeadline) => {
      this.idleRequested = false;
      // A busy page may never be idle: then the timeout runs us anyway, for a short fixed budget.
      this.work(this.now() + (!deadline || deadline.didTimeout ? TIMED_OUT_BUDGET_MS : deadline.timeRemaining()), 'idle');
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 250 });
    else setTimeout(run, 50);
  }

  /** Handles everything pending now, however long it takes (tests, benchmarks). */
  drain(): void {
    // Records the observer has not delivered yet (it delivers in a microtask) are part of "now".
    this.collect(this.observer.takeRecords());
    this.work(Infinity, 'idle');
  }

  /**
   * Handles what is pending, a few roots at a time until `until`, so a burst of hundreds of posts
   * never makes one long task; what is left waits for idle time. In a frame the new roots go first:
   * they are what the frame is about to show, while the backlog's posts were shown already.
   */
  private work(until: number, when: 'frame' | 'idle'): void {
    const pending = this.pending;
    this.pending = new Set();
    const fresh: Node[] = [];
    // Walking up each node's ancestors costs its depth; comparing every pair would cost n².
    for (const node of pending) {
      if (!node.isConnected) continue;
      let inside = false;
      for (let up = node.parentNode; up && !inside; up = up.parentNode) inside = pending.has(up);
      if (!inside) fresh.push(node);
    }
    this.backlog = when === 'frame' ? [...fresh, ...this.backlog] : [...this.backlog, ...fresh];
    while (this.backlog.length > 0) {
      const slice = this.backlog.splice(0, SLICE).filter((node) => node.isConnected);
      if (slice.length > 0) this.handle(slice);
      if (this.now() >= until - 1) break;
    }
    if (this.backlog.length > 0) this.requestIdle();
  }
}

/** Frames come only while the page is shown; a hidden tab (a full-history scan's) gets none. */
const framesCome = (): boolean => typeof requestAnimationFrame === 'function' && globalThis.document?.visibilityState !== 'hidden';

/** Roots handled between two looks at the clock. */
const SLICE = 4;
/**
 * Our share of a frame that renders new posts: a burst of a few dozen fits, and the page keeps the
 * rest of the 16 ms for its own rendering.
 */
const FRAME_BUDGET_MS = 8;
/** How long a requested frame may fail to come before idle time handles the batch instead. */
const FRAME_BACKSTOP_MS = 500;
/** Work per callback when the browser found no idle time before the timeout: well under a 50 ms long task. */
const TIMED_OUT_BUDGET_MS = 12;
