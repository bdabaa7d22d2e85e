/**
 * One MutationObserver for the page. Mutations are only collected as they come (the page's own
 * work must not wait for ours); the nodes they touch are handled together when the browser is idle,
 * each root once per batch, and nodes inside another pending root are dropped.
 */
export class MutationBatcher {
  private readonly observer: MutationObserver;
  private pending = new Set<Node>();
  private scheduled = false;

  constructor(
    private readonly handle: (roots: Node[]) => void,
    private readonly ignore: (node: Node) => boolean,
  ) {
    this.observer = new MutationObserver((records) => this.collect(records));
  }

  start(target: Node): void {
    this.observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label', 'alt'],
    });
  }

  stop(): void {
    this.observer.disconnect();
    this.pending.clear();
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
    if (this.scheduled) return;
    this.scheduled = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback((deadline) => this.drain(deadline), { timeout: 250 });
    else setTimeout(() => this.drain(), 50);
  }

  /** Roots collected but not handled yet: a long burst is handled across several idle periods. */
  private backlog: Node[] = [];

  /**
   * Handles what is pending, a few roots at a time while the idle period lasts, so a burst of
   * hundreds of posts never makes one long task; without a deadline (tests) it handles everything.
   */
  drain(deadline?: IdleDeadline): void {
    this.scheduled = false;
    const pending = this.pending;
    this.pending = new Set();
    // Walking up each node's ancestors costs its depth; comparing every pair would cost n².
    const fresh = [...pending].filter((node) => {
      if (!node.isConnected) return false;
      for (let up = node.parentNode; up; up = up.parentNode) if (pending.has(up)) return false;
      return true;
    });
    this.backlog.push(...fresh);
    // A busy page may never be idle: then the timeout runs us anyway, for a short fixed budget.
    const until = deadline ? performance.now() + (deadline.didTimeout ? TIMED_OUT_BUDGET_MS : deadline.timeRemaining()) : Infinity;
    while (this.backlog.length > 0) {
      const slice = this.backlog.splice(0, SLICE).filter((node) => node.isConnected);
      if (slice.length > 0) this.handle(slice);
      if (performance.now() >= until - 1) break;
    }
    if (this.backlog.length > 0) this.schedule();
  }
}

/** Roots handled between two looks at the clock. */
const SLICE = 4;
/** Work per callback when the browser found no idle time before the timeout: well under a 50 ms long task. */
const TIMED_OUT_BUDGET_MS = 12;
