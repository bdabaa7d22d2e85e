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
    if (this.pending.size > 0 && !this.scheduled) {
      this.scheduled = true;
      const run = () => this.drain();
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 250 });
      else setTimeout(run, 50);
    }
  }

  /** Handles what is pending; public so tests can drain without waiting for idle time. */
  drain(): void {
    this.scheduled = false;
    const pending = this.pending;
    this.pending = new Set();
    // Walking up each node's ancestors costs its depth; comparing every pair would cost n².
    const roots = [...pending].filter((node) => {
      if (!node.isConnected) return false;
      for (let up = node.parentNode; up; up = up.parentNode) if (pending.has(up)) return false;
      return true;
    });
    if (roots.length > 0) this.handle(roots);
  }
}
